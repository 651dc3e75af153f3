import { Stack } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import NotFoundPage from '../../pages/not-found-page';
import { errorKind } from './error-kind';
import { ErrorNotice } from './error-notice';

/**
 * A page that could not be shown: the app's not-found page when the address or its record does not
 * exist, otherwise the failure with the way out (ErrorNotice: wait, retry, reload).
 */
export function ErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (errorKind(error).kind === 'notFound') return <NotFoundPage />;
  return (
    <Stack py="xl" data-testid="error-page">
      <ErrorNotice error={error} onRetry={onRetry} />
    </Stack>
  );
}

type BoundaryProps = { resetKey: string; children: ReactNode };
type BoundaryState = { error: unknown; failed: boolean; key: string };

/**
 * Catches what a routed page throws while rendering or loading (React.lazy rethrows a failed chunk
 * download here) and shows ErrorPage in the layout instead. Going to another address (`resetKey`)
 * or retrying renders the page again.
 */
export class PageErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.key ? null : { error: null, failed: false, key: props.resetKey };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorPage error={this.state.error} onRetry={() => this.setState({ error: null, failed: false })} />
    );
  }
}
