// The English interface: the same keys as messages.ts (checked by the type). Its own chunk, loaded
// only when the interface is in English (i18n.tsx), so Indonesian readers do not download it.
import type { Messages } from './messages';
import { enAccounts } from './messages-accounts.en';
import { enAssessment } from './messages-assessment.en';
import { enErrors } from './messages-errors.en';
import { enFollowup } from './messages-followup.en';
import { enFrameworks } from './messages-frameworks.en';
import { enHome } from './messages-home.en';
import { enMeasure } from './messages-measure.en';
import { enPortal } from './messages-portal.en';
import { enPractices } from './messages-practices.en';
import { enQuestions } from './messages-questions.en';
import { enSupervision } from './messages-supervision.en';

export const en: Messages = {
  ...enAccounts,
  ...enAssessment,
  ...enErrors,
  ...enFollowup,
  ...enFrameworks,
  ...enHome,
  ...enMeasure,
  ...enPractices,
  ...enPortal,
  ...enQuestions,
  ...enSupervision,
  appName: 'Living Lab SPBE',
  appTagline: 'Indonesia Digital Services Living Lab',
  sampleData: 'sample data',
  sampleBanner: 'Sample mode: users and memberships here are SAMPLE DATA, not official records.',
  language: 'Language',
  loading: 'Loading…',
  retry: 'Retry',
  save: 'Save',
  cancel: 'Cancel',
  confirm: 'Yes, continue',
  delete: 'Delete',
  edit: 'Edit',
  close: 'Close',
  search: 'Search',
  yes: 'Yes',
  no: 'No',
  all: 'All',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {count} · {total} records',
  nothingFound: 'Nothing matches.',
  requestId: 'Request id',
  navHome: 'Home',
  navDirectory: 'Body directory',
  navUsers: 'Users',
  navAudit: 'Audit log',
  navOutbox: 'Email outbox',
  navAccount: 'My account',
  navApi: 'API documentation',
  logout: 'Sign out',
  skipToContent: 'Skip to content',
  welcome: 'Welcome, {name}',
  yourRoles: 'Your roles',
  noRoles: 'You have no role in any body yet. Ask your body admin.',
  openBody: 'Open body page',
  notFoundTitle: 'Page not found',
  notFoundText: 'This address does not exist, or you may not see it.',
  errorTitle: 'Something went wrong',
};
