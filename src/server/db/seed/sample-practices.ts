import { eq, inArray } from 'drizzle-orm';
import { addDays } from '../../../shared/calendar';
import type { PracticeType } from '../../../shared/contracts/practices';
import { refreshFollowupFacts } from '../../modules/followup/followup.facts';
import { recordAudit } from '../../platform/audit';
import { today as calendarToday } from '../../platform/calendar';
import type { Db } from '../client';
import { adoptions, adoptionTransitions, assistanceRequests, orgs, practices, users } from '../schema';

// Labelled sample practices of the host Kabupaten Sumedang, one replication by Kabupaten Garut
// (at the MoU stage) and one open assistance request, so the catalogue and the ledger show
// something on a fresh start. Every text says it is sample data: none of it describes a real
// regulation, application or agreement of these bodies. Marked is_sample; sample mode only.

type SamplePractice = {
  title: string;
  summary: string;
  problem: string;
  type: PracticeType;
  indicators: { indicator: number; level: number }[];
  sourceCode?: { repoUrl: string; license: string; stack: string };
  prerequisites: string;
  effort: string;
  durationWeeks: number;
};

const note = 'Data contoh untuk mencoba aplikasi; bukan uraian praktik nyata.';

export const samplePractices: SamplePractice[] = [
  {
    title: 'Aplikasi layanan publik terintegrasi satu pintu (contoh)',
    summary: `${note} Satu aplikasi warga yang menghimpun beberapa layanan perangkat daerah dengan satu akun, terhubung ke sistem penghubung layanan.`,
    problem: 'Data contoh: warga harus memasang banyak aplikasi dan mengisi data yang sama berulang kali.',
    type: 'application',
    indicators: [
      { indicator: 14, level: 3 },
      { indicator: 15, level: 4 },
      { indicator: 18, level: 4 },
      { indicator: 45, level: 4 },
    ],
    sourceCode: {
      repoUrl: 'https://example.org/contoh/aplikasi-layanan-terintegrasi',
      license: 'GPL-3.0-or-later',
      stack: 'Contoh: aplikasi web dan seluler, basis data PostgreSQL, API REST',
    },
    prerequisites:
      'Data contoh: sistem penghubung layanan daerah, tim pengembang aplikasi, server atau pusat data.',
    effort: 'Data contoh: 3–5 pengembang, 1 analis proses bisnis',
    durationWeeks: 26,
  },
  {
    title: 'Templat Peraturan Bupati tentang Arsitektur SPBE (contoh)',
    summary: `${note} Templat rancangan peraturan kepala daerah tentang arsitektur SPBE beserta lampiran referensi arsitektur yang dapat disesuaikan.`,
    problem:
      'Data contoh: arsitektur SPBE belum ditetapkan sehingga rencana dan anggaran TIK berjalan sendiri-sendiri.',
    type: 'regulation',
    indicators: [
      { indicator: 1, level: 4 },
      { indicator: 2, level: 3 },
      { indicator: 11, level: 4 },
    ],
    prerequisites: 'Data contoh: tim koordinasi SPBE, bagian hukum, inventaris layanan dan aplikasi.',
    effort: 'Data contoh: tim kecil lintas perangkat daerah',
    durationWeeks: 12,
  },
  {
    title: 'SOP tata kelola dan manajemen data (contoh)',
    summary: `${note} Standar operasional prosedur pengumpulan, pemeriksaan, penyebarluasan dan pemutakhiran data dengan peran walidata dan produsen data.`,
    problem: 'Data contoh: data yang sama berbeda antar perangkat daerah dan tidak jelas siapa pemiliknya.',
    type: 'sop',
    indicators: [
      { indicator: 3, level: 4 },
      { indicator: 23, level: 3 },
      { indicator: 43, level: 3 },
    ],
    prerequisites: 'Data contoh: penetapan walidata dan daftar data prioritas.',
    effort: 'Data contoh: walidata dan perwakilan produsen data',
    durationWeeks: 8,
  },
  {
    title: 'Keputusan Bupati tentang Tim Koordinasi SPBE (contoh)',
    summary: `${note} Contoh susunan, tugas dan jadwal rapat tim koordinasi SPBE daerah beserta templat keputusan pembentukannya.`,
    problem:
      'Data contoh: kebijakan SPBE tidak dikoordinasikan sehingga keputusan TIK diambil tanpa arah bersama.',
    type: 'organisation',
    indicators: [
      { indicator: 10, level: 4 },
      { indicator: 19, level: 4 },
      { indicator: 20, level: 3 },
    ],
    prerequisites: 'Data contoh: dukungan pimpinan daerah.',
    effort: 'Data contoh: sekretariat tim di dinas kominfo',
    durationWeeks: 6,
  },
  {
    title: 'Single sign-on dan layanan pusat data daerah (contoh)',
    summary: `${note} Satu akun untuk aplikasi internal pemerintah daerah dan pemanfaatan pusat data bersama bagi perangkat daerah.`,
    problem:
      'Data contoh: setiap aplikasi punya akun sendiri dan server tersebar di banyak perangkat daerah.',
    type: 'infrastructure',
    indicators: [
      { indicator: 5, level: 4 },
      { indicator: 7, level: 3 },
      { indicator: 16, level: 4 },
      { indicator: 18, level: 3 },
    ],
    sourceCode: {
      repoUrl: 'https://example.org/contoh/sso-daerah',
      license: 'Apache-2.0',
      stack: 'Contoh: penyedia identitas OpenID Connect, virtualisasi server',
    },
    prerequisites: 'Data contoh: pusat data atau ruang server, jaringan intra pemerintah daerah.',
    effort: 'Data contoh: 2 administrator sistem, 1 pengembang',
    durationWeeks: 16,
  },
];

