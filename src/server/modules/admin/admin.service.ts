import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships, orgs, users } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { hashPassword } from '../../platform/crypto';
import { revokeResetTokens } from '../auth/auth.reset.service';
import { clearAllFailures } from '../auth/auth.throttle';

const SECRETARIAT = 'LL-SEKRETARIAT';

/**
 * Creates (or promotes) a platform admin of the secretariat. Used by `npm run admin:create` to
 * bootstrap a PostgreSQL installation, where no sample accounts exist.
 */
export async function createPlatformAdmin(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<{ userId: string; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, SECRETARIAT)).limit(1);
    if (!org)
      throw new Error(`the ${SECRETARIAT} body is missing: start the server once to load reference data`);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email))
      .limit(1);
    let userId = existing?.id;
    if (userId) {
      await tx
        .update(users)
        .set({
          passwordHash,
          isActive: true,
          passwordChangedAt: new Date(),
        })
        .where(eq(users.id, userId));
      // A new password from the command line: older reset links die and sign-in waits end.
      await revokeResetTokens(tx, userId);
      await clearAllFailures(tx, input.email);
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, passwordChangedAt: new Date() })
        .returning({ id: users.id });
      userId = created!.id;
    }
    const [has] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.role, 'platform_admin')))
      .limit(1);
    if (!has) await tx.insert(memberships).values({ userId, orgId: org.id, role: 'platform_admin' });
    await recordAudit(
      tx,
      { actorId: null, actorEmail: 'cli', requestId: null, ip: null },
      {
        action: existing ? 'admin.promoted' : 'admin.created',
        entityType: 'user',
        entityId: userId,
        orgId: org.id,
        summary: { email: input.email },
      },
    );
    return { userId, created: !existing };
  });
}
