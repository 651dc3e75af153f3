import type { Role } from '../contracts/common';
import { defineTexts } from './table';

// Texts of users, memberships and invitations (contracts/users.ts, modules/users, invitations).
export const userTexts = defineTexts({
  USER_NOTHING_TO_CHANGE: { id: 'Tidak ada perubahan', en: 'Nothing to change' },
  USER_SELF_DISABLE: {
    id: 'Tidak dapat menonaktifkan akun sendiri',
    en: 'You cannot disable your own account',
  },
  USER_ALREADY_HAS_ROLE: { id: 'Pengguna sudah memiliki peran ini', en: 'The user already has this role' },
  ROLE_PLATFORM_ADMIN: { id: 'Admin platform', en: 'Platform admin' },
  ROLE_NATIONAL_SUPERVISOR: { id: 'Pembina nasional', en: 'National supervisor' },
  ROLE_PROVINCE_SUPERVISOR: { id: 'Pembina provinsi', en: 'Province supervisor' },
  ROLE_BODY_ADMIN: { id: 'Admin instansi', en: 'Body admin' },
  ROLE_LEADER: { id: 'Pimpinan', en: 'Leader' },
  ROLE_OPERATOR: { id: 'Operator', en: 'Operator' },
  ROLE_VIEWER: { id: 'Pembaca', en: 'Viewer' },
  ROLE_MENTOR: { id: 'Pendamping (instansi tuan rumah)', en: 'Mentor (host body)' },
});

/** The text key of a role's name (e.g. in invitation emails). */
export const roleTextKey = (role: Role) => `ROLE_${role.toUpperCase()}` as `ROLE_${Uppercase<Role>}`;
