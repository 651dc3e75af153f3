import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useVerification } from '../features/commitments/api';
import { SignatureBadge } from '../features/commitments/signature-badge';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { formatDateTime, useI18n } from '../i18n/i18n';

/** Public: anyone with the link or the QR code checks a signature, without signing in. */
export default function VerifyPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const q = useVerification(id);
  if (q.isPending) return <Loading />;
  // An unknown id, or one that cannot be an id at all (a mistyped link): the server answers 404.
  if (q.error instanceof ApiError && q.error.status === 404) {
    return (
      <Stack data-testid="not-found">
        <Title order={2} size="h4">
          {t('verifyTitle')}
        </Title>
        <Alert color="red" role="alert">
          {t('verifyNotFound')}
        </Alert>
      </Stack>
    );
  }
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const v = q.data;
  const s = v.signature;
  const message = { valid: t('verifyValid'), revoked: t('verifyRevoked'), invalid: t('verifyInvalid') }[
    v.status
  ];
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('verifyTitle')}
      </Title>
      <Alert
        color={{ valid: 'teal', revoked: 'orange', invalid: 'red' }[v.status]}
        role="status"
        data-testid="verify-result"
      >
        <SignatureBadge status={v.status} />{' '}
        <Text span size="sm">
          {message}
        </Text>
        {s.revokedReason && (
          <Text size="sm">
            {t('revokeReason')}: {s.revokedReason}
          </Text>
        )}
      </Alert>
      <Table fz="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('body')}</Table.Th>
            <Table.Td>
              {s.org.name} ({s.org.code})
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('signerName')}</Table.Th>
            <Table.Td>
              {s.signerName}, {s.signerPosition}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('signedOn')}</Table.Th>
            <Table.Td>{formatDateTime(s.signedAt, locale)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('currentText')}</Table.Th>
            <Table.Td>
              {v.text?.title ?? '—'} ({t('versionN', { version: s.textVersion })})
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('textHashLabel')}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>
              <code>{s.textHash}</code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('signingKey')}</Table.Th>
            <Table.Td>
              {s.keyId} ({s.algorithm})
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {locale === 'en' ? v.notice.en : v.notice.id}
      </Text>
      <Anchor href="/api/v1/commitments/keys" size="xs">
        {t('publicKeys')}
      </Anchor>
    </Stack>
  );
}
