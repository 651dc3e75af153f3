// The central ministries and agencies (instansi pusat) the national SPBE evaluation covers, as
// reference data. Each entry names where it comes from; `listing` says how firmly the source ties
// the body to the evaluation:
// - 'confirmed': the ministries of the Kabinet Merah Putih as Perpres 139/2024 organises them
//   (every ministry is an instansi pusat evaluated under Perpres 95/2018);
// - 'reported': non-ministerial agencies and the secretariats of state institutions that public
//   reports name among the evaluated instansi pusat (the 2018 evaluation covered "instansi pusat,
//   Polri, dan pemda", and BPS, Bapeten, LIPI/BRIN and LAPAN/BRIN appear in published rankings),
//   but whose presence in the latest decree's annex (KepMenPANRB 13/2024 for 2023) could not be
//   read from a public copy. A platform admin corrects the directory when a decree says otherwise.
// Codes are stable: 'K-' for ministries and 'L-' for other bodies, except KEMENDAGRI and
// KEMENPANRB, which predate this list and which national supervisors' accounts point at.
// Names follow the organising regulation; later reorganisations (e.g. ministries created or merged
// after Perpres 139/2024) are an admin's edit, not a release.

export type CentralSourceId = 'perpres-139-2024' | 'lpnk' | 'lembaga-negara' | 'platform';

export const centralSources: Record<
  CentralSourceId,
  { citation: string; listing: 'confirmed' | 'reported' | 'not-evaluated' }
> = {
  'perpres-139-2024': {
    citation:
      'Peraturan Presiden Nomor 139 Tahun 2024 tentang Penataan Tugas dan Fungsi Kementerian Negara Kabinet Merah Putih Periode Tahun 2024–2029',
    listing: 'confirmed',
  },
  lpnk: {
    citation:
      'Lembaga pemerintah nonkementerian (instansi pusat menurut Perpres 95/2018); keikutsertaan dalam evaluasi SPBE dilaporkan (KemenPAN-RB, hasil evaluasi SPBE 2018–2023), lampiran KepMenPANRB 13/2024 belum dikonfirmasi',
    listing: 'reported',
  },
  'lembaga-negara': {
    citation:
      'Kesekretariatan lembaga negara dan lembaga lain (instansi pusat menurut Perpres 95/2018); keikutsertaan dalam evaluasi SPBE dilaporkan, lampiran KepMenPANRB 13/2024 belum dikonfirmasi',
    listing: 'reported',
  },
  platform: { citation: 'Sekretariat platform Living Lab SPBE', listing: 'not-evaluated' },
};

export type CentralBody = {
  code: string;
  name: string;
  type: 'ministry' | 'agency';
  source: CentralSourceId;
};

const ministry = (code: string, name: string): CentralBody => ({
  code,
  name,
  type: 'ministry',
  source: 'perpres-139-2024',
});
const lpnk = (code: string, name: string): CentralBody => ({ code, name, type: 'agency', source: 'lpnk' });
const lembaga = (code: string, name: string): CentralBody => ({
  code,
  name,
  type: 'agency',
  source: 'lembaga-negara',
});

