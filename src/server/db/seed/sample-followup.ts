import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../client';
import { followUpObligations, orgs, programmeMembers, programmes, visitDelegates, visits } from '../schema';

// A labelled sample programme and study visit (Garut to the host Sumedang), so the follow-through
// pages show something on a fresh start. Marked is_sample; never loaded outside sample mode.
export async function loadSampleFollowUp(db: Db): Promise<boolean> {
  const [already] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.isSample, true))
    .limit(1);
  if (already) return false;
  const idOf = async (code: string) =>
    (await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, code)))[0]?.id;
  const [host, garut] = [await idOf('32.11'), await idOf('32.05')];
  if (!host || !garut) return false;
  await db.transaction(async (tx) => {
    const [p] = await tx
      .insert(programmes)
      .values({
        name: 'Program contoh Living Lab 2026 (data contoh)',
        description: 'Data contoh: kohort kunjungan studi tiru ke Kabupaten Sumedang.',
        year: 2026,
        followUpDays: 60,
        isSample: true,
      })
      .returning();
    // Garut joined the programme with its visit, not on the day the sample data was loaded.
    await tx
      .insert(programmeMembers)
      .values({ programmeId: p!.id, orgId: garut, addedAt: new Date('2026-10-05T03:00:00Z') });
    const [v] = await tx
      .insert(visits)
      .values({
        programmeId: p!.id,
        hostOrgId: host,
        visitorOrgId: garut,
        startDate: '2026-10-05',
        endDate: '2026-10-06',
        indicators: [11, 12, 13, 31],
        notes: 'Data contoh: mempelajari arsitektur SPBE, peta rencana dan layanan terintegrasi.',
        isSample: true,
      })
      .returning();
    await tx.insert(visitDelegates).values([
      {
        visitId: v!.id,
        name: 'Sekda Garut (contoh)',
        position: 'Sekretaris Daerah',
        role: 'Ketua rombongan',
      },
      { visitId: v!.id, name: 'Kadiskominfo Garut (contoh)', position: 'Kepala Diskominfo', role: 'Anggota' },
    ]);
    await tx.insert(followUpObligations).values({ visitId: v!.id, orgId: garut, dueDate: '2026-12-05' });
    await recordAudit(
      tx,
      { actorId: null, actorEmail: null, requestId: null, ip: null },
      {
        action: 'system.sample_followup_loaded',
        entityType: 'system',
        summary: { programme: p!.id, visit: v!.id },
      },
    );
  });
  return true;
}