export async function loadSamplePractices(db: Db): Promise<boolean> {
  const [already] = await db
    .select({ id: practices.id })
    .from(practices)
    .where(eq(practices.isSample, true))
    .limit(1);
  if (already) return false;
  const bodies = await db
    .select({ id: orgs.id, code: orgs.code })
    .from(orgs)
    .where(inArray(orgs.code, ['32.11', '32.05']));
  const host = bodies.find((b) => b.code === '32.11')?.id;
  const garut = bodies.find((b) => b.code === '32.05')?.id;
  if (!host || !garut) return false;
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['mentor.sumedang@livinglab.test', 'admin.garut@livinglab.test']));
  const mentor = people.find((u) => u.email === 'mentor.sumedang@livinglab.test')?.id ?? null;
  const garutAdmin = people.find((u) => u.email === 'admin.garut@livinglab.test')?.id ?? null;
  // Dates relative to the day the sample is loaded, so the MoU is always about ten months from expiry.
  const today = calendarToday();
  const at = (days: number) => new Date(Date.parse(`${addDays(today, days)}T02:00:00Z`));
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(practices)
      .values(
        samplePractices.map((p) => ({
          ...p,
          sourceCode: p.sourceCode ?? null,
          hostOrgId: host,
          frameworkId: 'spbe-2020',
          contactUserIds: mentor ? [mentor] : [],
          status: 'published' as const,
          isSample: true,
          publishedAt: at(-90),
          createdBy: mentor,
          createdAt: at(-90),
          updatedAt: at(-90),
        })),
      )
      .returning({ id: practices.id, title: practices.title });
    const perbup = rows.find((r) => r.title.startsWith('Templat Peraturan Bupati'))!;
    const agreement = {
      mouNumber: 'CONTOH/MOU/001/2026',
      pksNumber: 'CONTOH/PKS/001/2026',
      parties: ['Pemerintah Kabupaten Sumedang (contoh)', 'Pemerintah Kabupaten Garut (contoh)'],
      signedOn: addDays(today, -30),
      startsOn: addDays(today, -30),
      expiresOn: addDays(today, 300),
    };
    const [adoption] = await tx
      .insert(adoptions)
      .values({
        practiceId: perbup.id,
        hostOrgId: host,
        orgId: garut,
        stage: 'agreed',
        agreement,
        agreementExpiresOn: agreement.expiresOn,
        isSample: true,
        createdBy: garutAdmin,
        createdAt: at(-45),
        updatedAt: at(-30),
      })
      .returning();
    await tx.insert(adoptionTransitions).values([
      {
        adoptionId: adoption!.id,
        fromStage: null,
        toStage: 'interested',
        note: 'Data contoh: tertarik setelah kunjungan studi tiru.',
        userId: garutAdmin,
        at: at(-45),
      },
      {
        adoptionId: adoption!.id,
        fromStage: 'interested',
        toStage: 'agreed',
        note: 'Data contoh: MoU dan PKS contoh ditandatangani.',
        details: { agreement },
        userId: garutAdmin,
        at: at(-30),
      },
    ]);
    await tx.insert(assistanceRequests).values({
      orgId: garut,
      hostOrgId: host,
      practiceId: perbup.id,
      adoptionId: adoption!.id,
      topic: 'Pendampingan penyusunan lampiran arsitektur SPBE (contoh)',
      description:
        'Data contoh: meminta pendampingan menyesuaikan templat arsitektur dengan layanan di Garut.',
      isSample: true,
      createdBy: garutAdmin,
      createdAt: at(-3),
    });
    await refreshFollowupFacts(tx, [garut]);
    await recordAudit(
      tx,
      { actorId: null, actorEmail: null, requestId: null, ip: null },
      {
        action: 'system.sample_practices_loaded',
        entityType: 'system',
        summary: { practices: rows.length, adoption: adoption!.id },
      },
    );
  });
  return true;
}
