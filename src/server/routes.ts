import { assessmentRoutes } from './modules/assessments/assessments.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { commitmentRoutes } from './modules/commitments/commitments.routes';
import { eventRoutes } from './modules/events/events.routes';
import { evidenceRoutes } from './modules/evidence/evidence.routes';
import { frameworkRoutes } from './modules/frameworks/frameworks.routes';
import { funnelRoutes } from './modules/funnel/funnel.routes';
import { healthRoutes } from './modules/health/health.routes';
import { homeRoutes } from './modules/home/home.routes';
import { invitationRoutes } from './modules/invitations/invitations.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { orgRoutes } from './modules/orgs/orgs.routes';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { planItemRoutes } from './modules/plans/plans.items.routes';
import { planRoutes } from './modules/plans/plans.routes';
import { adoptionRoutes } from './modules/practices/adoptions.routes';
import { assistanceRoutes } from './modules/practices/assistance.routes';
import { practiceRoutes } from './modules/practices/practices.routes';
import { publicRoutes } from './modules/public/public.routes';
import { questionRoutes } from './modules/questions/questions.routes';
import { reportRoutes } from './modules/reports/reports.routes';
import { insightRoutes } from './modules/results/insights.routes';
import { resultRoutes } from './modules/results/results.routes';
import { supervisionRoutes } from './modules/supervision/supervision.routes';
import { orgUserRoutes } from './modules/users/org-users.routes';
import { userRoutes } from './modules/users/users.routes';
import { programmeRoutes } from './modules/visits/programmes.routes';
import { visitRoutes } from './modules/visits/visits.routes';
import type { App } from './platform/http-types';

export async function registerRoutes(app: App) {
  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      const api = v1 as unknown as App;
      await api.register(authRoutes);
      await api.register(orgRoutes);
      await api.register(orgUserRoutes);
      await api.register(userRoutes);
      await api.register(invitationRoutes);
      await api.register(auditRoutes);
      await api.register(outboxRoutes);
      await api.register(frameworkRoutes);
      await api.register(assessmentRoutes);
      await api.register(evidenceRoutes);
      await api.register(resultRoutes);
      await api.register(insightRoutes);
      await api.register(programmeRoutes);
      await api.register(visitRoutes);
      await api.register(eventRoutes);
      await api.register(commitmentRoutes);
      await api.register(planRoutes);
      await api.register(planItemRoutes);
      await api.register(funnelRoutes);
      await api.register(supervisionRoutes);
      await api.register(notificationRoutes);
      await api.register(practiceRoutes);
      await api.register(adoptionRoutes);
      await api.register(assistanceRoutes);
      await api.register(questionRoutes);
      await api.register(publicRoutes);
      await api.register(homeRoutes);
      await api.register(reportRoutes);
    },
    { prefix: '/api/v1' },
  );
}
