import { describe, expect, it } from 'vitest';
import { localiseDetails, localiseMessage, text } from './index';

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
});
