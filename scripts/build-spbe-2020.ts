// Builds src/shared/framework/data/spbe-2020.json (committed) from PermenPANRB 59/2020 as given in
// shared/reference/spbe-framework.md: structure, weights, indicator names, predicate bands, and
// level criteria written from the reference's ladder patterns. Run: npx tsx scripts/build-spbe-2020.ts
import fs from 'node:fs';
import path from 'node:path';
import { frameworkSchema } from '../src/shared/framework/framework-schema';

type T = { id: string; en: string };
const names: [string, string][] = [
  ['Kebijakan Internal Arsitektur SPBE', 'Internal Policy on the SPBE Architecture'],
  ['Kebijakan Internal Peta Rencana SPBE', 'Internal Policy on the SPBE Roadmap'],
  ['Kebijakan Internal Manajemen Data', 'Internal Policy on Data Management'],
  ['Kebijakan Internal Pembangunan Aplikasi SPBE', 'Internal Policy on SPBE Application Development'],
  ['Kebijakan Internal Layanan Pusat Data', 'Internal Policy on Data Centre Services'],
  ['Kebijakan Internal Layanan Jaringan Intra', 'Internal Policy on Intranet Services'],
  [
    'Kebijakan Internal Penggunaan Sistem Penghubung Layanan',
    'Internal Policy on Using the Service Connector System',
  ],
  ['Kebijakan Internal Manajemen Keamanan Informasi', 'Internal Policy on Information Security Management'],
  ['Kebijakan Internal Audit TIK', 'Internal Policy on ICT Audit'],
  ['Kebijakan Internal Tim Koordinasi SPBE', 'Internal Policy on the SPBE Coordination Team'],
  ['Arsitektur SPBE', 'SPBE Architecture'],
  ['Peta Rencana SPBE', 'SPBE Roadmap'],
  ['Keterpaduan Rencana dan Anggaran SPBE', 'Integration of SPBE Plans and Budgets'],
  ['Inovasi Proses Bisnis SPBE', 'SPBE Business Process Innovation'],
  ['Pembangunan Aplikasi SPBE', 'SPBE Application Development'],
  ['Layanan Pusat Data', 'Data Centre Services'],
  ['Layanan Jaringan Intra', 'Intranet Services'],
  ['Penggunaan Sistem Penghubung Layanan', 'Use of the Service Connector System'],
  ['Tim Koordinasi SPBE', 'SPBE Coordination Team'],
  ['Kolaborasi Penerapan SPBE', 'Collaboration in Implementing SPBE'],
  ['Penerapan Manajemen Risiko SPBE', 'SPBE Risk Management'],
  ['Penerapan Manajemen Keamanan Informasi', 'Information Security Management'],
  ['Penerapan Manajemen Data', 'Data Management'],
  ['Penerapan Manajemen Aset TIK', 'ICT Asset Management'],
  ['Penerapan Kompetensi Sumber Daya Manusia', 'Human Resource Competence'],
  ['Penerapan Manajemen Pengetahuan', 'Knowledge Management'],
  ['Penerapan Manajemen Perubahan', 'Change Management'],
  ['Penerapan Manajemen Layanan SPBE', 'SPBE Service Management'],
  ['Pelaksanaan Audit Infrastruktur SPBE', 'SPBE Infrastructure Audit'],
  ['Pelaksanaan Audit Aplikasi SPBE', 'SPBE Application Audit'],
  ['Pelaksanaan Audit Keamanan SPBE', 'SPBE Security Audit'],
  ['Layanan Perencanaan', 'Planning Services'],
  ['Layanan Penganggaran', 'Budgeting Services'],
  ['Layanan Keuangan', 'Financial Services'],
  ['Layanan Pengadaan Barang dan Jasa', 'Procurement Services'],
  ['Layanan Kepegawaian', 'Civil Service (HR) Services'],
  ['Layanan Kearsipan Dinamis', 'Records Management Services'],
  ['Layanan Pengelolaan Barang Milik Negara/Daerah', 'State/Regional Asset Management Services'],
  ['Layanan Pengawasan Internal Pemerintah', 'Internal Government Oversight Services'],
  ['Layanan Akuntabilitas Kinerja Organisasi', 'Organisational Performance Accountability Services'],
  ['Layanan Kinerja Pegawai', 'Employee Performance Services'],
  ['Layanan Pengaduan Pelayanan Publik', 'Public Service Complaint Services'],
  ['Layanan Data Terbuka', 'Open Data Services'],
  [
    'Layanan Jaringan Dokumentasi dan Informasi Hukum (JDIH)',
    'Legal Documentation and Information Network (JDIH)',
  ],
  ['Layanan Publik Sektoral 1', 'Sectoral Public Service 1'],
  ['Layanan Publik Sektoral 2', 'Sectoral Public Service 2'],
  ['Layanan Publik Sektoral 3', 'Sectoral Public Service 3'],
];

