import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { DbHandle } from '../db/client';
import type { AuditChainer } from './audit-chain';
import type { Actor } from './auth/actor';
import type { Mailer } from './mail';
import type { ReadCache } from './read-cache';
import type { FileStore } from './storage';

/** public: anyone; user: any signed-in user (finer rules are in the module's policy). */
export type Access = 'public' | 'user';

export type Deps = {
  config: Config;
  database: DbHandle;
  mailer: Mailer;
  version: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: 'id' | 'en';
  }
  interface FastifyContextConfig {
    access?: Access;
    /** A POST that changes nothing (calculators): it must not clear the read caches. */
    readOnly?: boolean;
  }
  interface FastifyInstance {
    deps: Deps;
    caches: {
      actors: ReadCache<Actor>;
      directory: ReadCache<{ json: string }>;
      funnel: ReadCache<{ json: string; bodies: unknown[] }>;
    };
    routeCatalogue: { method: string; url: string; access: Access }[];
    files: FileStore;
    /** Links committed audit events into the keyed chain and writes anchors (audit-chain.ts). */
    auditChain: AuditChainer;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
