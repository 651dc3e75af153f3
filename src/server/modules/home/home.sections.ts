import { adoptionStages } from '../../../shared/contracts/adoptions';
import { HOME_LIST_LIMIT, type HomeSectionRole, type SectionOf } from '../../../shared/contracts/home';
import type { Actor } from '../../platform/auth/actor';
import { assessmentPolicy } from '../assessments/assessments.policy';
import { commitmentPolicy } from '../commitments/commitments.policy';
import type { storedBodies } from '../funnel/funnel.queries';
import type { OrgRef } from '../orgs/orgs.policy';
import { planPolicy } from '../plans/plans.policy';
import { assistancePolicy } from '../practices/practices.policy';
import { visitPolicy } from '../visits/visits.policy';
import type {
  assessmentsToReview,
  followerState,
  platformFigures,
  waitingAssistance,
} from './home.mentor.queries';
import { homePolicy, listsAssignedItems } from './home.policy';
import {
  counted,
  currentPlan,
  firstOf,
  followupBlock,
  type IndexData,
  indexBlock,
  presentAssigned,
  presentItem,
} from './home.presenter';
import type * as q from './home.queries';

// Each role's section from what the service read. Every item a section offers is one the area's
// own policy lets this user act on (submit, approve, sign, review, answer).

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type By<K, F extends (...args: never[]) => Promise<unknown[]>> = Map<K, Rows<F>[number][]>;
type Followers = Rows<typeof followerState>;

export type Loaded = {
  actor: Actor;
  today: string;
  assigned: By<string | null, typeof q.assignedItems>;
  reopened: By<string | null, typeof q.reopenedIndicators>;
  assessments: By<string | null, typeof q.openAssessments>;
  plans: By<string | null, typeof q.plansOf>;
  invitations: By<string | null, typeof q.pendingInvitations>;
  gaps: By<string | null, typeof q.itemsWithoutOwnerOrDate>;
  mentorAccess: By<string | null, typeof q.pendingMentorAccess>;
  obligations: Map<string, Rows<typeof q.nextObligations>[number]>;
  commitment: {
    current: { version: number; title: string } | null;
    signatures: Map<string, Rows<typeof q.commitmentState>['signatures'][number]>;
  };
  overdue: By<string | null, typeof q.overdueItems>;
  index: IndexData;
  followup: Map<string, Rows<typeof storedBodies>[number]>;
  mentees: Map<string, number>;
  reviews: By<string, typeof assessmentsToReview>;
  assistance: By<string, typeof waitingAssistance>;
  followers: {
    stages: Map<string, Followers['stages']>;
    bodies: Map<string, number>;
    latest: Map<string, Followers['latest']>;
  };
  figures: Rows<typeof platformFigures> | null;
};

type Builder<R extends HomeSectionRole> = (org: OrgRef & { name: string }, d: Loaded) => SectionOf<R>;

const ref = (o: { code: string; name: string }) => ({ code: o.code, name: o.name });
const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

const mentorAccess = (org: OrgRef, d: Loaded) => {
  // Only those who may answer see the request (the body's admin or leader: the visits rule).
  const mayDecide = visitPolicy.can(d.actor, 'decideAccess', { host: org, visitor: org });
  const rows = mayDecide ? d.mentorAccess.get(org.id) : [];
  return firstOf(rows, HOME_LIST_LIMIT, (r) => ({ host: ref(r), requestedAt: iso(r.at) }));
};

const assignedIn = (org: OrgRef, role: HomeSectionRole, d: Loaded) =>
  listsAssignedItems(d.actor, role, org.id) ? presentAssigned(d.assigned.get(org.id)) : null;

const operator: Builder<'operator'> = (org, d) => {
  const returned = counted(d.reopened.get(org.id), (r) => ({
    assessmentId: r.assessmentId,
    year: r.year,
    indicator: r.indicator,
    comment: r.comment,
  }));
  const assigned = assignedIn(org, 'operator', d)!;
  const plans = (d.plans.get(org.id) ?? []).filter((p) => p.status === 'draft');
  const drafts = [
    ...(d.assessments.get(org.id) ?? [])
      .filter((a) => a.status === 'draft')
      .map((a) => ({
        kind: 'assessment' as const,
        id: a.id,
        year: a.year,
        answered: a.answered,
        total: a.total,
      })),
    ...plans.map((p) => ({ kind: 'plan' as const, id: p.id, period: p.period, itemCount: p.itemCount })),
  ];
  return {
    role: 'operator',
    org: ref(org),
    attention: returned.count + assigned.overdue + assigned.dueSoon + drafts.length,
    returned,
    assigned,
    drafts: firstOf(drafts, HOME_LIST_LIMIT, (x) => x),
  };
};

