import { describe, expect, it } from 'vitest';
import { formatDate } from './i18n';

describe('formatDate', () => {
  it('writes a calendar day as it is, and a moment as its day in the platform’s zone', () => {
    expect(formatDate('2026-12-01', 'id')).toBe('1 Desember 2026');
    // 01:20 in Jakarta on 2 December is still 1 December in UTC: the reader sees the 2nd.
    expect(formatDate('2026-12-01T18:20:00.000Z', 'id')).toBe('2 Desember 2026');
    expect(formatDate('2026-12-01T18:20:00.000Z', 'en')).toBe('2 December 2026');
    expect(formatDate(null, 'en')).toBe('—');
  });
});
