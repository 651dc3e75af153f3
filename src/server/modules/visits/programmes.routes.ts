import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import { programmeBodySchema, programmeSchema } from '../../../shared/schemas/visits';
import { orgs, programmeMembers, programmes } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { getOrg } from '../orgs/orgs.service';
import { canManageProgrammes } from './visits.policy';

const tags = ['visits and programmes'];
const params = z.object({ id: z.uuid() });

export async function programmeRoutes(app: App) {
  const db = app.deps.database.db;

  // Correlated counts name their columns in full: drizzle renders interpolated columns without
  // their table, which inside the subquery would bind to the inner table.
  const selectProgrammes = () =>
    db
      .select({
        p: programmes,
        memberCount: sql<number>`(select count(*)::int from programme_members pm where pm.programme_id = "programmes"."id")`,
        visitCount: sql<number>`(select count(*)::int from visits v where v.programme_id = "programmes"."id")`,
      })
      .from(programmes);
  const present = (r: Awaited<ReturnType<ReturnType<typeof selectProgrammes>['execute']>>[number]) => ({
    id: r.p.id,
    name: r.p.name,
    description: r.p.description,
    year: r.p.year,
    followUpDays: r.p.followUpDays,
    pathThresholdPercent: r.p.pathThresholdPercent,
    memberCount: r.memberCount,
    visitCount: r.visitCount,
    isSample: r.p.isSample,
  });

  app.get(
    '/programmes',
    {
      config: { access: 'user' },
      schema: {
        tags,
        response: {
          200: z.object({ data: z.array(programmeSchema), abilities: z.object({ create: z.boolean() }) }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const rows = await selectProgrammes().orderBy(
        sql`${programmes.year} desc nulls last`,
        asc(programmes.name),
      );
      return { data: rows.map(present), abilities: { create: canManageProgrammes(actor) } };
    },
  );

  app.get(
    '/programmes/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params,
        response: {
          200: z.object({
            data: programmeSchema.extend({
              members: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() })),
            }),
            abilities: z.object({ update: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const [row] = await selectProgrammes().where(eq(programmes.id, req.params.id));
      if (!row) throw new AppError('NOT_FOUND');
      const members = await db
        .select({ code: orgs.code, name: orgs.name, type: orgs.type })
        .from(programmeMembers)
        .innerJoin(orgs, eq(orgs.id, programmeMembers.orgId))
        .where(eq(programmeMembers.programmeId, req.params.id))
        .orderBy(asc(orgs.code));
      return { data: { ...present(row), members }, abilities: { update: canManageProgrammes(actor) } };
    },
  );

  app.post(
    '/programmes',
    {
      config: { access: 'user' },
      schema: {
        tags,
        body: programmeBodySchema,
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!canManageProgrammes(actor)) throw new AppError('FORBIDDEN');
      const id = await db.transaction(async (tx) => {
        const [p] = await tx
          .insert(programmes)
          .values({ ...req.body, year: req.body.year ?? null, createdBy: actor.userId })
          .returning({ id: programmes.id });
        await recordAudit(tx, auditContext(req), {
          action: 'programme.created',
          entityType: 'programme',
          entityId: p!.id,
          summary: { ...req.body },
        });
        return p!.id;
      });
      return reply.code(201).send({ data: { id } });
    },
  );

  app.put(
    '/programmes/:id',
    {
      config: { access: 'user' },
      schema: { tags, params, body: programmeBodySchema, response: { 200: okSchema } },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!canManageProgrammes(actor)) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        const [p] = await tx
          .update(programmes)
          .set({ ...req.body, year: req.body.year ?? null })
          .where(eq(programmes.id, req.params.id))
          .returning({ id: programmes.id });
        if (!p) throw new AppError('NOT_FOUND');
        await recordAudit(tx, auditContext(req), {
          action: 'programme.updated',
          entityType: 'programme',
          entityId: p.id,
          summary: { ...req.body },
        });
      });
      return { ok: true as const };
    },
  );

  async function setMember(
    req: Parameters<typeof auditContext>[0],
    id: string,
    code: string,
    member: boolean,
  ) {
    const actor = requireActor(req);
    if (!canManageProgrammes(actor)) throw new AppError('FORBIDDEN');
    const org = await getOrg(db, code);
    await db.transaction(async (tx) => {
      const [p] = await tx.select({ n: count() }).from(programmes).where(eq(programmes.id, id));
      if (!p?.n) throw new AppError('NOT_FOUND');
      if (member) {
        await tx.insert(programmeMembers).values({ programmeId: id, orgId: org.id }).onConflictDoNothing();
      } else {
        await tx
          .delete(programmeMembers)
          .where(and(eq(programmeMembers.programmeId, id), eq(programmeMembers.orgId, org.id)));
      }
      await recordAudit(tx, auditContext(req), {
        action: member ? 'programme.member_added' : 'programme.member_removed',
        entityType: 'programme',
        entityId: id,
        orgId: org.id,
        summary: { org: org.code },
      });
      await refreshFollowupFacts(tx, [org.id]);
    });
    return { ok: true as const };
  }

  app.post(
    '/programmes/:id/members',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params,
        body: z.object({ orgCode: z.string().trim().min(1).max(40) }),
        response: { 200: okSchema },
      },
    },
    (req) => setMember(req, req.params.id, req.body.orgCode, true),
  );

  app.delete(
    '/programmes/:id/members/:code',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: params.extend({ code: z.string().trim().min(1).max(40) }),
        response: { 200: okSchema },
      },
    },
    (req) => setMember(req, req.params.id, req.params.code, false),
  );
}
