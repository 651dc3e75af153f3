import { and, eq } from 'drizzle-orm';
import { spbe2020Framework as f } from '../../../shared/framework/frameworks';
import { textHash } from '../../modules/commitments/commitments.signing';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../client';
import { assessmentItems, assessments, assessmentTransitions, commitmentTexts, orgs, users } from '../schema';

// Sample self-assessments (marked is_sample, shown as "data contoh"): an accepted one of the host
// Sumedang, which shares its levels so that the gap table has something to show, and a draft of
// Garut in progress. Official results are never invented: only the published ones exist.
export async function loadSampleAssessments(db: Db): Promise<boolean> {
  const [already] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.isSample, true))
    .limit(1);
  if (already) return false;
  const byCode = async (code: string) =>
    (await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, code)))[0]?.id;
  const [sumedang, garut] = [await byCode('32.11'), await byCode('32.05')];
  const [operator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'operator.garut@livinglab.test'));
  const [mentor] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'mentor.sumedang@livinglab.test'));
  if (!sumedang || !garut) return false;
  await db.transaction(async (tx) => {
    await tx
      .update(orgs)
      .set({ shareLevels: true })
      .where(and(eq(orgs.id, sumedang)));
    const [host] = await tx
      .insert(assessments)
      .values({
        orgId: sumedang,
        year: 2024,
        frameworkId: f.id,
        frameworkVersion: f.version,
        status: 'accepted',
        round: 1,
        isSample: true,
      })
      .returning();
    await tx.insert(assessmentItems).values(
      f.indicators.map((i) => ({
        assessmentId: host!.id,
        indicator: i.number,
        level: i.number % 3 === 0 ? 4 : 5,
        justification: 'Data contoh',
        serviceName: i.chosenService ? `Layanan contoh ${i.number}` : null,
        version: 1,
      })),
    );
    await tx.insert(assessmentTransitions).values([
      { assessmentId: host!.id, fromStatus: 'draft', toStatus: 'submitted', note: 'Data contoh' },
      { assessmentId: host!.id, fromStatus: 'submitted', toStatus: 'in_review', userId: mentor?.id ?? null },
      { assessmentId: host!.id, fromStatus: 'in_review', toStatus: 'accepted', userId: mentor?.id ?? null },
    ]);
    const [draft] = await tx
      .insert(assessments)
      .values({
        orgId: garut,
        year: 2025,
        frameworkId: f.id,
        frameworkVersion: f.version,
        createdBy: operator?.id ?? null,
        isSample: true,
      })
      .returning();
    await tx.insert(assessmentItems).values(
      f.indicators.map((i) => {
        const filled = i.number <= 30;
        return {
          assessmentId: draft!.id,
          indicator: i.number,
          level: filled ? 1 + (i.number % 3) : null,
          justification: filled ? 'Data contoh: isian awal operator' : '',
          version: filled ? 1 : 0,
          updatedBy: filled ? (operator?.id ?? null) : null,
        };
      }),
    );
    // A sample commitment text to sign (the real 2022 text is not available to us).
    const [published] = await tx.select({ id: commitmentTexts.id }).from(commitmentTexts).limit(1);
    if (!published) {
      await tx.insert(commitmentTexts).values({
        version: 1,
        title: 'Komitmen Bersama Living Lab SPBE (TEKS CONTOH)',
        textId: sampleCommitment.id,
        textEn: sampleCommitment.en,
        hash: textHash(sampleCommitment),
        isCurrent: true,
      });
    }
    await recordAudit(
      tx,
      { actorId: null, actorEmail: null, requestId: null, ip: null },
      {
        action: 'system.sample_assessments_loaded',
        entityType: 'system',
        summary: { assessments: 2, commitmentText: !published },
      },
    );
  });
  return true;
}

const sampleCommitment = {
  id: 'TEKS CONTOH — bukan teks resmi. Kami, pimpinan instansi yang menandatangani, berkomitmen menindaklanjuti studi tiru di Living Lab SPBE: menyusun penilaian mandiri SPBE beserta bukti dukung, menetapkan rencana tindak lanjut yang disetujui pimpinan, melaksanakannya, dan melaporkan kemajuannya secara berkala kepada pembina.',
  en: 'SAMPLE TEXT — not an official text. We, the leaders of the signing bodies, commit to follow up our Living Lab SPBE study visits: to complete the SPBE self-assessment with evidence, to adopt an action plan approved by our leadership, to carry it out, and to report progress regularly to our supervisors.',
};
