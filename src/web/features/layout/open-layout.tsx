import { lazy, Suspense } from 'react';
import { useMe } from '../auth/use-auth';
import { AppLayout, ShellPending } from './app-layout';
import { ErrorPage } from './error-page';
import { Loading } from './loading';
import { PublicLayout } from './public-layout';

const VisitorShell = lazy(() => import('./app-shell').then((m) => ({ default: m.VisitorShell })));

/**
 * Pages anyone may read (the portal at `/`, the bodies' public pages, the practice catalogue):
 * inside the app's shell for signed-in users, in a plain public shell with a sign-in button and
 * the public menu for visitors — never a redirect to the login.
 */
export function OpenLayout() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <PublicLayout>
        <ErrorPage error={me.error} onRetry={() => me.refetch()} />
      </PublicLayout>
    );
  }
  if (me.data) return <AppLayout />;
  return (
    <Suspense fallback={<ShellPending />}>
      <VisitorShell />
    </Suspense>
  );
}
