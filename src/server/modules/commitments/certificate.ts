import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { timeZone } from '../../platform/calendar';
import { ATTESTATION_NOTICE } from './commitments.service';

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
    info: { Title: `Sertifikat komitmen ${c.orgName}`, Author: 'Living Lab SPBE' },
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
  doc.fontSize(22).fillColor('#000').text('Sertifikat Komitmen Bersama', { align: 'center' });
  doc.fontSize(12).fillColor('#444').text('Certificate of the joint commitment', { align: 'center' });
  doc.moveDown(2);
  doc
    .fontSize(12)
    .fillColor('#000')
    .text('Dengan ini dinyatakan bahwa / This certifies that', { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(18).text(c.orgName, { align: 'center' });
  doc.fontSize(11).fillColor('#444').text(`(${c.orgCode})`, { align: 'center' });
  doc.moveDown(0.8);
  doc
    .fontSize(12)
    .fillColor('#000')
    .text(`melalui / through ${c.signerName}, ${c.signerPosition}`, { align: 'center' });
  doc.moveDown(0.5);
  doc.text(`menandatangani / signed "${c.textTitle}" (versi / version ${c.textVersion})`, {
    align: 'center',
  });
  doc.text(`pada / on ${date} WIB`, { align: 'center' });
  if (c.revoked) {
    doc.moveDown(0.8);
    doc.fontSize(14).fillColor('#b00').text('DICABUT / REVOKED', { align: 'center' });
    doc.fillColor('#000');
  }
  doc.moveDown(2);
  const qrSize = 150;
  doc.image(qr, (doc.page.width - qrSize) / 2, doc.y, { width: qrSize });
  doc.y += qrSize + 10;
  doc.fontSize(9).fillColor('#333').text(`Periksa keaslian / verify: ${c.verifyUrl}`, { align: 'center' });
  doc.moveDown(1.5);
  doc.fontSize(8).fillColor('#555');
  doc.text(`ID tanda tangan / signature id: ${c.signatureId}`);
  doc.text(`Kunci / key: ${c.keyId} (Ed25519)`);
  doc.text(`SHA-256 teks / text: ${c.textHash}`);
  doc.moveDown(1);
  doc.text(ATTESTATION_NOTICE.id);
  doc.moveDown(0.3);
  doc.text(ATTESTATION_NOTICE.en);
  doc.end();
  return done;
}
