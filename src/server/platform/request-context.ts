import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import type { AuditContext } from './audit';
import type { Actor } from './auth/actor';

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

export function auditContext(req: FastifyRequest): AuditContext {
  return {
    actorId: req.actor?.userId ?? null,
    actorEmail: req.actor?.email ?? null,
    requestId: req.id,
    ip: req.ip ?? null,
  };
}

export function pickLocale(acceptLanguage: string | undefined): 'id' | 'en' {
  // The first language the client prefers among ours; Bahasa Indonesia otherwise.
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'en' || tag === 'id') return tag;
  }
  return 'id';
}
