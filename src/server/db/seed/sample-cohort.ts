import { and, eq } from 'drizzle-orm';
import { spbe2020Framework as f } from '../../../shared/framework/frameworks';
import { predicateFor, score } from '../../../shared/framework/score';
import { refreshFollowupFacts } from '../../modules/followup/followup.facts';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../client';
import {
  actionItems,
  actionPlans,
  actionPlanVersions,
  assessmentItems,
  assessmentSubmissions,
  assessments,
  assessmentTransitions,
  followUpObligations,
  mentorships,
  officialResults,
  orgs,
  practices,
  programmeMembers,
  programmes,
  users,
  visits,
} from '../schema';
import { at, sampleLiveReplication, sign } from './sample-records';

// A labelled sample cohort around the host Kabupaten Sumedang, dated over two years, so that the
// follow-up page shows every milestone on a fresh start: followed up, replicating, improved
// (on SAMPLE official results, labelled as such), following the host's path, self-reported gains,
// a stalled body, a signatory who never visited and a programme member only. Sample mode only.

// Stored values are in Bahasa Indonesia only (a record holds one language; the banner says both).
const SOURCE = 'DATA CONTOH — bukan hasil resmi';
/** Sumedang's sample levels minus `gap` (at least 1), for a body's self-assessment. */
const levelsBelowHost = (host: Record<string, number>, gap: number, lift: number[] = []) =>
  Object.fromEntries(
    f.indicators.map((i) => {
      const k = String(i.number);
      const base = Math.max(1, host[k]! - gap);
      return [k, lift.includes(i.number) ? Math.min(host[k]!, base + 2) : base];
    }),
  );
const indexOf = (levels: Record<string, number>) => score(f, levels).index!.display;

type Ids = Record<string, string>;

