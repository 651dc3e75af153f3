import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache';

function counter() {
  let calls = 0;
  return {
    load: async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { calls };
    },
    get calls() {
      return calls;
    },
  };
}

describe('createReadCache', () => {
  it('serves repeated reads from memory and shares concurrent loads', async () => {
    const cache = createReadCache<{ calls: number }>({ max: 10, ttlMs: 60_000 });
    const c = counter();
    const [a, b] = await Promise.all([cache.get('k', c.load), cache.get('k', c.load)]);
    expect(a).toBe(b);
    await cache.get('k', c.load);
    expect(c.calls).toBe(1);
  });

  it('forgets everything on clear, including a load that was running during the clear', async () => {
    const cache = createReadCache<{ calls: number }>({ max: 10, ttlMs: 60_000 });
    const c = counter();
    const running = cache.get('k', c.load);
    cache.clear();
    await running;
    await cache.get('k', c.load);
    expect(c.calls).toBe(2);
  });

  it('expires entries after the TTL and is a pass-through at 0', async () => {
    const short = createReadCache<{ calls: number }>({ max: 10, ttlMs: 20 });
    const c = counter();
    await short.get('k', c.load);
    await new Promise((r) => setTimeout(r, 40));
    await short.get('k', c.load);
    expect(c.calls).toBe(2);
    const off = createReadCache<{ calls: number }>({ max: 10, ttlMs: 0 });
    const d = counter();
    await off.get('k', d.load);
    await off.get('k', d.load);
    expect(d.calls).toBe(2);
    // Off, identical loads in flight together are still shared; a clear (a write) ends that.
    const e = counter();
    await Promise.all([off.get('j', e.load), off.get('j', e.load)]);
    expect(e.calls).toBe(1);
    const first = off.get('j', e.load);
    off.clear();
    await Promise.all([first, off.get('j', e.load)]);
    expect(e.calls).toBe(3);
  });

  it('does not cache failures', async () => {
    const cache = createReadCache<{ ok: boolean }>({ max: 10, ttlMs: 60_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => ({ ok: true }))).toEqual({ ok: true });
  });
});
