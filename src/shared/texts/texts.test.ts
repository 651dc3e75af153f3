import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, localiseDetails, localiseMessage, text } from './index';

describe('server text', () => {
  it('gives a key in the asked language, with its params', () => {
    expect(text('id', 'EMAIL_INVALID')).toBe('Email tidak valid');
    expect(text('en', 'PASSWORD_TOO_SHORT', { min: 10 })).toBe('At least 10 characters');
  });

  it('passes a message that is not a key through unchanged', () => {
    expect(localiseMessage('en', 'Expected number')).toBe('Expected number');
  });

  it('localises messages anywhere in a reply and drops the params it used', () => {
    const details = { problems: [{ row: 3, message: 'PASSWORD_TOO_LONG', params: { max: 200 } }], n: 1 };
    expect(localiseDetails(details, 'id')).toEqual({
      problems: [{ row: 3, message: 'Maksimal 200 karakter' }],
      n: 1,
    });
    expect(details.problems[0]!.params).toEqual({ max: 200 });
  });

  it("says zod's own issues in the reader's language, and lets a schema's key win", () => {
    const schema = z.object({ name: z.string().min(3), role: z.enum(['a', 'b']), n: z.number() });
    const issues = schema.safeParse({ name: 'ab', role: 'c' }).error!.issues;
    const say = (locale: 'id' | 'en') => issues.map((i) => issueMessage(locale, i));
    expect(say('id')).toEqual(['Minimal 3 karakter', 'Pilih salah satu pilihan', 'Wajib diisi']);
    expect(say('en')).toEqual(['At least 3 characters', 'Choose one of the options', 'Required']);
    expect(issueMessage('en', { code: 'too_small', message: 'PASSWORD_TOO_SHORT', minimum: 10 })).toBe(
      'At least 10 characters',
    );
  });
});
