// What the evidence locker accepts, decided from the file's bytes (never its name or the
// browser's claim): PDF, common images, and office documents (OOXML, OpenDocument, legacy OLE).
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

const allowedMimes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  // Legacy .doc/.xls/.ppt are OLE compound files.
  'application/x-cfb',
]);

export function isAllowedEvidenceMime(mime: string | undefined): mime is string {
  return mime !== undefined && allowedMimes.has(mime);
}
