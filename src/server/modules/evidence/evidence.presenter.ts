import type { Evidence } from '../../../shared/contracts/evidence';
import type { evidenceFiles } from '../../db/schema';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

/** A locker file as the API shows it (contracts/evidence.ts). */
export function presentEvidence(
  f: EvidenceRow,
  extra: { uploadedBy?: string | null; links?: number } = {},
): Evidence {
  return {
    id: f.id,
    name: f.name,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    isSample: f.isSample,
    createdAt: f.createdAt.toISOString(),
    uploadedBy: extra.uploadedBy ?? null,
    links: extra.links ?? 0,
  };
}
