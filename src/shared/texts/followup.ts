import { defineTexts } from './table';

// Texts of the follow-up measure's API (contracts/followup, modules/funnel).
export const followupTexts = defineTexts({
  SCOPE_CODE_INVALID: { id: 'Kode tidak valid', en: 'Invalid code' },
  SCOPE_PROVINCE_CODE_REQUIRED: { id: 'Kode provinsi wajib', en: 'The province code is required' },
  SCOPE_NATIONAL: { id: 'Nasional', en: 'National' },
});
