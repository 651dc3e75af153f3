import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { useMe } from './features/auth/use-auth';
import { AppLayout } from './features/layout/app-layout';
import { OpenLayout } from './features/layout/open-layout';
import { PublicLayout } from './features/layout/public-layout';
import { RouteErrorPage } from './features/layout/route-error';
import NotFoundPage from './pages/not-found-page';

// Every page is its own chunk: a phone on a slow connection loads only what it shows. The
// not-found page is small and part of the first script (the error pages show it too). Each layout
// has the app's error page (route-error.tsx) for what it throws itself; pages' own failures show
// inside the layout (page-frame.tsx).
const LoginPage = lazy(() => import('./pages/login-page'));
const ForgotPasswordPage = lazy(() => import('./pages/forgot-password-page'));
const ResetPasswordPage = lazy(() => import('./pages/reset-password-page'));
const InvitationPage = lazy(() => import('./pages/invitation-page'));
const HomePage = lazy(() => import('./pages/home-page'));
const DirectoryPage = lazy(() => import('./pages/directory-page'));
const OrgPage = lazy(() => import('./pages/org-page'));
const UsersAdminPage = lazy(() => import('./pages/users-admin-page'));
const AuditPage = lazy(() => import('./pages/audit-page'));
const OutboxPage = lazy(() => import('./pages/outbox-page'));
const AccountPage = lazy(() => import('./pages/account-page'));
const AssessmentsPage = lazy(() => import('./pages/assessments-page'));
const AssessmentPage = lazy(() => import('./pages/assessment-page'));
const ComparisonPage = lazy(() => import('./pages/comparison-page'));
const SimulatorPage = lazy(() => import('./pages/simulator-page'));
const OfficialResultsPage = lazy(() => import('./pages/official-results-page'));
const FrameworksPage = lazy(() => import('./pages/frameworks-page'));
const VisitsPage = lazy(() => import('./pages/visits-page'));
const VisitPage = lazy(() => import('./pages/visit-page'));
const ProgrammesPage = lazy(() => import('./pages/programmes-page'));
const CommitmentsPage = lazy(() => import('./pages/commitments-page'));
const VerifyPage = lazy(() => import('./pages/verify-page'));
const PlansPage = lazy(() => import('./pages/plans-page'));
const PlanPage = lazy(() => import('./pages/plan-page'));
const FunnelPage = lazy(() => import('./pages/funnel-page'));
const PracticesPage = lazy(() => import('./pages/practices-page'));
const PracticePage = lazy(() => import('./pages/practice-page'));
const PracticeFormPage = lazy(() => import('./pages/practice-form-page'));
const AdoptionPage = lazy(() => import('./pages/adoption-page'));
const OrgAdoptionsPage = lazy(() => import('./pages/org-adoptions-page'));
const HostFollowersPage = lazy(() => import('./pages/host-followers-page'));
const QuestionsPage = lazy(() => import('./pages/questions-page'));
const QuestionPage = lazy(() => import('./pages/question-page'));
const PortalPage = lazy(() => import('./pages/portal-page'));
const PublicBodiesPage = lazy(() => import('./pages/public-bodies-page'));
const PublicBodyPage = lazy(() => import('./pages/public-body-page'));

/** `/`: the signed-in user's home page; the public portal for a visitor (OpenLayout knows which). */
function Landing() {
  return useMe().data ? <HomePage /> : <PortalPage />;
}

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/invitation', element: <InvitationPage /> },
      { path: '/verify/:id', element: <VerifyPage /> },
    ],
  },
  {
    // Readable signed out (the portal, bodies' public pages, the catalogue); inside the app's
    // shell when signed in.
    element: <OpenLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <Landing /> },
      { path: '/public/bodies', element: <PublicBodiesPage /> },
      { path: '/public/bodies/:code', element: <PublicBodyPage /> },
      { path: '/practices', element: <PracticesPage /> },
      { path: '/practices/:id', element: <PracticePage /> },
    ],
  },
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/orgs', element: <DirectoryPage /> },
      { path: '/orgs/:code', element: <OrgPage /> },
      { path: '/orgs/:code/assessments', element: <AssessmentsPage /> },
      { path: '/orgs/:code/compare', element: <ComparisonPage /> },
      { path: '/orgs/:code/simulator', element: <SimulatorPage /> },
      { path: '/assessments/:id', element: <AssessmentPage /> },
      { path: '/official-results', element: <OfficialResultsPage /> },
      { path: '/visits', element: <VisitsPage /> },
      { path: '/visits/:id', element: <VisitPage /> },
      { path: '/programmes', element: <ProgrammesPage /> },
      { path: '/commitments', element: <CommitmentsPage /> },
      { path: '/orgs/:code/plans', element: <PlansPage /> },
      { path: '/plans/:id', element: <PlanPage /> },
      { path: '/funnel', element: <FunnelPage /> },
      { path: '/practices/new', element: <PracticeFormPage /> },
      { path: '/practices/:id/edit', element: <PracticeFormPage /> },
      { path: '/adoptions/:id', element: <AdoptionPage /> },
      { path: '/orgs/:code/adoptions', element: <OrgAdoptionsPage /> },
      { path: '/orgs/:code/followers', element: <HostFollowersPage /> },
      { path: '/questions', element: <QuestionsPage /> },
      { path: '/questions/:id', element: <QuestionPage /> },
      { path: '/admin/frameworks', element: <FrameworksPage /> },
      { path: '/admin/users', element: <UsersAdminPage /> },
      { path: '/audit', element: <AuditPage /> },
      { path: '/admin/outbox', element: <OutboxPage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
