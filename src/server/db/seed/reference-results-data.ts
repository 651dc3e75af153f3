// Published SPBE results loaded as reference records, each with the publication that set it.
// KemenPAN-RB sets results by a Minister's decree (Keputusan Menteri PANRB); where the decree
// could not be identified from public sources the record says so and names the announcement it
// was read from instead. `seenIn` names where the figure and the decree number were read.
// Only totals are public for most of these; Aceh Tengah 2025 also has its domain values.

/** A Minister's decree that set a year's results. `date` only when a public source states it. */
export type Decree = {
  kind: 'decree';
  number: number;
  year: number;
  title: string;
  date: string | null;
  url: string | null;
};
/** Used only when no decree could be identified: who announced the figure, and where. */
export type Announcement = { kind: 'announcement'; by: string; note: string };

export type ReferenceResult = {
  /** Kemendagri code of the body; null is the national average. */
  org: string | null;
  year: number;
  /** The framework the result was produced under (2018–2020 evaluations: PermenPANRB 5/2018). */
  frameworkId: 'spbe-2018' | 'spbe-2020';
  index: number;
  /** Domain values by the framework's domain codes, when published. */
  domains?: Record<string, number>;
  bodyCount?: number;
  publication: Decree | Announcement;
  /** What the publication says of this body (rank, group), in the decree's own terms. */
  remark?: string;
  seenIn: string;
};

const decree2021: Decree = {
  kind: 'decree',
  number: 1503,
  year: 2021,
  title:
    'Hasil Evaluasi Sistem Pemerintahan Berbasis Elektronik pada Kementerian, Lembaga, dan Pemerintah Daerah Tahun 2021',
  // Signed by Minister Tjahjo Kumolo; reported at the end of December 2021, exact date not found.
  date: null,
  url: null,
};

const decree2022: Decree = {
  kind: 'decree',
  number: 108,
  year: 2023,
  title: 'Hasil Pemantauan dan Evaluasi SPBE pada Instansi Pusat dan Pemerintah Daerah Tahun 2022',
  // "dirilis pada 31 Januari 2023" (Bisnis.com, 6 February 2023).
  date: '2023-01-31',
  url: null,
};

const decree2023: Decree = {
  kind: 'decree',
  number: 13,
  year: 2024,
  title: 'Hasil Evaluasi SPBE pada Instansi Pusat dan Pemerintah Daerah Tahun 2023',
  date: null,
  url: null,
};

const kemenpan = 'Kementerian PANRB';

