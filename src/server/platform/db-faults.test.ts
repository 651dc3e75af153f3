import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db-faults';
import { errorHandler } from './error-handler';

// What node-postgres (and Drizzle around it) throws when the database goes away.
const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isDatabaseUnavailable', () => {
  it('recognises lost connections, shutdowns and refusals, also wrapped by Drizzle', () => {
    expect(isDatabaseUnavailable(pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(
      isDatabaseUnavailable(pgError('terminating connection due to administrator command', '57P01')),
    ).toBe(true);
    expect(isDatabaseUnavailable(pgError('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('connection failure', '08006'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(pgError('database "ll" is not currently accepting connections', '55000')),
    ).toBe(true);
    const wrapped = new Error('Failed query: select 1', { cause: pgError('Connection terminated') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it('leaves real failures alone: constraint violations, syntax errors, other 55000 states', () => {
    expect(isDatabaseUnavailable(pgError('duplicate key value', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('syntax error at or near "x"', '42601'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('deadlock detected', '40P01'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('lock not available', '55P03'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(null)).toBe(false);
    // A cause chain that loops ends the walk instead of hanging.
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('the error handler on a lost database', () => {
  it('answers 503 DATABASE_UNAVAILABLE in the request language with Retry-After, other errors 500', async () => {
    const app = Fastify({ logger: false });
    app.decorateRequest('locale', 'id');
    app.addHook('onRequest', async (req) => {
      req.locale = req.headers['accept-language'] === 'en' ? 'en' : 'id';
    });
    app.setErrorHandler(errorHandler);
    app.get('/lost', async () => {
      throw new Error('Failed query', { cause: pgError('terminating connection', '57P01') });
    });
    app.get('/bug', async () => {
      throw pgError('duplicate key value', '23505');
    });
    const lost = await app.inject({ url: '/lost', headers: { 'accept-language': 'en' } });
    expect(lost.statusCode).toBe(503);
    expect(lost.headers['retry-after']).toBe('2');
    expect(lost.json().error).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database cannot be reached at the moment. Try again in a few seconds.',
    });
    const lostId = await app.inject({ url: '/lost' });
    expect(lostId.json().error.message).toMatch(/^Basis data sedang tidak dapat dijangkau/);
    const bug = await app.inject({ url: '/bug' });
    expect(bug.statusCode).toBe(500);
    expect(bug.json().error.code).toBe('INTERNAL');
    await app.close();
  });
});
