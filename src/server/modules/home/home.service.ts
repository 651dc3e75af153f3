import type { HomeReply, HomeSection, HomeSectionRole } from '../../../shared/contracts/home';
import type { DbOrTx } from '../../db/client';
import { readAll } from '../../db/query-helpers';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { listFrameworks } from '../frameworks/frameworks.registry';
import { storedBodies } from '../funnel/funnel.queries';
import { orgRefs } from '../orgs/orgs.queries';
import { indexFigures } from '../supervision/supervision.index';
import { hostsOf, officialSeries, orgsByCode, selfSeries } from './home.index.queries';
import {
  assessmentsToReview,
  followerState,
  menteeCounts,
  platformFigures,
  waitingAssistance,
} from './home.mentor.queries';
import { compareSections, listsAssignedItems, sectionsFor } from './home.policy';
import { groupBy } from './home.presenter';
import * as q from './home.queries';
import { type Loaded, sectionBuilders } from './home.sections';

// GET /home: what waits on the signed-in user, one section per membership, most urgent first.
// Reads only the user's own bodies (and, for mentors, the bodies their host mentors): every
// figure comes from a fixed number of queries over all of them, whatever the number of bodies.

const unique = <T>(xs: (T | null | undefined)[]) => [...new Set(xs.filter((x): x is T => x != null))];

export async function homeFor(db: DbOrTx, actor: Actor): Promise<HomeReply['data']> {
  const requests = sectionsFor(actor);
  const idsOf = (...roles: HomeSectionRole[]) =>
    unique(requests.filter((r) => roles.includes(r.role)).map((r) => r.membership.orgId));
  const operatorIds = idsOf('operator');
  const adminIds = idsOf('body_admin');
  const leaderIds = idsOf('leader');
  const hostIds = idsOf('mentor');
  const indexIds = idsOf('body_admin', 'leader', 'viewer');
  const assignedIds = unique(
    requests
      .filter((r) => listsAssignedItems(actor, r.role, r.membership.orgId))
      .map((r) => r.membership.orgId),
  );
  const refs = await orgRefs(db, idsOf(...requests.map((r) => r.role)));
  const refById = new Map(refs.map((r) => [r.id, r]));
  const provinceCodes = unique(indexIds.map((id) => refById.get(id)?.provinceCode));

  const [
    assigned,
    reopened,
    assessments,
    plans,
    invitations,
    gaps,
    mentorAccess,
    obligations,
    commitment,
    overdue,
    hosts,
    provinces,
    self,
    followup,
  ] = await readAll(db, [
    () => q.assignedItems(db, actor.userId, assignedIds),
    () => q.reopenedIndicators(db, operatorIds),
    () => q.openAssessments(db, unique([...operatorIds, ...adminIds])),
    () => q.plansOf(db, idsOf('operator', 'body_admin', 'leader', 'viewer')),
    () => q.pendingInvitations(db, adminIds),
    () => q.itemsWithoutOwnerOrDate(db, adminIds),
    () => q.pendingMentorAccess(db, unique([...adminIds, ...leaderIds])),
    () => q.nextObligations(db, adminIds),
    () => (leaderIds.length ? q.commitmentState(db, leaderIds) : Promise.resolve(null)),
    () => q.overdueItems(db, leaderIds),
    () => (indexIds.length ? hostsOf(db, indexIds) : Promise.resolve(new Map())),
    () => orgsByCode(db, provinceCodes),
    () => selfSeries(db, indexIds),
    () => (adminIds.length ? storedBodies(db, false, adminIds) : Promise.resolve([])),
  ] as const);
  // The bodies compared with are known only now: their results are a second read.
  const hostRefs = [...hosts.values()].filter((h) => h !== null);
  const [official, indices, frameworks, mentees, reviews, assistance, followers, figures] = await readAll(
    db,
    [
      () => officialSeries(db, indexIds),
      () => indexFigures(db, unique([...indexIds, ...hostRefs.map((h) => h.id)]), provinceCodes),
      () => (indexIds.length ? listFrameworks(db) : Promise.resolve([])),
      () => menteeCounts(db, hostIds),
      () => assessmentsToReview(db, hostIds),
      () => waitingAssistance(db, hostIds),
      () => followerState(db, hostIds),
      () => (requests.some((r) => r.role === 'platform_admin') ? platformFigures(db) : Promise.resolve(null)),
    ] as const,
  );

  const byOrg = <T extends { orgId: string | null }>(rows: readonly T[]) => groupBy(rows, (r) => r.orgId);
  const byHost = <T extends { hostId: string }>(rows: readonly T[]) => groupBy(rows, (r) => r.hostId);
  const loaded: Loaded = {
    actor,
    today: today(),
    assigned: byOrg(assigned),
    reopened: byOrg(reopened),
    assessments: byOrg(assessments),
    plans: byOrg(plans),
    invitations: byOrg(invitations),
    gaps: byOrg(gaps),
    mentorAccess: byOrg(mentorAccess),
    obligations: new Map(obligations.map((o) => [o.orgId, o])),
    commitment: {
      current: commitment?.current ?? null,
      signatures: new Map((commitment?.signatures ?? []).map((s) => [s.orgId, s])),
    },
    overdue: byOrg(overdue),
    index: {
      official: byOrg(official),
      self: groupBy(self, (s) => s.orgId),
      hosts,
      provinces: new Map(provinces.map((p) => [p.code, p])),
      figures: indices,
      frameworkName: (id) => frameworks.find((f) => f.id === id)?.name ?? { id, en: id },
    },
    followup: new Map(followup.map((f) => [f.info.orgId, f])),
    mentees: new Map(mentees.map((m) => [m.hostId, m.n])),
    reviews: byHost(reviews),
    assistance: byHost(assistance),
    followers: {
      stages: byHost(followers.stages),
      bodies: new Map(followers.bodies.map((b) => [b.hostId, b.n])),
      latest: byHost(followers.latest),
    },
    figures,
  };
  const sections: HomeSection[] = [];
  for (const r of requests) {
    const org = refById.get(r.membership.orgId);
    if (org) sections.push(sectionBuilders[r.role](org, loaded));
  }
  return { today: loaded.today, sections: sections.sort(compareSections) };
}
