import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { TextKey } from '../../shared/texts';
import { AppError } from './app-error';
import { cleanFileName } from './file-names';

// Multipart is registered once for the app (app.ts); each route states its own size limit here.
// Oversized files are truncated, not thrown on, so the route can answer 413 in its own words.

/** The client sent bytes the multipart parser (busboy) cannot read: a 400, never a 500. */
export const malformedUpload = () =>
  new AppError('VALIDATION_FAILED', {
    issues: [{ field: 'body', message: 'UPLOAD_MALFORMED' satisfies TextKey }],
  });

/** Marks an error of the multipart parser so the error handler answers 400 UPLOAD_MALFORMED. */
export const MULTIPART_MALFORMED = 'LL_MULTIPART_MALFORMED';

function asClientError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const status = (err as { statusCode?: number }).statusCode;
  // Errors with a status are @fastify/multipart's own (415 wrong content type, 413 limits).
  return typeof status === 'number' && status < 500 ? err : malformedUpload();
}

/** The one `file` part of a multipart request, streaming; 400 when there is none. */
export async function requireFilePart(req: FastifyRequest, maxBytes: number): Promise<MultipartFile> {
  let part: MultipartFile | undefined;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } });
  } catch (err) {
    throw asClientError(err);
  }
  if (!part) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.file', message: 'UPLOAD_FILE_REQUIRED' satisfies TextKey }],
    });
  }
  // The file is read later, by whoever stores it; a body cut short surfaces there as a stream
  // error. It is tagged so the error handler knows it was the client's: now if the parser has
  // already failed (the whole body had arrived), or by a listener that runs before the reader's.
  const tag = (err: (Error & { code?: string }) | null) => {
    if (err && !err.code) err.code = MULTIPART_MALFORMED;
  };
  tag(part.file.errored);
  part.file.once('error', tag);
  return part;
}

/** The uploaded file read into memory (imports): 413 when too large, 400 when empty. */
export async function uploadedBuffer(req: FastifyRequest, maxBytes: number) {
  const part = await requireFilePart(req, maxBytes);
  let buf: Buffer;
  try {
    buf = await part.toBuffer();
  } catch (err) {
    throw asClientError(err);
  }
  if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes });
  if (buf.length === 0) throw new AppError('FILE_EMPTY');
  return { buf, filename: cleanFileName(part.filename) };
}
