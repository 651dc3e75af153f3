import type { FastifySchema } from 'fastify';

// Every plan route is for signed-in users and filed under one OpenAPI tag; each states only its
// own schema (params, body, responses from contracts/plans.ts).
export const planRoute = <S extends FastifySchema>(schema: S) => ({
  config: { access: 'user' as const },
  schema: { tags: ['action plans'], ...schema },
});
