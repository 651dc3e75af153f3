import { all, type Case, ctx, type Entry, type Who } from './context';

// Learning events. The fixture is Jawa Barat's private bimtek inviting Garut (the sample
// accounts' body); Sumedang's mentor is neither organiser nor invited, so the event does not exist
// for them; a private event of Jawa Tengah does not exist for Jawa Barat's supervisor.

const api = async (who: Exclude<Who, 'anon'>, method: 'POST' | 'GET', url: string, payload?: unknown) => {
  const res = await ctx.t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: ctx.sessions[who].headers,
    payload: payload as object,
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json().data;
};

const eventBody = (organiserCode: string) => ({
  organiserCode,
  title: `Bimtek matriks ${++ctx.n}`,
  type: 'bimtek',
  audience: 'technical',
  place: 'Bandung',
  // In the past, so a check-in's time (it must not be in the future) can fall within it.
  startsAt: '2025-03-01T09:00',
  endsAt: '2025-03-01T15:00',
});

/** A new private event of Jawa Barat inviting Garut. */
async function jabarEvent(): Promise<string> {
  const e = await api('provinceSup', 'POST', '/events', eventBody('32'));
  await api('provinceSup', 'POST', `/events/${e.id}/invitations`, { orgCodes: ['32.05'] });
  return e.id;
}
let shared: Promise<string> | undefined;
const sharedEvent = () => {
  shared ??= jabarEvent();
  return shared;
};
const jatengEvent = async () => (await api('admin', 'POST', '/events', eventBody('33'))).id as string;

const participantBody = () => ({
  orgCode: '32.05',
  name: `Peserta ${++ctx.n}`,
  tier: 'technical',
  email: `peserta${ctx.n}@garutkab.test`,
});
/** A new participant of Garut in the shared event. */
async function participant(): Promise<[string, string]> {
  const id = await sharedEvent();
  const p = await api('bodyAdmin', 'POST', `/events/${id}/participants`, participantBody());
  return [id, p.id];
}

/** The organiser (Jawa Barat), national roles: ok; Garut's people in scope but not allowed; the mentor: 404. */
const organisers = (ok: number): Case[] => [
  { who: 'provinceSup', status: ok },
  { who: 'national', status: ok },
  { who: 'admin', status: ok },
  { who: 'operator', status: 403 },
  { who: 'leader', status: 403 },
  { who: 'bodyAdmin', status: 403 },
  { who: 'mentor', status: 404 },
];
const readers: Case[] = [...all(200).filter((c) => c.who !== 'mentor'), { who: 'mentor', status: 404 }];

export const eventEntries: Record<string, Entry> = {
  'GET /api/v1/events': {
    access: 'user',
    req: () => ({ url: '/api/v1/events?q=matriks&sort=title' }),
    cases: all(200),
  },
  'POST /api/v1/events': {
    access: 'user',
    req: () => ({ url: '/api/v1/events', payload: eventBody('32') }),
    cases: [...organisers(201).filter((c) => c.who !== 'mentor'), { who: 'mentor', status: 403 }],
  },
  'GET /api/v1/events/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/events/${await sharedEvent()}` }),
    cases: [
      ...readers,
      {
        who: 'provinceSup',
        status: 404,
        req: async () => ({ url: `/api/v1/events/${await jatengEvent()}` }),
      },
    ],
  },
  'PUT /api/v1/events/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/events/${await sharedEvent()}`, payload: eventBody('32') }),
    cases: organisers(200),
  },
  'POST /api/v1/events/:id/cancel': {
    access: 'user',
    req: async () => ({ url: `/api/v1/events/${await jabarEvent()}/cancel`, payload: { reason: 'Ditunda' } }),
    cases: organisers(200),
  },
  'GET /api/v1/events/:id/calendar.ics': {
    access: 'user',
    req: async () => ({ url: `/api/v1/events/${await sharedEvent()}/calendar.ics` }),
    cases: readers,
  },
  'POST /api/v1/events/:id/invitations': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/events/${await sharedEvent()}/invitations`,
      payload: { orgCodes: ['32.05'] },
    }),
    cases: organisers(200),
  },
  'GET /api/v1/events/:id/people': {
    access: 'user',
    req: async () => ({ url: `/api/v1/events/${await sharedEvent()}/people` }),
    cases: readers,
  },
  'POST /api/v1/events/:id/participants': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/events/${await sharedEvent()}/participants`,
      payload: participantBody(),
    }),
    // A body registers only its own people: Garut's admin (and the secretariat), no one else.
    cases: [
      { who: 'bodyAdmin', status: 201 },
      { who: 'admin', status: 201 },
      ...(['operator', 'leader', 'provinceSup', 'national'] as const).map((who) => ({ who, status: 403 })),
      { who: 'mentor', status: 404 },
    ],
  },
  'DELETE /api/v1/events/:id/participants/:participantId': {
    access: 'user',
    req: async () => {
      const [id, p] = await participant();
      return { url: `/api/v1/events/${id}/participants/${p}` };
    },
    cases: [
      { who: 'bodyAdmin', status: 200 },
      { who: 'provinceSup', status: 200 },
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
      { who: 'operator', status: 403 },
      { who: 'leader', status: 403 },
      { who: 'mentor', status: 404 },
    ],
  },
  'GET /api/v1/events/:id/participants/:participantId/code': {
    access: 'user',
    req: async () => {
      const [id, p] = await participant();
      return { url: `/api/v1/events/${id}/participants/${p}/code` };
    },
    cases: [
      { who: 'bodyAdmin', status: 200 },
      { who: 'provinceSup', status: 200 },
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
      { who: 'operator', status: 403 },
      { who: 'leader', status: 403 },
      { who: 'mentor', status: 404 },
    ],
  },
  'POST /api/v1/events/:id/check-ins': {
    access: 'user',
    req: async () => {
      const [id, p] = await participant();
      return {
        url: `/api/v1/events/${id}/check-ins`,
        payload: { participantId: p, at: '2025-03-01T09:30:00+07:00' },
      };
    },
    cases: organisers(200),
  },
  'GET /api/v1/events/:id/attendance.csv': {
    access: 'user',
    req: async () => ({ url: `/api/v1/events/${await sharedEvent()}/attendance.csv` }),
    cases: readers,
  },
};
