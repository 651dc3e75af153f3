import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { currentSigner } from '../../modules/commitments/commitments.keys.service';
import { type SignedRecord, signRecord } from '../../modules/commitments/commitments.signing';
import type { Tx } from '../client';
import { adoptions, adoptionTransitions, commitmentSignatures, commitmentTexts } from '../schema';

// Records of the sample cohort that go through more than one table: a signed commitment and a
// replication carried to "live". Sample mode only; everything is marked is_sample.

export const at = (day: string) => new Date(`${day}T03:00:00Z`);

/** A replication with its MoU/PKS and every stage change, dated over a year. */
export async function sampleLiveReplication(
  tx: Tx,
  practiceId: string,
  hostId: string,
  orgId: string,
  parties: string[],
) {
  const [adoption] = await tx
    .insert(adoptions)
    .values({
      practiceId: practiceId,
      hostOrgId: hostId,
      orgId: orgId,
      stage: 'live',
      agreement: {
        mouNumber: 'CONTOH/MoU/001/2024',
        pksNumber: 'CONTOH/PKS/002/2024',
        parties: parties,
        signedOn: '2024-10-15',
        startsOn: '2024-10-15',
        expiresOn: '2027-10-14',
      },
      agreementExpiresOn: '2027-10-14',
      liveUrl: 'https://example.org/contoh/layanan-tasikmalaya',
      isSample: true,
      createdAt: at('2024-09-02'),
      updatedAt: at('2025-06-20'),
    })
    .returning();
  await tx.insert(adoptionTransitions).values(
    (
      [
        [null, 'interested', '2024-09-02'],
        ['interested', 'agreed', '2024-10-15'],
        ['agreed', 'adapting', '2025-01-10'],
        ['adapting', 'live', '2025-06-20'],
      ] as const
    ).map(([from, to, day]) => ({
      adoptionId: adoption!.id,
      fromStage: from,
      toStage: to,
      note: 'Data contoh',
      at: at(day),
    })),
  );
}

/** A valid signature of the current commitment text, signed with the platform key. */
export async function sign(
  tx: Tx,
  id: Record<string, string>,
  name: Record<string, string>,
  code: string,
  day: string,
  userId: string,
) {
  const [text] = await tx.select().from(commitmentTexts).where(eq(commitmentTexts.isCurrent, true));
  if (!text) return;
  const signer = await currentSigner(tx);
  const record: SignedRecord = {
    signatureId: randomUUID(),
    commitmentId: text.id,
    textVersion: text.version,
    textHash: text.hash,
    orgCode: code,
    orgName: name[code]!,
    signerName: `Kepala daerah ${name[code]} (contoh)`,
    signerPosition: 'Bupati/Wali Kota (contoh)',
    signerUserId: userId,
    signedAt: at(day).toISOString(),
  };
  await tx.insert(commitmentSignatures).values({
    id: record.signatureId,
    commitmentTextId: text.id,
    textVersion: text.version,
    textHash: text.hash,
    orgId: id[code]!,
    orgCode: code,
    orgName: record.orgName,
    signerUserId: userId,
    signerName: record.signerName,
    signerPosition: record.signerPosition,
    signedAt: record.signedAt,
    keyId: signer.keyId,
    signature: signRecord(signer, record),
    isSample: true,
  });
}
