import type { Locale } from '../../../shared/errors';
import { drillDown, type Measured } from '../../../shared/followup/measure';
import { milestones } from '../../../shared/followup/milestones';
import { presentBody } from './funnel.presenter';
import type { ResolvedScope } from './funnel.service';

// The scope's export: every body of the cohort (and, for a province, its kab/kota that have not
// joined) with the day it reached each milestone. Column names in Bahasa Indonesia: the file is
// read in spreadsheets by supervisors.

const columns: Record<(typeof milestones)[number], string> = {
  committed: 'berkomitmen',
  assessed: 'penilaian_mandiri',
  planned: 'berencana',
  acting: 'bertindak',
  replicating: 'mereplikasi',
  improved: 'membaik_resmi',
  followingPath: 'mengikuti_jejak',
};

export function exportTable(m: Measured, locale: Locale) {
  const header = [
    'kode',
    'instansi',
    'bergabung',
    'tanggal_acuan',
    'bergabung_karena',
    'berkunjung',
    ...milestones.map((k) => columns[k]),
    'menindaklanjuti',
    'jejak_persen',
  ];
  const rows = [...drillDown(m, 'cohort'), ...drillDown(m, 'notJoined')].map((x) => {
    const b = presentBody(x.body, x.row, null, locale);
    return [
      b.code,
      b.name,
      b.joined ? 'ya' : 'belum',
      b.referenceDate ?? '',
      b.joinedBy.join('; '),
      b.reached.visited ?? '',
      ...milestones.map((k) => b.milestones[k] ?? ''),
      x.row?.measure.followedUp?.date ?? '',
      b.pathProgressPercent ?? '',
    ];
  });
  return { header, rows };
}

/** The file's name: the scope and its reference, safe for a Content-Disposition header. */
export function exportName(r: ResolvedScope) {
  return `tindak-lanjut-${r.scope.kind}${r.ref ? `-${r.ref}` : ''}`.replace(/[^\w.-]/g, '_');
}
