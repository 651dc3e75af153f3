import { Alert, Button, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { errorKind } from './error-kind';

// Mantine's light alert writes its title in the alert's own colour, below the WCAG AA contrast ratio
// on its tinted background: a darker shade of the same colour (the sample badge's dark orange), and
// the retry button filled.
const titleColour = { red: 'var(--mantine-color-red-9)', orange: '#8a3100' };
const titleStyles = (color: 'red' | 'orange') => ({ title: { color: titleColour[color] } });

function RequestId({ id }: { id?: string }) {
  const { t } = useI18n();
  if (!id) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="request-id">
      {t('requestId')}: <code>{id}</code>
    </Text>
  );
}

/** Seconds left of a wait, counting down once a second to 0. */
function useCountdown(seconds: number | undefined): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

/** 429: how long to wait, counting down; the retry button waits too. */
function RateLimited({
  retryAfter,
  requestId,
  onRetry,
}: {
  retryAfter?: number;
  requestId?: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const left = useCountdown(retryAfter);
  return (
    <Alert
      color="orange"
      title={t('errorRateLimitedTitle')}
      styles={titleStyles('orange')}
      role="alert"
      data-testid="error-rate-limited"
    >
      {/* Not re-announced every second: screen readers read the sentence once, when it appears. */}
      <Text size="sm" aria-live="off" data-testid="retry-countdown">
        {left > 0 ? t('errorRateLimitedWait', { seconds: left }) : t('errorRateLimitedNow')}
      </Text>
      <RequestId id={requestId} />
      {onRetry && (
        <Button size="xs" mt="sm" disabled={left > 0} onClick={onRetry}>
          {left > 0 ? `${t('retry')} (${left})` : t('retry')}
        </Button>
      )}
    </Alert>
  );
}

/**
 * A failed request or page, said in words the user can act on: wait (429, with a countdown),
 * reload (a part of the app failed to load), check the connection, or retry and quote the request
 * id (server errors). `onRetry` adds a retry button where retrying can help.
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const kind = errorKind(error);
  if (kind.kind === 'rateLimited') return <RateLimited {...kind} onRetry={onRetry} />;
  if (kind.kind === 'chunk') {
    return (
      <Alert
        color="orange"
        title={t('errorChunkTitle')}
        styles={titleStyles('orange')}
        role="alert"
        data-testid="error-chunk"
      >
        <Text size="sm">{t('errorChunkText')}</Text>
        <Button size="xs" mt="sm" onClick={() => window.location.reload()}>
          {t('reloadPage')}
        </Button>
      </Alert>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const { title, text, requestId } = {
    network: { title: t('errorNetworkTitle'), text: t('errorNetworkText'), requestId: undefined },
    // The server's own words when it gave a reason (a write conflict, the database restarting);
    // for a bare failure, or a proxy's error page, what to do about it.
    server: {
      title: t('errorServerTitle'),
      text: error instanceof ApiError && error.code !== 'INTERNAL' ? message : t('errorServerText'),
      requestId: 'requestId' in kind ? kind.requestId : undefined,
    },
    notFound: { title: t('errorTitle'), text: message, requestId: undefined },
    refused: {
      title: t('errorTitle'),
      text: message,
      requestId: 'requestId' in kind ? kind.requestId : undefined,
    },
    app: { title: t('errorTitle'), text: t('errorAppText'), requestId: undefined },
  }[kind.kind];
  return (
    <Alert
      color="red"
      title={title}
      styles={titleStyles('red')}
      role="alert"
      data-testid={`error-${kind.kind}`}
    >
      <Text size="sm">{text}</Text>
      <RequestId id={requestId} />
      {onRetry && (
        <Button size="xs" mt="sm" onClick={onRetry}>
          {t('retry')}
        </Button>
      )}
    </Alert>
  );
}
