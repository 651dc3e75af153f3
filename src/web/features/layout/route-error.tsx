import { useRouteError } from 'react-router';
import { ErrorPage } from './error-page';
import { PublicLayout } from './public-layout';

/**
 * The router's error element on every layout: what a layout itself throws (its shell failing to
 * load, a fault while rendering) is shown in the public frame with the app's own words, never
 * React Router's developer screen. Retrying loads the address afresh.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <PublicLayout>
      <ErrorPage error={error} onRetry={() => window.location.reload()} />
    </PublicLayout>
  );
}
