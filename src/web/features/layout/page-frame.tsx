import { Alert, SegmentedControl, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useMeta } from '../auth/api';
import { useSaveLocale } from './api';
import { PageErrorBoundary } from './error-page';
import { Loading } from './loading';

// The parts every layout shares (the public frame, the visitor's and the signed-in shells). They
// load with the app's first script, so nothing here may pull in the shell's heavier components.

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const saveLocale = useSaveLocale();
  const choose = (value: 'id' | 'en') => {
    setLocale(value);
    saveLocale(value);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={locale}
      onChange={(v) => choose(v as 'id' | 'en')}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

export function SampleModeBanner() {
  const { t } = useI18n();
  const meta = useMeta();
  if (!meta.data?.sampleMode) return null;
  return (
    <Alert color="orange" variant="light" py={6} mb="md" radius={0} role="note" data-testid="sample-banner">
      <Text size="sm">{t('sampleBanner')}</Text>
    </Alert>
  );
}

/**
 * The routed page, loading or failed: a page that fails to render or to load (its chunk after a
 * deploy, a dropped connection) shows the app's error inside the layout, never a blank screen.
 * The boundary starts afresh when the user goes to another address.
 */
export function RoutedPage() {
  const location = useLocation();
  return (
    <PageErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </PageErrorBoundary>
  );
}

/** The routed page under the sample-mode banner (the visitor's and the signed-in shells). */
export function PageContent() {
  return (
    <>
      <SampleModeBanner />
      <RoutedPage />
    </>
  );
}
