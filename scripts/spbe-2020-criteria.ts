// The level criteria of each indicator, written from the reference's ladder patterns (policy,
// process, audit, service), and which ladder each indicator follows (read by build-spbe-2020.ts).
import type { T } from './spbe-2020-structure';

export type Ladder = 'policy' | 'process' | 'audit' | 'service';
export const levelNames: Record<'capability' | 'service', T[]> = {
  capability: [
    { id: 'Rintisan', en: 'Initial' },
    { id: 'Terkelola', en: 'Managed' },
    { id: 'Terdefinisi', en: 'Defined' },
    { id: 'Terpadu dan Terukur', en: 'Integrated and Measured' },
    { id: 'Optimum', en: 'Optimised' },
  ],
  service: [
    { id: 'Informasi', en: 'Information' },
    { id: 'Interaksi', en: 'Interaction' },
    { id: 'Transaksi', en: 'Transaction' },
    { id: 'Kolaborasi', en: 'Collaboration' },
    { id: 'Optimalisasi', en: 'Optimisation' },
  ],
};

export function criteria(ladder: Ladder, n: T): { criteria: T; evidence: string[] }[] {
  const topicId = n.id.replace(/^Kebijakan Internal /, '');
  const topicEn = n.en.replace(/^Internal Policy on (the )?/, '');
  switch (ladder) {
    case 'policy':
      return [
        {
          criteria: {
            id: `Konsep/draf kebijakan internal ${topicId} telah disusun.`,
            en: `A draft internal policy on ${topicEn} has been prepared.`,
          },
          evidence: ['Draf kebijakan'],
        },
        {
          criteria: {
            id: `Kebijakan internal ${topicId} telah ditetapkan, tetapi muatannya belum lengkap.`,
            en: `An internal policy on ${topicEn} has been enacted, but its content is incomplete.`,
          },
          evidence: ['Peraturan/SK kepala instansi yang ditetapkan'],
        },
        {
          criteria: {
            id: `Kebijakan internal ${topicId} telah ditetapkan dengan muatan lengkap dan berlaku untuk seluruh unit organisasi.`,
            en: `An internal policy on ${topicEn} has been enacted with complete content and applies to all units.`,
          },
          evidence: ['Peraturan/SK dengan muatan lengkap'],
        },
        {
          criteria: {
            id: `Kebijakan internal ${topicId} juga mengatur keterpaduan dengan instansi lain dan direviu secara berkala.`,
            en: `The policy also covers integration with other agencies and is reviewed periodically.`,
          },
          evidence: ['Peraturan/SK', 'Laporan atau notulen reviu kebijakan'],
        },
        {
          criteria: {
            id: `Kebijakan internal ${topicId} telah dimutakhirkan berdasarkan hasil reviu.`,
            en: `The policy has been updated following the review.`,
          },
          evidence: ['Kebijakan hasil pemutakhiran', 'Laporan reviu yang menjadi dasar'],
        },
      ];
    case 'process':
      return [
        {
          criteria: {
            id: `${n.id} dilaksanakan secara ad hoc atau masih rintisan.`,
            en: `${n.en} is done ad hoc or is only being started.`,
          },
          evidence: ['Dokumen/draf awal'],
        },
        {
          criteria: {
            id: `${n.id} telah direncanakan dan dilaksanakan, tetapi belum lengkap.`,
            en: `${n.en} is planned and carried out, but not yet complete.`,
          },
          evidence: ['Dokumen perencanaan', 'Bukti pelaksanaan'],
        },
        {
          criteria: {
            id: `${n.id} telah lengkap dan terstandar di seluruh organisasi.`,
            en: `${n.en} is complete and standardised across the organisation.`,
          },
          evidence: ['Standar/SOP yang ditetapkan', 'Bukti pelaksanaan di seluruh unit'],
        },
        {
          criteria: {
            id: `${n.id} terpadu antarunit/antarinstansi serta direviu dan diukur secara berkala.`,
            en: `${n.en} is integrated across units/agencies and reviewed and measured periodically.`,
          },
          evidence: ['Bukti keterpaduan', 'Laporan reviu dan pengukuran berkala'],
        },
        {
          criteria: {
            id: `${n.id} ditingkatkan secara berkelanjutan berdasarkan hasil reviu.`,
            en: `${n.en} is continuously improved from review results.`,
          },
          evidence: ['Laporan reviu', 'Bukti perbaikan yang dilakukan'],
        },
      ];
    case 'audit':
      return [
        {
          criteria: { id: `${n.id} dilakukan secara ad hoc.`, en: `${n.en} is done ad hoc.` },
          evidence: ['Laporan pemeriksaan ad hoc'],
        },
        {
          criteria: {
            id: `${n.id} direncanakan dan dilaksanakan.`,
            en: `${n.en} is planned and carried out.`,
          },
          evidence: ['Rencana audit', 'Laporan audit'],
        },
        {
          criteria: {
            id: `${n.id} dilaksanakan sesuai standar audit yang ditetapkan.`,
            en: `${n.en} follows an established audit standard.`,
          },
          evidence: ['Standar/pedoman audit', 'Laporan audit'],
        },
        {
          criteria: {
            id: `${n.id} dilaksanakan oleh auditor eksternal bersertifikat.`,
            en: `${n.en} is performed by a certified external auditor.`,
          },
          evidence: ['Laporan audit eksternal', 'Sertifikat auditor'],
        },
        {
          criteria: {
            id: `Temuan ${n.id.replace(/^Pelaksanaan /, '').toLowerCase()} telah ditindaklanjuti.`,
            en: `Findings of the ${n.en.toLowerCase()} have been followed up.`,
          },
          evidence: ['Laporan audit', 'Bukti tindak lanjut temuan'],
        },
      ];
    case 'service':
      return [
        {
          criteria: {
            id: `${n.id} menyediakan informasi satu arah secara elektronik.`,
            en: `${n.en} provide one-way information electronically.`,
          },
          evidence: ['Tangkapan layar aplikasi/situs'],
        },
        {
          criteria: {
            id: `${n.id} mendukung interaksi: pencarian, unggah dan unduh.`,
            en: `${n.en} support interaction: search, upload and download.`,
          },
          evidence: ['Tangkapan layar fitur interaksi'],
        },
        {
          criteria: {
            id: `${n.id} mendukung transaksi elektronik: alur kerja, persetujuan, pemrosesan.`,
            en: `${n.en} support electronic transactions: workflow, approval, processing.`,
          },
          evidence: ['Tangkapan layar alur transaksi', 'Data transaksi'],
        },
        {
          criteria: {
            id: `${n.id} terintegrasi dengan layanan atau instansi lain.`,
            en: `${n.en} are integrated with other services or agencies.`,
          },
          evidence: ['Bukti integrasi (API/interoperabilitas)', 'Perjanjian/berita acara integrasi'],
        },
        {
          criteria: {
            id: `${n.id} ditingkatkan berdasarkan hasil reviu dan evaluasi.`,
            en: `${n.en} are improved from review and evaluation.`,
          },
          evidence: ['Laporan reviu/evaluasi layanan', 'Bukti perbaikan layanan'],
        },
      ];
  }
}

export function ladderOf(n: number): Ladder {
  if (n <= 10) return 'policy';
  if (n <= 28) return 'process';
  if (n <= 31) return 'audit';
  return 'service';
}