export const referenceResults: ReferenceResult[] = [
  {
    org: null,
    year: 2022,
    frameworkId: 'spbe-2020',
    index: 2.34,
    publication: decree2022,
    remark: 'rata-rata nasional',
    seenIn:
      'ringkasan referensi Living Lab atas hasil yang dipublikasikan; nomor keputusan: Bisnis.com, 6 Februari 2023',
  },
  {
    org: null,
    year: 2023,
    frameworkId: 'spbe-2020',
    index: 2.79,
    bodyCount: 621,
    publication: decree2023,
    remark: 'rata-rata nasional, 621 instansi',
    seenIn: 'Obsessionnews.com, pengumuman hasil evaluasi SPBE 2023 (menyebut SK Menteri PANRB No. 13/2024)',
  },
  {
    org: null,
    year: 2024,
    frameworkId: 'spbe-2020',
    index: 3.12,
    bodyCount: 615,
    publication: {
      kind: 'announcement',
      by: kemenpan,
      note: 'nomor keputusan menteri untuk hasil 2024 tidak ditemukan pada sumber publik',
    },
    remark: 'rata-rata nasional, 615 instansi',
    seenIn: 'ringkasan referensi Living Lab atas hasil yang dipublikasikan',
  },
  {
    org: '32.11',
    year: 2020,
    frameworkId: 'spbe-2018',
    index: 3.81,
    publication: {
      kind: 'announcement',
      by: kemenpan,
      note: 'evaluasi menurut PermenPANRB 5/2018; nomor keputusan menteri tidak ditemukan pada sumber publik',
    },
    remark: 'tertinggi di antara pemerintah daerah, kedua secara nasional setelah LAPAN (3,85)',
    seenIn: 'TiNewss.com (2021) dan Bisnis.com, 6 Februari 2023',
  },
  {
    org: '32.11',
    year: 2021,
    frameworkId: 'spbe-2020',
    index: 3.52,
    publication: decree2021,
    remark: 'predikat Sangat Baik, ketiga di antara pemerintah kabupaten',
    seenIn: 'TiNewss.com (2021), mengutip KepMenPANRB 1503/2021',
  },
  {
    org: '32.11',
    year: 2022,
    frameworkId: 'spbe-2020',
    index: 3.84,
    publication: decree2022,
    remark: 'tertinggi di antara kabupaten/kota, kedua secara nasional',
    seenIn: 'Bisnis.com, 6 Februari 2023',
  },
  {
    org: '32.11',
    year: 2024,
    frameworkId: 'spbe-2020',
    index: 4.51,
    publication: {
      kind: 'announcement',
      by: 'Diskominfosanditik Kabupaten Sumedang',
      note: 'disampaikan Februari 2025, kemungkinan besar hasil evaluasi SPBE 2024; nomor keputusan menteri tidak ditemukan',
    },
    seenIn: 'Eljabar.com, 26 Februari 2025',
  },
  {
    org: '35.10',
    year: 2019,
    frameworkId: 'spbe-2018',
    index: 3.41,
    publication: {
      kind: 'announcement',
      by: kemenpan,
      note: 'evaluasi menurut PermenPANRB 5/2018; nomor keputusan menteri tidak ditemukan pada sumber publik',
    },
    remark: 'tertinggi secara nasional di antara pemerintah daerah',
    seenIn: 'TiNewss.com (2021)',
  },
  {
    org: '35.10',
    year: 2021,
    frameworkId: 'spbe-2020',
    index: 3.53,
    publication: decree2021,
    remark: 'predikat Sangat Baik, kedua di antara kabupaten/kota',
    seenIn: 'KabarBanyuwangi.co.id, mengutip KepMenPANRB 1503/2021',
  },
  {
    org: '35.10',
    year: 2023,
    frameworkId: 'spbe-2020',
    index: 4.5,
    publication: decree2023,
    seenIn: 'ringkasan referensi Living Lab atas hasil yang dipublikasikan',
  },
  {
    org: '11.04',
    year: 2025,
    frameworkId: 'spbe-2020',
    index: 2.59,
    domains: { D1: 2.3, D2: 1.7, D3: 1.0, D4: 3.75 },
    publication: {
      kind: 'announcement',
      by: kemenpan,
      note: 'Laporan Hasil Pemantauan SPBE 2025 untuk Kabupaten Aceh Tengah; nomor keputusan menteri tidak ditemukan',
    },
    remark: 'Pemantauan SPBE 2025',
    seenIn:
      'berkas kerja publik Diskominfo Kabupaten Aceh Tengah (GitHub Niumination/PemdiAcehTengah, docs/Panduan_Peningkatan_Indeks_Pemdi_Aceh_Tengah.md)',
  },
];

const months = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "31 Januari 2023" from an ISO day. */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[m! - 1]} ${y}`;
}

/** The decree as cited in Indonesian official style, with its date and link when known. */
export function decreeCitation(d: Decree): string {
  const date = d.date ? ` tanggal ${longDate(d.date)}` : '';
  const link = d.url ? ` (${d.url})` : '';
  return `Keputusan Menteri PANRB Nomor ${d.number} Tahun ${d.year}${date} tentang ${d.title}${link}`;
}

/** The text stored as the result's source: the publication, what it says of the body, where read. */
export function sourceText(r: ReferenceResult): string {
  const p = r.publication;
  const publication = p.kind === 'decree' ? decreeCitation(p) : `${p.by}, pengumuman (${p.note})`;
  const remark = r.remark ? ` — ${r.remark}` : '';
  return `${publication}${remark}. Dibaca dari: ${r.seenIn}`;
}
