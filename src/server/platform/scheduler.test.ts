import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY } from './job-lock';
import { startScheduler } from './scheduler';

afterEach(() => {
  vi.useRealTimers();
});

describe('the scheduler', () => {
  it('tries a failed day again, and a day another instance is running, until it is done', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-10T05:00:00Z')); // 12:00 in Jakarta: catch-up at start-up
    const outcomes = [
      () => Promise.reject(new Error('database down')),
      () => Promise.resolve(BUSY),
      () => Promise.resolve({ items: 1 }),
    ];
    let call = 0;
    const daily = vi.fn(() => (outcomes[call++] ?? (() => Promise.resolve(null)))());
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startScheduler({
      log: log as unknown as FastifyBaseLogger,
      time: '07:00',
      timeZone: 'Asia/Jakarta',
      jobs: { daily, everyMinute: async () => {} },
      retryMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(daily).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000); // another instance has it: look again later
    expect(daily).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(daily).toHaveBeenCalledTimes(3);
    expect(log.info).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000); // done: no more tries until tomorrow's time
    expect(daily).toHaveBeenCalledTimes(3);
    stop();
  });

  it('stops retrying once stopped', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-10T05:00:00Z'));
    const daily = vi.fn(() => Promise.reject(new Error('database down')));
    const stop = startScheduler({
      log: { info() {}, error() {} } as unknown as FastifyBaseLogger,
      time: '07:00',
      timeZone: 'Asia/Jakarta',
      jobs: { daily, everyMinute: async () => {} },
      retryMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(daily).toHaveBeenCalledTimes(1);
  });
});
