import { defineTexts } from './table';

// Texts of the directory of bodies (contracts/orgs.ts, modules/orgs).
export const orgTexts = defineTexts({
  ORG_CODE_FORMAT: {
    id: 'Kode: 32 / 32.11 (Kemendagri) atau huruf besar, angka, tanda hubung, mis. KEMENDAGRI',
    en: 'Code: 32 / 32.11 (Kemendagri) or capitals, digits and hyphens, e.g. KEMENDAGRI',
  },
  ORG_NOTHING_TO_CHANGE: { id: 'Tidak ada perubahan', en: 'Nothing to change' },
  ORG_REFERENCE_NAME_FIXED: {
    id: 'Nama referensi Kemendagri tidak dapat diubah',
    en: 'A Kemendagri reference name cannot be changed',
  },
  ORG_REFERENCE_KEPT: {
    id: 'Referensi Kemendagri tidak dapat dihapus',
    en: 'Kemendagri reference bodies cannot be deleted',
  },
  ORG_HAS_USERS: { id: 'Instansi masih memiliki pengguna', en: 'The body still has users' },
});
