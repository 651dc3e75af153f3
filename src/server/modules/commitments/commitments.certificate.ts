import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import { timeZone } from '../../platform/calendar';

// The certificate is shown to third parties, so every line carries both languages side by side,
// each half from the text table.
const both = (key: TextKey) => {
  const t = inBoth(key);
  return `${t.id} / ${t.en}`;
};

export type CertificateInput = {
  signatureId: string;
  orgName: string;
  orgCode: string;
  signerName: string;
  signerPosition: string;
  signedAt: string;
  textTitle: string;
  textVersion: number;
  textHash: string;
  keyId: string;
  verifyUrl: string;
  revoked: boolean;
};

/** A one-page A4 certificate with a QR code that opens the public verification page. */
export async function certificatePdf(c: CertificateInput): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: inBoth('CERT_DOC_TITLE', { org: c.orgName }).id, Author: 'Living Lab SPBE' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const signed = new Date(c.signedAt);
  const date = new Intl.DateTimeFormat('id-ID', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: timeZone(),
  }).format(signed);

  doc
    .fontSize(10)
    .fillColor('#555')
    .text('Indonesia Digital Services Living Lab — Living Lab SPBE', { align: 'center' });
  doc.moveDown(1.5);
  const title = inBoth('CERT_TITLE');
  doc.fontSize(22).fillColor('#000').text(title.id, { align: 'center' });
  doc.fontSize(12).fillColor('#444').text(title.en, { align: 'center' });
  doc.moveDown(2);
  doc.fontSize(12).fillColor('#000').text(both('CERT_CERTIFIES'), { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(18).text(c.orgName, { align: 'center' });
  doc.fontSize(11).fillColor('#444').text(`(${c.orgCode})`, { align: 'center' });
  doc.moveDown(0.8);
  doc
    .fontSize(12)
    .fillColor('#000')
    .text(`${both('CERT_THROUGH')} ${c.signerName}, ${c.signerPosition}`, { align: 'center' });
  doc.moveDown(0.5);
  doc.text(`${both('CERT_SIGNED')} "${c.textTitle}" (${both('CERT_VERSION')} ${c.textVersion})`, {
    align: 'center',
  });
  doc.text(`${both('CERT_ON')} ${date} WIB`, { align: 'center' });
  if (c.revoked) {
    doc.moveDown(0.8);
    doc.fontSize(14).fillColor('#b00').text(both('CERT_REVOKED'), { align: 'center' });
    doc.fillColor('#000');
  }
  doc.moveDown(2);
  const qrSize = 150;
  doc.image(qr, (doc.page.width - qrSize) / 2, doc.y, { width: qrSize });
  doc.y += qrSize + 10;
  doc
    .fontSize(9)
    .fillColor('#333')
    .text(`${both('CERT_VERIFY')}: ${c.verifyUrl}`, { align: 'center' });
  doc.moveDown(1.5);
  doc.fontSize(8).fillColor('#555');
  doc.text(`${both('CERT_SIGNATURE_ID')}: ${c.signatureId}`);
  doc.text(`${both('CERT_KEY')}: ${c.keyId} (Ed25519)`);
  doc.text(`${both('CERT_TEXT_HASH')}: ${c.textHash}`);
  doc.moveDown(1);
  const notice = inBoth('ATTESTATION_NOTICE');
  doc.text(notice.id);
  doc.moveDown(0.3);
  doc.text(notice.en);
  doc.end();
  return done;
}
