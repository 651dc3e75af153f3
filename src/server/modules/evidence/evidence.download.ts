import type { FastifyReply } from 'fastify';
import { attachment } from '../../platform/file-names';
import type { FileStore } from '../../platform/storage';

type StoredFile = { storageKey: string; mime: string; size: number; name: string };

/**
 * Sends a stored evidence file as a download. Every route that serves a file from the locker
 * (the locker itself, a published practice's documents, an adoption's MoU) decides who may read
 * it, then answers through this one function.
 */
export async function sendEvidenceFile(
  reply: FastifyReply,
  files: FileStore,
  file: StoredFile,
  cache = 'private, max-age=0',
) {
  // Open first: if the stored file is missing, the error answer must not carry its headers.
  const stream = await files.open(file.storageKey);
  return reply
    .type(file.mime)
    .header('content-length', file.size)
    .header('content-disposition', attachment(file.name))
    .header('cache-control', cache)
    .send(stream);
}
