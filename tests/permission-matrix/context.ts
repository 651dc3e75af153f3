import type { Session, TestApp } from '../support/test-app';

export type Who =
  | 'anon'
  | 'operator'
  | 'leader'
  | 'bodyAdmin'
  | 'provinceSup'
  | 'national'
  | 'mentor'
  | 'admin';
export type Req = { url: string; payload?: unknown; headers?: Record<string, string> };
export type Case = { who: Who; status: number; req?: () => Promise<Req> | Req };
export type Entry = { access: 'public' | 'user'; req: () => Promise<Req> | Req; cases: Case[] };

export const accounts: Record<Exclude<Who, 'anon'>, string> = {
  operator: 'operator.garut@livinglab.test',
  leader: 'bupati.garut@livinglab.test',
  bodyAdmin: 'admin.garut@livinglab.test',
  provinceSup: 'jabar@livinglab.test',
  national: 'nasional@livinglab.test',
  mentor: 'mentor.sumedang@livinglab.test',
  admin: 'admin@livinglab.test',
};

/** The app under test and the signed-in sample accounts, shared by the matrix's parts. */
export const ctx = {
  t: undefined as unknown as TestApp,
  sessions: {} as Record<Exclude<Who, 'anon'>, Session>,
  /** A counter that keeps generated names and years apart. */
  n: 0,
  assessmentYear: 2017,
};

export const all = (status: number): Case[] =>
  (['operator', 'leader', 'bodyAdmin', 'provinceSup', 'national', 'mentor', 'admin'] as const).map((who) => ({
    who,
    status,
  }));
export const onlyAdmin = (ok: number): Case[] => [
  ...all(403).filter((c) => c.who !== 'admin'),
  { who: 'admin', status: ok },
];

/** Garut's operator and body admin (and the platform admin) may; other roles in scope may not. */
export const bodyEditors = (ok: number): Case[] => [
  { who: 'operator', status: ok },
  { who: 'bodyAdmin', status: ok },
  { who: 'admin', status: ok },
  ...(['leader', 'provinceSup', 'national', 'mentor'] as const).map((who) => ({ who, status: 403 })),
];
