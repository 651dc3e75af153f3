import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { documentedRateLimit } from './rate-limits';

// The figure the API description states must be the one the limiter enforces, per minute.
const config = loadConfig({
  NODE_ENV: 'test',
  RATE_LIMIT_PER_MINUTE: '300',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '45',
});
const key = 'session-or-address';

describe('documentedRateLimit', () => {
  it('states the global budget, a route’s own one and the shared open-data one', () => {
    expect(documentedRateLimit({ access: 'user' }, config)).toEqual({ perMinute: 300, key });
    expect(
      documentedRateLimit({ access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, config),
    ).toEqual({ perMinute: 20, key });
    expect(
      documentedRateLimit({ access: 'public', rateLimit: false, rateLimitBudget: 'open-data' }, config),
    ).toEqual({ perMinute: 45, key, shared: 'open-data' });
  });

  it('converts other windows to a per-minute figure', () => {
    expect(
      documentedRateLimit({ access: 'user', rateLimit: { max: 10, timeWindow: '10 seconds' } }, config),
    ).toMatchObject({ perMinute: 60 });
    expect(
      documentedRateLimit({ access: 'user', rateLimit: { max: 120, timeWindow: 120_000 } }, config),
    ).toMatchObject({ perMinute: 60 });
  });

  it('has nothing to state for unlimited or non-API routes, and refuses what it cannot state', () => {
    expect(documentedRateLimit({ access: 'user', rateLimit: false }, config)).toBeNull();
    expect(documentedRateLimit({}, config)).toBeNull();
    expect(() =>
      documentedRateLimit({ access: 'user', rateLimit: { max: () => 5, timeWindow: '1 minute' } }, config),
    ).toThrow();
    expect(() =>
      documentedRateLimit({ access: 'user', rateLimit: { max: 5, timeWindow: 'a fortnight' } }, config),
    ).toThrow();
  });
});
