import { defineTexts } from './table';

// Texts of the shared vocabulary (contracts/common.ts): account fields used by several areas.
export const commonTexts = defineTexts({
  EMAIL_INVALID: { id: 'Email tidak valid', en: 'Invalid email' },
  PASSWORD_TOO_SHORT: {
    id: (p) => `Minimal ${p.min} karakter`,
    en: (p) => `At least ${p.min} characters`,
  },
  PASSWORD_TOO_LONG: {
    id: (p) => `Maksimal ${p.max} karakter`,
    en: (p) => `At most ${p.max} characters`,
  },
});
