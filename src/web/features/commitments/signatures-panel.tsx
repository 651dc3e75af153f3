import { Anchor, Button, Card, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { TableScroll } from '../layout/table-scroll';
import { EmptyState, ErrorNotice, Loading, SampleBadge } from '../layout/ui';
import { certificateUrl, useOrgSignatures, useRevokeSignature } from './api';
import { SignForm } from './sign-form';
import { SignatureBadge } from './signature-badge';

/** A body's signatures; signing and revoking are offered where the server's abilities allow. */
export function SignaturesPanel({ code, orgName }: { code: string; orgName: string }) {
  const { t, locale } = useI18n();
  const q = useOrgSignatures(code);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const revoke = useRevokeSignature(code);
  const confirmRevoke = () =>
    revoke.mutate(
      { id: revoking!, reason },
      {
        onSuccess: () => {
          setRevoking(null);
          setReason('');
        },
        onError: (e) => notifications.show({ color: 'red', message: e.message }),
      },
    );
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const { data, current, abilities } = q.data;
  const hasValid = current && data.some((s) => s.textVersion === current.version && s.status === 'valid');
  return (
    <Stack>
      {abilities.sign && current && !hasValid && <SignForm code={code} orgName={orgName} text={current} />}
      <Card withBorder>
        <Text fw={600}>{t('signatures')}</Text>
        {data.length === 0 ? (
          <EmptyState>{t('noSignatures')}</EmptyState>
        ) : (
          <TableScroll>
            <Table fz="sm" data-testid="signature-table">
              <Table.Tbody>
                {data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <SignatureBadge status={s.status} /> <SampleBadge show={s.isSample} />
                    </Table.Td>
                    <Table.Td>
                      {s.signerName}, {s.signerPosition}
                    </Table.Td>
                    <Table.Td>{t('versionN', { version: s.textVersion })}</Table.Td>
                    <Table.Td>{formatDateTime(s.signedAt, locale)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/verify/${s.id}`} size="sm">
                          {t('verifyLink')}
                        </Anchor>
                        {s.abilities.certificate && (
                          <Anchor href={certificateUrl(s.id)} size="sm">
                            {t('certificate')}
                          </Anchor>
                        )}
                        {s.abilities.revoke && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setRevoking(s.id)}
                          >
                            {t('revokeSignature')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Card>
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('revokeSignature')}>
        <Stack>
          <Textarea
            label={t('revokeReason')}
            required
            minLength={5}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim().length < 5}
              loading={revoke.isPending}
              onClick={confirmRevoke}
            >
              {t('revokeSignature')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
