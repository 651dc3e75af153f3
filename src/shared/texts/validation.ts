import { defineTexts, type TextParams } from './table';

// zod's own issue messages are English. Every field issue the API or a form shows goes through
// this table instead, by the issue's code and bounds, so a schema needs a message of its own only
// where it says something more specific (then its message is a text key and wins).
export const validationTexts = defineTexts({
  FIELD_REQUIRED: { id: 'Wajib diisi', en: 'Required' },
  FIELD_MIN_CHARS: { id: (p) => `Minimal ${p.min} karakter`, en: (p) => `At least ${p.min} characters` },
  FIELD_MAX_CHARS: { id: (p) => `Maksimal ${p.max} karakter`, en: (p) => `At most ${p.max} characters` },
  FIELD_MIN_ITEMS: { id: (p) => `Pilih minimal ${p.min}`, en: (p) => `Choose at least ${p.min}` },
  FIELD_MAX_ITEMS: { id: (p) => `Maksimal ${p.max} butir`, en: (p) => `At most ${p.max} items` },
  FIELD_MIN: { id: (p) => `Minimal ${p.min}`, en: (p) => `At least ${p.min}` },
  FIELD_MAX: { id: (p) => `Maksimal ${p.max}`, en: (p) => `At most ${p.max}` },
  FIELD_FORMAT: { id: 'Format tidak valid', en: 'Invalid format' },
  FIELD_OPTION: { id: 'Pilih salah satu pilihan', en: 'Choose one of the options' },
  FIELD_UNKNOWN_KEYS: { id: 'Isian tidak dikenal', en: 'Unknown field' },
  FIELD_INVALID: { id: 'Isian tidak valid', en: 'Invalid value' },
});

export type ValidationKey = keyof typeof validationTexts;

/** What a zod issue (as zod or fastify-type-provider-zod reports it) says, as a key and params. */
export function issueText(issue: {
  code?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  input?: unknown;
  message?: string;
}): { key: ValidationKey; params: TextParams } {
  const params = { min: Number(issue.minimum ?? 0), max: Number(issue.maximum ?? 0) };
  const key = ((): ValidationKey => {
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string') return params.min <= 1 ? 'FIELD_REQUIRED' : 'FIELD_MIN_CHARS';
        if (issue.origin === 'array' || issue.origin === 'set') return 'FIELD_MIN_ITEMS';
        // An unchosen option (0) is a missing answer, not a small number.
        return issue.input === 0 ? 'FIELD_REQUIRED' : 'FIELD_MIN';
      case 'too_big':
        if (issue.origin === 'string') return 'FIELD_MAX_CHARS';
        if (issue.origin === 'array' || issue.origin === 'set') return 'FIELD_MAX_ITEMS';
        return 'FIELD_MAX';
      case 'invalid_type':
        // zod reports the input only when asked; its message names what was received.
        return issue.input === undefined ||
          issue.input === null ||
          /received (undefined|null)/.test(issue.message ?? '')
          ? 'FIELD_REQUIRED'
          : 'FIELD_INVALID';
      case 'invalid_format':
        return 'FIELD_FORMAT';
      case 'invalid_value':
        return 'FIELD_OPTION';
      case 'unrecognized_keys':
        return 'FIELD_UNKNOWN_KEYS';
      default:
        return 'FIELD_INVALID';
    }
  })();
  return { key, params };
}
