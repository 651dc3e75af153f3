import type { OrgRef } from '../../src/server/modules/orgs/orgs.policy';
import type { Actor } from '../../src/server/platform/auth/actor';
import type { Role } from '../../src/shared/contracts/common';

// Bodies and actors for the pure policy tests: an actor holds one role in one body.

export function orgRef(
  id: string,
  code: string,
  provinceCode: string | null,
  type: OrgRef['type'] = 'regency',
): OrgRef {
  return { id, code, type, provinceCode, isHost: false };
}

export function actorWith(
  role: Role,
  at: OrgRef,
  opts: { mentored?: string[]; userId?: string } = {},
): Actor {
  return {
    userId: opts.userId ?? 'u',
    email: 'u@x.test',
    name: 'U',
    locale: 'id',
    isSample: false,
    sessionId: 's',
    csrfToken: 'c',
    memberships: [
      {
        id: 'm',
        orgId: at.id,
        orgCode: at.code,
        orgName: at.code,
        orgType: at.type,
        provinceCode: at.provinceCode,
        role,
      },
    ],
    mentoredOrgIds: opts.mentored ?? [],
  };
}
