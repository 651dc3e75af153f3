import { Activity, lazy, Suspense, useEffect } from 'react';
import { Navigate, useLocation, useMatches } from 'react-router';
import { csrfToken } from '../../api/client';
import NotFoundPage from '../../pages/not-found-page';
import { useMe } from '../auth/use-auth';
import { ErrorPage } from './error-page';
import { Loading } from './loading';
import { RoutedPage } from './page-frame';
import { PublicLayout } from './public-layout';

// The shell (header, menu, notification bell, modals, the full styles) is its own chunk: the login
// page does not download it.
const loadShell = () => import('./app-shell');
const SignedInShell = lazy(() => loadShell().then((m) => ({ default: m.SignedInShell })));

/** An address that matched no page (the catch-all route). */
function useIsUnknownRoute(): boolean {
  return useMatches().some((m) => m.params['*'] !== undefined);
}

/** Signed-in area: redirects visitors to the login page, keeping where they wanted to go. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const unknown = useIsUnknownRoute();
  // The session's CSRF cookie (readable, unlike the session's) says the visitor is most likely
  // signed in: fetch the shell and the page together with /me rather than after it. Visitors on
  // their way to the login page download neither.
  const likelySignedIn = csrfToken() !== undefined;
  useEffect(() => {
    // A failed download shows when the shell renders (the router's error page); not here.
    if (likelySignedIn) loadShell().catch(() => undefined);
  }, [likelySignedIn]);
  if (me.isPending) return likelySignedIn ? <ShellPending /> : <Loading />;
  if (me.isError) {
    return (
      <PublicLayout>
        <ErrorPage error={me.error} onRetry={() => me.refetch()} />
      </PublicLayout>
    );
  }
  if (!me.data) {
    // An address that is no page at all is "not found" for a visitor too, not a sign-in prompt.
    if (unknown) {
      return (
        <PublicLayout>
          <NotFoundPage />
        </PublicLayout>
      );
    }
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return (
    <Suspense fallback={<ShellPending />}>
      <SignedInShell />
    </Suspense>
  );
}

/**
 * While a shell downloads: the spinner, and the routed page rendered hidden (no effects, nothing
 * shown), which starts the page's own chunk downloading at the same time instead of after the
 * shell. The shell then mounts the page for real, its code already there.
 */
export function ShellPending() {
  return (
    <>
      <Loading />
      <Activity mode="hidden">
        <RoutedPage />
      </Activity>
    </>
  );
}
