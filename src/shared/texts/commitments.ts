import { defineTexts } from './table';

// Texts of the joint commitment (modules/commitments): the attestation notice and the certificate.
// The certificate is bilingual on purpose (it is shown to third parties), so each line takes both
// halves from here; the notice is sent in both languages by the public verification route.
export const commitmentTexts = defineTexts({
  ATTESTATION_NOTICE: {
    id: 'Tanda tangan ini adalah pernyataan (atestasi) platform Living Lab SPBE bahwa pimpinan instansi menyetujui teks komitmen ini melalui akunnya. Ini bukan tanda tangan elektronik tersertifikasi.',
    en: 'This signature is the Living Lab SPBE platform’s attestation that the body’s leader agreed to this commitment text through their account. It is not a certified electronic signature.',
  },
  CERT_DOC_TITLE: { id: (p) => `Sertifikat komitmen ${p.org}`, en: (p) => `Commitment certificate ${p.org}` },
  CERT_TITLE: { id: 'Sertifikat Komitmen Bersama', en: 'Certificate of the joint commitment' },
  CERT_CERTIFIES: { id: 'Dengan ini dinyatakan bahwa', en: 'This certifies that' },
  CERT_THROUGH: { id: 'melalui', en: 'through' },
  CERT_SIGNED: { id: 'menandatangani', en: 'signed' },
  CERT_VERSION: { id: 'versi', en: 'version' },
  CERT_ON: { id: 'pada', en: 'on' },
  CERT_REVOKED: { id: 'DICABUT', en: 'REVOKED' },
  CERT_VERIFY: { id: 'Periksa keaslian', en: 'verify' },
  CERT_SIGNATURE_ID: { id: 'ID tanda tangan', en: 'signature id' },
  CERT_KEY: { id: 'Kunci', en: 'key' },
  CERT_TEXT_HASH: { id: 'SHA-256 teks', en: 'text' },
});
