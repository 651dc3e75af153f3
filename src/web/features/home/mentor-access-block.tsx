import type { SectionOf } from '../../../shared/contracts/home';
import { formatDate, useI18n } from '../../i18n/i18n';
import { TodoBlock, TodoLink } from './home-ui';

/**
 * Mentor access a host's visit asks of the body: answered on the body's page (its admin or
 * leader). Shown only while one waits; the server lists them only to those who may answer.
 */
export function MentorAccessBlock({
  code,
  access,
}: {
  code: string;
  access: SectionOf<'leader'>['mentorAccess'];
}) {
  const { t, locale } = useI18n();
  if (access.count === 0) return null;
  return (
    <TodoBlock
      title={t('homeMentorAccess')}
      count={access.count}
      testId="home-mentor-access"
      empty={{ text: '' }}
    >
      {access.items.map((a) => (
        <TodoLink key={a.host.code} to={`/orgs/${code}`} detail={t('homeAnswerAccess')}>
          {t('homeMentorAccessItem', {
            host: a.host.name,
            date: formatDate(a.requestedAt, locale),
          })}
        </TodoLink>
      ))}
    </TodoBlock>
  );
}