/** The evaluated central bodies (48 ministries, 25 LPNK, 17 other bodies). */
export const evaluatedCentralBodies: CentralBody[] = [
  // Kementerian koordinator (Perpres 139/2024).
  ministry('K-KEMENKOPOLKAM', 'Kementerian Koordinator Bidang Politik dan Keamanan'),
  ministry(
    'K-KEMENKOKUMHAMIMIPAS',
    'Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan',
  ),
  ministry('K-KEMENKOPEREKONOMIAN', 'Kementerian Koordinator Bidang Perekonomian'),
  ministry('K-KEMENKOPMK', 'Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan'),
  ministry('K-KEMENKOINFRA', 'Kementerian Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan'),
  ministry('K-KEMENKOPM', 'Kementerian Koordinator Bidang Pemberdayaan Masyarakat'),
  ministry('K-KEMENKOPANGAN', 'Kementerian Koordinator Bidang Pangan'),
  // Kementerian (Perpres 139/2024).
  ministry('K-KEMENSETNEG', 'Kementerian Sekretariat Negara'),
  ministry('KEMENDAGRI', 'Kementerian Dalam Negeri'),
  ministry('K-KEMLU', 'Kementerian Luar Negeri'),
  ministry('K-KEMHAN', 'Kementerian Pertahanan'),
  ministry('K-KEMENAG', 'Kementerian Agama'),
  ministry('K-KEMENKUM', 'Kementerian Hukum'),
  ministry('K-KEMENHAM', 'Kementerian Hak Asasi Manusia'),
  ministry('K-KEMENIMIPAS', 'Kementerian Imigrasi dan Pemasyarakatan'),
  ministry('K-KEMENKEU', 'Kementerian Keuangan'),
  ministry('K-KEMENDIKDASMEN', 'Kementerian Pendidikan Dasar dan Menengah'),
  ministry('K-KEMDIKTISAINTEK', 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi'),
  ministry('K-KEMENBUD', 'Kementerian Kebudayaan'),
  ministry('K-KEMENKES', 'Kementerian Kesehatan'),
  ministry('K-KEMENSOS', 'Kementerian Sosial'),
  ministry('K-KEMNAKER', 'Kementerian Ketenagakerjaan'),
  ministry(
    'K-KEMENP2MI',
    'Kementerian Pelindungan Pekerja Migran Indonesia/Badan Pelindungan Pekerja Migran Indonesia',
  ),
  ministry('K-KEMENPERIN', 'Kementerian Perindustrian'),
  ministry('K-KEMENDAG', 'Kementerian Perdagangan'),
  ministry('K-KESDM', 'Kementerian Energi dan Sumber Daya Mineral'),
  ministry('K-KEMENPU', 'Kementerian Pekerjaan Umum'),
  ministry('K-KEMENPKP', 'Kementerian Perumahan dan Kawasan Permukiman'),
  ministry('K-KEMENDES', 'Kementerian Desa dan Pembangunan Daerah Tertinggal'),
  ministry('K-KEMENTRANS', 'Kementerian Transmigrasi'),
  ministry('K-KEMENHUB', 'Kementerian Perhubungan'),
  ministry('K-KOMDIGI', 'Kementerian Komunikasi dan Digital'),
  ministry('K-KEMENTAN', 'Kementerian Pertanian'),
  ministry('K-KEMENHUT', 'Kementerian Kehutanan'),
  ministry('K-KKP', 'Kementerian Kelautan dan Perikanan'),
  ministry('K-KEMENATRBPN', 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional'),
  ministry(
    'K-KEMENPPN',
    'Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional',
  ),
  ministry('KEMENPANRB', 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi'),
  ministry('K-KEMENBUMN', 'Kementerian Badan Usaha Milik Negara'),
  ministry(
    'K-KEMENDUKBANGGA',
    'Kementerian Kependudukan dan Pembangunan Keluarga/Badan Kependudukan dan Keluarga Berencana Nasional',
  ),
  ministry('K-KLH', 'Kementerian Lingkungan Hidup/Badan Pengendalian Lingkungan Hidup'),
  ministry('K-KEMENINVESTASI', 'Kementerian Investasi dan Hilirisasi/Badan Koordinasi Penanaman Modal'),
  ministry('K-KEMENKOP', 'Kementerian Koperasi'),
  ministry('K-KEMENUMKM', 'Kementerian Usaha Mikro, Kecil, dan Menengah'),
  ministry('K-KEMENPAR', 'Kementerian Pariwisata'),
  ministry('K-KEMENEKRAF', 'Kementerian Ekonomi Kreatif/Badan Ekonomi Kreatif'),
  ministry('K-KEMENPPPA', 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak'),
  ministry('K-KEMENPORA', 'Kementerian Pemuda dan Olahraga'),
  // Lembaga pemerintah nonkementerian.
  lpnk('L-ANRI', 'Arsip Nasional Republik Indonesia'),
  lpnk('L-BAKAMLA', 'Badan Keamanan Laut Republik Indonesia'),
  lpnk('L-BAPANAS', 'Badan Pangan Nasional'),
  lpnk('L-BAPETEN', 'Badan Pengawas Tenaga Nuklir'),
  lpnk('L-BARANTIN', 'Badan Karantina Indonesia'),
  lpnk('L-BASARNAS', 'Badan Nasional Pencarian dan Pertolongan'),
  lpnk('L-BGN', 'Badan Gizi Nasional'),
  lpnk('L-BIG', 'Badan Informasi Geospasial'),
  lpnk('L-BKN', 'Badan Kepegawaian Negara'),
  lpnk('L-BMKG', 'Badan Meteorologi, Klimatologi, dan Geofisika'),
  lpnk('L-BNN', 'Badan Narkotika Nasional'),
  lpnk('L-BNPB', 'Badan Nasional Penanggulangan Bencana'),
  lpnk('L-BNPP', 'Badan Nasional Pengelola Perbatasan'),
  lpnk('L-BNPT', 'Badan Nasional Penanggulangan Terorisme'),
  lpnk('L-BPIP', 'Badan Pembinaan Ideologi Pancasila'),
  lpnk('L-BPKP', 'Badan Pengawasan Keuangan dan Pembangunan'),
  lpnk('L-BPOM', 'Badan Pengawas Obat dan Makanan'),
  lpnk('L-BPS', 'Badan Pusat Statistik'),
  lpnk('L-BRIN', 'Badan Riset dan Inovasi Nasional'),
  lpnk('L-BSN', 'Badan Standardisasi Nasional'),
  lpnk('L-BSSN', 'Badan Siber dan Sandi Negara'),
  lpnk('L-LAN', 'Lembaga Administrasi Negara'),
  lpnk('L-LKPP', 'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah'),
  lpnk('L-LEMHANNAS', 'Lembaga Ketahanan Nasional Republik Indonesia'),
  lpnk('L-PERPUSNAS', 'Perpustakaan Nasional Republik Indonesia'),
  // Kesekretariatan lembaga negara and other bodies.
  lembaga('L-POLRI', 'Kepolisian Negara Republik Indonesia'),
  lembaga('L-KEJAKSAAN', 'Kejaksaan Republik Indonesia'),
  lembaga('L-SETJEN-MPR', 'Sekretariat Jenderal Majelis Permusyawaratan Rakyat'),
  lembaga('L-SETJEN-DPR', 'Sekretariat Jenderal Dewan Perwakilan Rakyat'),
  lembaga('L-SETJEN-DPD', 'Sekretariat Jenderal Dewan Perwakilan Daerah'),
  lembaga('L-MA', 'Mahkamah Agung'),
  lembaga('L-MK', 'Mahkamah Konstitusi'),
  lembaga('L-KY', 'Komisi Yudisial'),
  lembaga('L-BPK', 'Badan Pemeriksa Keuangan'),
  lembaga('L-KOMNASHAM', 'Komisi Nasional Hak Asasi Manusia'),
  lembaga('L-ORI', 'Ombudsman Republik Indonesia'),
  lembaga('L-KPK', 'Komisi Pemberantasan Korupsi'),
  lembaga('L-KPU', 'Komisi Pemilihan Umum'),
  lembaga('L-BAWASLU', 'Badan Pengawas Pemilihan Umum'),
  lembaga('L-PPATK', 'Pusat Pelaporan dan Analisis Transaksi Keuangan'),
  lembaga('L-LPSK', 'Lembaga Perlindungan Saksi dan Korban'),
  lembaga('L-KPPU', 'Komisi Pengawas Persaingan Usaha'),
];

/** The platform's own secretariat: listed (its admins belong to it), never evaluated. */
export const secretariat = {
  code: 'LL-SEKRETARIAT',
  name: 'Sekretariat Living Lab SPBE',
  type: 'agency' as const,
  source: 'platform' as const,
};