const structure = [
  {
    code: 'D1',
    id: 'Kebijakan SPBE',
    en: 'SPBE Policy',
    aspects: [
      {
        code: 'A1',
        id: 'Kebijakan Internal terkait Tata Kelola SPBE',
        en: 'Internal Policies on SPBE Governance',
        from: 1,
        to: 10,
        w: 1.3,
      },
    ],
  },
  {
    code: 'D2',
    id: 'Tata Kelola SPBE',
    en: 'SPBE Governance',
    aspects: [
      {
        code: 'A2',
        id: 'Perencanaan Strategis SPBE',
        en: 'SPBE Strategic Planning',
        from: 11,
        to: 14,
        w: 2.5,
      },
      {
        code: 'A3',
        id: 'Teknologi Informasi dan Komunikasi',
        en: 'Information and Communication Technology',
        from: 15,
        to: 18,
        w: 2.5,
      },
      { code: 'A4', id: 'Penyelenggara SPBE', en: 'SPBE Organisers', from: 19, to: 20, w: 2.5 },
    ],
  },
  {
    code: 'D3',
    id: 'Manajemen SPBE',
    en: 'SPBE Management',
    aspects: [
      {
        code: 'A5',
        id: 'Penerapan Manajemen SPBE',
        en: 'Implementation of SPBE Management',
        from: 21,
        to: 28,
        w: 1.5,
      },
      { code: 'A6', id: 'Audit TIK', en: 'ICT Audit', from: 29, to: 31, w: 1.5 },
    ],
  },
  {
    code: 'D4',
    id: 'Layanan SPBE',
    en: 'SPBE Services',
    aspects: [
      {
        code: 'A7',
        id: 'Layanan Administrasi Pemerintahan Berbasis Elektronik',
        en: 'Electronic Government Administration Services',
        from: 32,
        to: 41,
        w: 2.75,
      },
      {
        code: 'A8',
        id: 'Layanan Publik Berbasis Elektronik',
        en: 'Electronic Public Services',
        from: 42,
        to: 47,
        w: 3,
      },
    ],
  },
];

type Ladder = 'policy' | 'process' | 'audit' | 'service';
const levelNames: Record<'capability' | 'service', T[]> = {
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

function criteria(ladder: Ladder, n: T): { criteria: T; evidence: string[] }[] {
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

function ladderOf(n: number): Ladder {
  if (n <= 10) return 'policy';
  if (n <= 28) return 'process';
  if (n <= 31) return 'audit';
  return 'service';
}

const weightOf = new Map<number, number>();
for (const d of structure)
  for (const a of d.aspects) for (let n = a.from; n <= a.to; n++) weightOf.set(n, a.w);

const framework = {
  id: 'spbe-2020',
  name: { id: 'Evaluasi SPBE (PermenPANRB 59/2020)', en: 'SPBE evaluation (PermenPANRB 59/2020)' },
  version: '2020',
  status: 'official' as const,
  source:
    'Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi SPBE; used for the 2021–2025 evaluations',
  groups: structure.map((d) => {
    const aspects = d.aspects.map((a) => ({
      code: a.code,
      name: { id: a.id, en: a.en },
      kind: 'aspect',
      weight: Math.round((a.to - a.from + 1) * a.w * 100) / 100,
      indicators: Array.from({ length: a.to - a.from + 1 }, (_, i) => a.from + i),
    }));
    return {
      code: d.code,
      name: { id: d.id, en: d.en },
      kind: 'domain',
      weight: Math.round(aspects.reduce((s, a) => s + a.weight, 0) * 100) / 100,
      groups: aspects,
    };
  }),
  indicators: names.map(([id, en], i) => {
    const number = i + 1;
    const ladder = ladderOf(number);
    const lnames = levelNames[ladder === 'service' ? 'service' : 'capability'];
    return {
      number,
      name: { id: `Tingkat Kematangan ${id}`, en: `Maturity of ${en}` },
      weight: weightOf.get(number)!,
      ladder,
      chosenService: number >= 45,
      levels: criteria(ladder, { id, en }).map((c, k) => ({ level: k + 1, name: lnames[k]!, ...c })),
    };
  }),
  predicates: [
    { min: 4.2, label: { id: 'Memuaskan', en: 'Satisfactory' } },
    { min: 3.5, label: { id: 'Sangat Baik', en: 'Very Good' } },
    { min: 2.6, label: { id: 'Baik', en: 'Good' } },
    { min: 1.8, label: { id: 'Cukup', en: 'Fair' } },
    { min: 0, label: { id: 'Kurang', en: 'Poor' } },
  ],
};

const parsed = frameworkSchema.parse(framework);
const out = path.resolve(import.meta.dirname, '../src/shared/framework/data/spbe-2020.json');
fs.writeFileSync(out, `${JSON.stringify(parsed, null, 1)}\n`);
console.log(`wrote ${out}: ${parsed.indicators.length} indicators`);
