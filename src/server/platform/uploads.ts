import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { TextKey } from '../../shared/texts';
import { AppError } from './app-error';

// Multipart is registered once for the app (app.ts); each route states its own size limit here.
// Oversized files are truncated, not thrown on, so the route can answer 413 in its own words.

/** The one `file` part of a multipart request, streaming; 400 when there is none. */
export async function requireFilePart(req: FastifyRequest, maxBytes: number): Promise<MultipartFile> {
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } });
  if (!part) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.file', message: 'UPLOAD_FILE_REQUIRED' satisfies TextKey }],
    });
  }
  return part;
}

/** The uploaded file read into memory (imports): 413 when too large, 400 when empty. */
export async function uploadedBuffer(req: FastifyRequest, maxBytes: number) {
  const part = await requireFilePart(req, maxBytes);
  const buf = await part.toBuffer();
  if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes });
  if (buf.length === 0) throw new AppError('FILE_EMPTY');
  return { buf, filename: part.filename };
}
