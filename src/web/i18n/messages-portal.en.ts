// English of messages-portal.ts: the same keys (checked by the type), loaded only when the
// interface is in English (i18n.tsx).
import type { PortalMessages } from './messages-portal';

export const enPortal: PortalMessages = {
  navPublicHome: 'Home',
  navPublicBodies: 'Bodies',
  publicNavLabel: 'Public navigation',
  portalHeading: 'Learn, copy, act',
  portalIntro1:
    'The Indonesia Digital Services Living Lab turns study visits into "studi tiru": government bodies learn from hosts such as Kabupaten Sumedang, then copy their practices, act, and prove the result.',
  portalIntro2:
    'Every visit creates a follow-up obligation. This page shows openly how many bodies learned, what share followed up, how many follow the host’s path, and how many improved their official SPBE index.',
  portalIntro3:
    'Members sign in to self-assess, plan and replicate good practices; visitors can browse the bodies and the practice catalogue without signing in.',
  portalSignInCta: 'Sign in as a member',
  portalFiguresTitle: 'National figures',
  portalMapTitle: 'Follow-up by province',
  portalAsOf: 'Counted on {date}.',
  portalLearned: 'Bodies that learned',
  portalLearnedSub: 'visited, signed the commitment or programme members',
  portalOfCohort: '{count} of {cohort} bodies',
  portalHostsPractices: 'Hosts: {hosts} · published good practices: {practices}',
  portalProvincesTitle: 'By province',
  portalProvincesHint:
    'Percentages are of the province’s bodies that learned. Choose a province to see its bodies.',
  portalKabKota: 'Regencies/cities',
  portalCohortCol: 'Learned',
  portalOpenDataTitle: 'Open data',
  portalOpenDataText:
    'The figures on this page are available as CSV and JSON under CC BY 4.0: free to use, crediting "Living Lab SPBE" as the source.',
  portalCsvSummary: 'National summary (CSV)',
  portalCsvProvinces: 'By province (CSV)',
  portalCsvBodies: 'All bodies (CSV)',
  portalApiDocs: 'API documentation',
  portalLicence: 'CC BY 4.0 licence',
  publicBodiesTitle: 'Bodies in the Living Lab',
  publicBodiesIntro:
    'Every body in the directory, with its follow-up milestones, its leader’s commitment signature and its latest official SPBE result.',
  publicJoinedFilter: 'Participation',
  publicJoinedYes: 'Learned',
  publicJoinedNo: 'Not joined',
  publicSignedCol: 'Commitment',
  publicLatestOfficialCol: 'Latest official index',
  publicHostBadge: 'Host',
  publicBodyHelp:
    'A public page: only what has been published. The body’s users, drafts and evidence are never shown here.',
  publicBodyNotFound: 'No body with this code is in the directory.',
  publicOfficialTitle: 'Official SPBE evaluation results',
  publicNoOfficial: 'No official result has been published for this body yet.',
  publicYear: 'Year',
  publicIndex: 'Index',
  publicPredicate: 'Rating',
  publicSource: 'Source',
  publicCommitmentTitle: 'Joint commitment',
  publicSigned: 'Signed by {position}, commitment version {version}, on {date}.',
  publicNotSigned: 'The leader of this body has not signed the joint commitment.',
  publicMilestonesTitle: 'Follow-up milestones',
  publicNotJoined:
    'This body has not joined the Living Lab: it has not visited a host, signed the commitment or joined a programme.',
  publicReferenceDate: 'Joined (reference date): {date}',
  publicNotReached: 'not yet',
  publicPathProgress: 'Share of the indicator gap to the host closed: {percent}',
  publicHostedTitle: 'Good practices it shares',
  publicReplicatedTitle: 'Practices it replicates',
  publicReplicatedFrom: 'from {host}',
  publicNone: 'None yet.',
  publicOpenInApp: 'Open the body’s work page',
  publicBodyCsv: 'This body’s data (CSV)',
  publicAllBodies: 'All bodies',
};
