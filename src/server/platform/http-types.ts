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
import type { Background } from './background';
import type { CacheSync } from './cache-sync';
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
    /**
     * The route spends a budget shared with other routes, enforced by its own onRequest limiter
     * (its per-route limiter is off): named so the API description can state the figure.
     */
    rateLimitBudget?: 'open-data';
  }
  interface FastifyInstance {
    deps: Deps;
    caches: {
      actors: ReadCache<Actor>;
      directory: ReadCache<{ json: string }>;
      funnel: ReadCache<{ json: string; bodies: unknown[] }>;
      /** The public portal's figures and rendered open data (modules/public). */
      public: ReadCache<{ value: unknown }>;
    };
    /** Clears the read caches on every instance sharing the database (platform/cache-sync.ts). */
    cacheSync: CacheSync;
    routeCatalogue: { method: string; url: string; access: Access }[];
    files: FileStore;
    background: Background;
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
