import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { localDay } from '../../../shared/calendar';
import type { ResponseTime } from '../../../shared/contracts/questions';
import { type ResponseRecord, responseFigures } from '../../../shared/questions/response-time';
import type { DbOrTx } from '../../db/client';
import { orgs, questionHosts } from '../../db/schema';

// Response-time figures per host, computed by the shared rule from the hosts' question rows. The
// figures are about hosts (bodies that offer mentoring to the whole Living Lab), so every
// signed-in user sees them; nothing of a private question but its dates is read.

export async function responseTimes(
  db: DbOrTx,
  timeZone: string,
  q: { host?: string; province?: string },
  now = new Date(),
): Promise<ResponseTime[]> {
  const where: SQL[] = [eq(orgs.isHost, true)];
  if (q.host) where.push(eq(orgs.code, q.host));
  if (q.province) where.push(or(eq(orgs.provinceCode, q.province), eq(orgs.code, q.province))!);
  const hosts = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(and(...where))
    .orderBy(asc(orgs.name));
  if (!hosts.length) return [];
  const rows = await db
    .select({
      hostOrgId: questionHosts.hostOrgId,
      askedAt: questionHosts.askedAt,
      firstResponseAt: questionHosts.firstResponseAt,
    })
    .from(questionHosts)
    .where(
      inArray(
        questionHosts.hostOrgId,
        hosts.map((h) => h.id),
      ),
    );
  const byHost = new Map<string, ResponseRecord[]>();
  for (const r of rows) {
    const list = byHost.get(r.hostOrgId) ?? [];
    list.push({
      askedDay: localDay(r.askedAt, timeZone),
      firstResponseDay: r.firstResponseAt ? localDay(r.firstResponseAt, timeZone) : null,
    });
    byHost.set(r.hostOrgId, list);
  }
  const today = localDay(now, timeZone);
  return hosts.map((h) => ({
    host: { code: h.code, name: h.name },
    ...responseFigures(byHost.get(h.id) ?? [], today),
  }));
}
