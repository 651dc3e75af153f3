import type { Org } from '../../../shared/contracts/orgs';
import type { findOrgByCode } from './orgs.queries';

type Row = NonNullable<Awaited<ReturnType<typeof findOrgByCode>>>;

export function presentOrg(row: Row): Org {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    provinceCode: row.provinceCode,
    provinceName: row.provinceName ?? null,
    isReference: row.isReference,
    isMember: row.isMember,
    memberSince: row.memberSince,
    isHost: row.isHost,
    evaluated: row.evaluated,
    shareLevels: row.shareLevels,
    isSample: row.isSample,
  };
}

export const directoryCsvColumns = [
  'code',
  'name',
  'type',
  'province_code',
  'province_name',
  'is_member',
  'member_since',
  'is_host',
  'is_sample',
] as const;

export function directoryCsvRow(r: Row) {
  return [
    r.code,
    r.name,
    r.type,
    r.provinceCode,
    r.provinceName,
    r.isMember,
    r.memberSince,
    r.isHost,
    r.isSample,
  ];
}

// The national supervisors of regional government (Kemendagri) and of the SPBE evaluation
// (KemenPAN-RB); central bodies are evaluated by KemenPAN-RB.
export const NATIONAL_SUPERVISOR_CODES = ['KEMENDAGRI', 'KEMENPANRB'] as const;

export function supervisorCodes(org: Pick<Row, 'type' | 'provinceCode'>): string[] {
  switch (org.type) {
    case 'regency':
    case 'city':
      return [org.provinceCode!, ...NATIONAL_SUPERVISOR_CODES];
    case 'province':
      return [...NATIONAL_SUPERVISOR_CODES];
    case 'ministry':
    case 'agency':
      return ['KEMENPANRB'];
    default:
      return [];
  }
}