export async function loadSampleCohort(db: Db): Promise<boolean> {
  const [already] = await db
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.isSample, true), eq(visits.startDate, '2024-05-14')))
    .limit(1);
  if (already) return false;
  const codes = ['32.11', '32.05', '32.06', '32.07', '32.08', '32.10', '32.73', '36.03'];
  const rows = await db.select({ id: orgs.id, code: orgs.code, name: orgs.name }).from(orgs);
  const id: Ids = Object.fromEntries(rows.filter((r) => codes.includes(r.code)).map((r) => [r.code, r.id]));
  const name = Object.fromEntries(rows.map((r) => [r.code, r.name]));
  const [programme] = await db.select().from(programmes).where(eq(programmes.isSample, true)).limit(1);
  const [sumedangAssessment] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.orgId, id['32.11']!), eq(assessments.isSample, true)));
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'admin@livinglab.test'));
  if (codes.some((c) => !id[c]) || !programme || !sumedangAssessment || !admin) return false;
  const samplePractices = await db
    .select({ id: practices.id })
    .from(practices)
    .where(eq(practices.isSample, true))
    .orderBy(practices.createdAt);

  await db.transaction(async (tx) => {
    // The host's accepted sample self-assessment is dated before the cohort's visits, with the
    // levels as submitted, so the path to the host has a reference to measure against.
    const hostItems = await tx
      .select({ indicator: assessmentItems.indicator, level: assessmentItems.level })
      .from(assessmentItems)
      .where(eq(assessmentItems.assessmentId, sumedangAssessment.id));
    const host = Object.fromEntries(hostItems.map((i) => [String(i.indicator), i.level ?? 1]));
    await tx
      .insert(assessmentSubmissions)
      .values({
        assessmentId: sumedangAssessment.id,
        round: 1,
        levels: host,
        index: indexOf(host),
        at: at('2024-03-20'),
      })
      .onConflictDoNothing();
    await tx
      .update(assessmentTransitions)
      .set({ at: at('2024-04-30') })
      .where(eq(assessmentTransitions.assessmentId, sumedangAssessment.id));

    const visit = async (code: string, start: string, obligation: 'met' | 'missed' | 'open') => {
      const [v] = await tx
        .insert(visits)
        .values({
          programmeId: programme.id,
          hostOrgId: id['32.11']!,
          visitorOrgId: id[code]!,
          startDate: start,
          endDate: start,
          indicators: [11, 12, 15, 18],
          notes: 'Data contoh: kunjungan studi tiru ke Kabupaten Sumedang.',
          isSample: true,
          createdAt: at(start),
          updatedAt: at(start),
        })
        .returning();
      await tx
        .insert(followUpObligations)
        .values({ visitId: v!.id, orgId: id[code]!, dueDate: start, status: obligation });
      await tx
        .insert(mentorships)
        .values({ hostOrgId: id['32.11']!, menteeOrgId: id[code]!, isSample: true })
        .onConflictDoNothing();
      await tx
        .insert(programmeMembers)
        .values({ programmeId: programme.id, orgId: id[code]!, addedAt: at(start) })
        .onConflictDoNothing();
    };
    await visit('32.06', '2024-05-14', 'met');
    await visit('32.07', '2025-09-10', 'met');
    await visit('32.08', '2025-06-02', 'missed');
    await visit('36.03', '2024-10-01', 'met');
    await tx
      .insert(programmeMembers)
      .values({ programmeId: programme.id, orgId: id['32.10']!, addedAt: at('2026-02-02') });

    await sign(tx, id, name, '32.06', '2024-06-03', admin.id);
    await sign(tx, id, name, '32.07', '2025-09-15', admin.id);
    await sign(tx, id, name, '32.73', '2025-11-21', admin.id);

    const selfAssessment = async (
      code: string,
      year: number,
      levels: Record<string, number>,
      submitted: string,
      accepted?: string,
    ) => {
      const [a] = await tx
        .insert(assessments)
        .values({
          orgId: id[code]!,
          year,
          frameworkId: f.id,
          frameworkVersion: f.version,
          status: accepted ? 'accepted' : 'submitted',
          round: 1,
          isSample: true,
          createdAt: at(submitted),
          updatedAt: at(accepted ?? submitted),
        })
        .returning();
      await tx.insert(assessmentItems).values(
        f.indicators.map((i) => ({
          assessmentId: a!.id,
          indicator: i.number,
          level: levels[String(i.number)]!,
          justification: 'Data contoh',
          serviceName: i.chosenService ? `Layanan contoh ${i.number}` : null,
          version: 1,
        })),
      );
      await tx
        .insert(assessmentSubmissions)
        .values({ assessmentId: a!.id, round: 1, levels, index: indexOf(levels), at: at(submitted) });
      await tx.insert(assessmentTransitions).values([
        {
          assessmentId: a!.id,
          fromStatus: 'draft',
          toStatus: 'submitted',
          note: 'Data contoh',
          at: at(submitted),
        },
        ...(accepted
          ? ([
              { assessmentId: a!.id, fromStatus: 'submitted', toStatus: 'in_review', at: at(accepted) },
              { assessmentId: a!.id, fromStatus: 'in_review', toStatus: 'accepted', at: at(accepted) },
            ] as const)
          : []),
      ]);
    };
    await selfAssessment('32.06', 2024, levelsBelowHost(host, 2), '2024-07-10');
    await selfAssessment(
      '32.06',
      2025,
      levelsBelowHost(host, 2, [11, 12, 13, 15, 16, 18, 21, 22, 32, 33, 42, 43]),
      '2025-10-01',
      '2025-11-20',
    );
    await selfAssessment('32.07', 2025, levelsBelowHost(host, 3), '2025-10-20');
    await selfAssessment('36.03', 2024, levelsBelowHost(host, 3), '2024-11-01');
    await selfAssessment('36.03', 2025, levelsBelowHost(host, 2), '2025-11-03');

    const plan = async (
      code: string,
      period: string,
      approved: string,
      items: { title: string; indicator: number; level: number; verified?: string }[],
    ) => {
      const [p] = await tx
        .insert(actionPlans)
        .values({
          orgId: id[code]!,
          period,
          status: 'approved',
          approvedVersion: 1,
          approvedAt: at(approved),
          isSample: true,
          createdAt: at(approved),
          updatedAt: at(approved),
        })
        .returning();
      await tx.insert(actionItems).values(
        items.map((i) => ({
          planId: p!.id,
          orgId: id[code]!,
          title: i.title,
          description: 'Data contoh',
          targets: [{ indicator: i.indicator, level: i.level }],
          source: 'visit' as const,
          ownerUnit: 'Diskominfo (contoh)',
          startDate: approved,
          dueDate: `${period}-12-15`,
          status: i.verified ? ('verified' as const) : ('in_progress' as const),
          progress: i.verified ? 100 : 40,
          doneAt: i.verified ? at(i.verified) : null,
          isSample: true,
          createdAt: at(approved),
          updatedAt: at(i.verified ?? approved),
        })),
      );
      await tx
        .insert(actionPlanVersions)
        .values({ planId: p!.id, version: 1, items, approvedAt: at(approved) });
    };
    await plan('32.06', '2024', '2024-08-05', [
      {
        title: 'Menetapkan arsitektur SPBE daerah (contoh)',
        indicator: 11,
        level: 3,
        verified: '2025-02-03',
      },
      { title: 'Menyusun peta rencana SPBE (contoh)', indicator: 12, level: 3 },
    ]);
    await plan('32.73', '2026', '2026-01-12', [
      { title: 'Integrasi layanan pengaduan (contoh)', indicator: 42, level: 3 },
    ]);

    for (const [code, year, index] of [
      ['32.06', 2023, 2.31],
      ['32.06', 2025, 2.84],
      ['32.07', 2024, 2.12],
    ] as const) {
      await tx.insert(officialResults).values({
        orgId: id[code]!,
        year,
        frameworkId: f.id,
        index,
        predicate: predicateFor(f, Math.round(index * 100)).id,
        source: SOURCE,
        isSample: true,
        updatedAt: at(`${year + 1}-02-15`),
      });
    }

    // Tasikmalaya replicates one of Sumedang's sample practices up to "live".
    const practice = samplePractices[1] ?? samplePractices[0];
    if (practice)
      await sampleLiveReplication(tx, practice.id, id['32.11']!, id['32.06']!, [
        name['32.11']!,
        name['32.06']!,
      ]);
    // Bodies of the cohort are Living Lab members from the day they joined.
    for (const [code, since] of [
      ['32.06', '2024-05-14'],
      ['32.07', '2025-09-10'],
      ['32.08', '2025-06-02'],
      ['36.03', '2024-10-01'],
      ['32.10', '2026-02-02'],
      ['32.73', '2025-11-21'],
    ] as const) {
      await tx
        .update(orgs)
        .set({ isMember: true, memberSince: since, isSample: true })
        .where(eq(orgs.id, id[code]!));
    }
    await refreshFollowupFacts(tx, Object.values(id));
    await recordAudit(
      tx,
      { actorId: null, actorEmail: null, requestId: null, ip: null },
      { action: 'system.sample_cohort_loaded', entityType: 'system', summary: { bodies: codes.length - 1 } },
    );
  });
  return true;
}
