import type { Role } from '../../../shared/contracts/common';

// The sample accounts of the embedded "try it" mode (also listed in the README and on the login
// page while sample mode is on). All share this password.
export const SAMPLE_PASSWORD = 'livinglab-sample';

export const sampleAccounts: { email: string; name: string; role: Role; orgCode: string }[] = [
  {
    email: 'admin@livinglab.test',
    name: 'Admin Platform (contoh)',
    role: 'platform_admin',
    orgCode: 'LL-SEKRETARIAT',
  },
  {
    email: 'nasional@livinglab.test',
    name: 'Pembina Kemendagri (contoh)',
    role: 'national_supervisor',
    orgCode: 'KEMENDAGRI',
  },
  {
    email: 'jabar@livinglab.test',
    name: 'Pembina Jawa Barat (contoh)',
    role: 'province_supervisor',
    orgCode: '32',
  },
  {
    email: 'mentor.sumedang@livinglab.test',
    name: 'Mentor Sumedang (contoh)',
    role: 'mentor',
    orgCode: '32.11',
  },
  {
    email: 'admin.garut@livinglab.test',
    name: 'Admin Diskominfo Garut (contoh)',
    role: 'body_admin',
    orgCode: '32.05',
  },
  {
    email: 'operator.garut@livinglab.test',
    name: 'Operator Garut (contoh)',
    role: 'operator',
    orgCode: '32.05',
  },
  { email: 'bupati.garut@livinglab.test', name: 'Bupati Garut (contoh)', role: 'leader', orgCode: '32.05' },
];

/** Sample Living Lab members (membership facts are sample data; the bodies themselves are real). */
export const sampleMembers: { code: string; memberSince: string }[] = [
  { code: '32.11', memberSince: '2022-11-21' },
  { code: '32.05', memberSince: '2022-11-21' },
  { code: '32.10', memberSince: '2022-11-21' },
  { code: '32.04', memberSince: '2022-11-21' },
  { code: '32.73', memberSince: '2023-03-14' },
  { code: '32', memberSince: '2023-03-14' },
  { code: '33.02', memberSince: '2022-11-21' },
  { code: '51.71', memberSince: '2022-11-21' },
];