const bodyAdmin: Builder<'body_admin'> = (org, d) => {
  const toSubmit = (d.assessments.get(org.id) ?? []).filter((a) =>
    assessmentPolicy.can(d.actor, a.status === 'returned' ? 'resubmit' : 'submit', { org, status: a.status }),
  );
  const plansToSubmit = (d.plans.get(org.id) ?? []).filter(
    (p) => p.itemCount > 0 && planPolicy.can(d.actor, 'submit', { org, status: p.status }),
  );
  const gapRows = d.gaps.get(org.id);
  const planGaps = {
    ...counted(gapRows, (r) => ({
      id: r.id,
      planId: r.planId,
      title: r.title,
      noOwner: Boolean(r.noOwner),
      noDate: Boolean(r.noDate),
    })),
    noOwner: gapRows?.[0]?.noOwnerCount ?? 0,
    noDate: gapRows?.[0]?.noDateCount ?? 0,
  };
  const access = mentorAccess(org, d);
  const o = d.obligations.get(org.id);
  const assigned = assignedIn(org, 'body_admin', d);
  return {
    role: 'body_admin',
    org: ref(org),
    attention:
      toSubmit.length +
      plansToSubmit.length +
      planGaps.count +
      access.count +
      (o && o.daysLeft <= 30 ? 1 : 0) +
      (assigned ? assigned.overdue + assigned.dueSoon : 0),
    toSubmit: firstOf(toSubmit, HOME_LIST_LIMIT, (a) => ({
      id: a.id,
      year: a.year,
      status: a.status,
      answered: a.answered,
      total: a.total,
    })),
    plansToSubmit: firstOf(plansToSubmit, HOME_LIST_LIMIT, (p) => ({
      id: p.id,
      period: p.period,
      itemCount: p.itemCount,
    })),
    invitations: counted(d.invitations.get(org.id), (i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: iso(i.expiresAt),
    })),
    planGaps,
    mentorAccess: access,
    index: indexBlock(org, d.index),
    followup: followupBlock(d.followup.get(org.id)),
    nextObligation: o
      ? {
          visitId: o.visitId,
          host: { code: o.hostCode, name: o.hostName },
          dueDate: o.dueDate,
          daysLeft: o.daysLeft,
        }
      : null,
    assigned,
    abilities: homePolicy.abilities(d.actor, org),
  };
};

const leader: Builder<'leader'> = (org, d) => {
  const approvals = (d.plans.get(org.id) ?? []).filter((p) =>
    planPolicy.can(d.actor, 'approve', { org, status: p.status }),
  );
  const access = mentorAccess(org, d);
  const { current } = d.commitment;
  const signature = d.commitment.signatures.get(org.id) ?? null;
  const canSign =
    !!current && signature?.textVersion !== current.version && commitmentPolicy.can(d.actor, 'sign', org);
  const escalations = counted(d.overdue.get(org.id), presentItem);
  return {
    role: 'leader',
    org: ref(org),
    attention: approvals.length + access.count + (canSign ? 1 : 0) + escalations.count,
    approvals: firstOf(approvals, HOME_LIST_LIMIT, (p) => ({
      id: p.id,
      period: p.period,
      itemCount: p.itemCount,
      submittedAt: p.submittedAt ? iso(p.submittedAt) : null,
    })),
    mentorAccess: access,
    commitment: {
      current,
      signature: signature
        ? {
            id: signature.id,
            textVersion: signature.textVersion,
            signedAt: signature.signedAt,
            signerName: signature.signerName,
          }
        : null,
      canSign,
    },
    index: indexBlock(org, d.index),
    plan: currentPlan(d.plans.get(org.id)),
    escalations,
    abilities: homePolicy.abilities(d.actor, org),
  };
};

const mentor: Builder<'mentor'> = (org, d) => {
  const reviews = counted(d.reviews.get(org.id), (r) => ({
    id: r.id,
    org: ref(r),
    year: r.year,
    status: r.status,
    round: r.round,
    submittedAt: r.submittedAt,
  }));
  // Requests are listed to those who answer them: the host's staff (the rule reads the host only).
  const answers = assistancePolicy.can(d.actor, 'update', { org, host: org });
  const assistance = counted(answers ? d.assistance.get(org.id) : [], (r) => ({
    id: r.id,
    org: ref(r),
    topic: r.topic,
    status: r.status,
    createdAt: iso(r.createdAt),
  }));
  const stageCounts = Object.fromEntries(adoptionStages.map((s) => [s, 0])) as Record<
    (typeof adoptionStages)[number],
    number
  >;
  for (const s of d.followers.stages.get(org.id) ?? []) stageCounts[s.stage] = s.n;
  return {
    role: 'mentor',
    org: ref(org),
    attention: reviews.count + assistance.count,
    mentees: d.mentees.get(org.id) ?? 0,
    reviews,
    assistance,
    followers: {
      bodies: d.followers.bodies.get(org.id) ?? 0,
      stageCounts,
      items: (d.followers.latest.get(org.id) ?? []).map((a) => ({
        adoptionId: a.adoptionId,
        org: ref(a),
        practice: a.practice,
        stage: a.stage,
        updatedAt: iso(a.updatedAt),
      })),
    },
  };
};

const viewer: Builder<'viewer'> = (org, d) => ({
  role: 'viewer',
  org: ref(org),
  attention: 0,
  index: indexBlock(org, d.index),
  plan: currentPlan(d.plans.get(org.id)),
});

const platformAdmin: Builder<'platform_admin'> = (org, d) => {
  const figures = d.figures ?? { memberBodies: 0, activeUsers: 0, failedEmails: 0 };
  return { role: 'platform_admin', org: ref(org), attention: figures.failedEmails, ...figures };
};

export const sectionBuilders: { [R in HomeSectionRole]: Builder<R> } = {
  operator,
  body_admin: bodyAdmin,
  leader,
  mentor,
  viewer,
  platform_admin: platformAdmin,
};
