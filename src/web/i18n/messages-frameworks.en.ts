import type { FrameworkMessages } from './messages-frameworks';

// English UI text about frameworks; the type keeps its keys those of Bahasa Indonesia.
export const enFrameworks: FrameworkMessages = {
  yearFramework: 'Evaluation year {year} is assessed on {framework}.',
  yearFrameworkConfigured: 'Set by the platform’s configuration.',
  yearFrameworkLoading: 'Checking this evaluation year’s framework…',
  frameworkOfIndex: 'Framework: {framework}',
  frameworkProvisional: 'provisional',
  frameworkYears: 'Evaluation years {from}–{until}',
  frameworkYearsFrom: 'Evaluation years from {from}',
  frameworkCorrects: 'Admin correction of version {version}',
  frameworkCorrectHelp:
    'To correct a framework without a new release, load its definition under the same ID with a new version. New assessments use the correction; existing ones keep the version they recorded.',
  trendSplitNote:
    'Results of different assessment frameworks cannot be compared, so each framework is shown on its own.',
  trendSection: '{framework} ({from}–{until})',
  simulatorOtherFramework:
    'This simulation uses the framework of an earlier self-assessment: its steps cannot become items of this year’s action plan, which uses the current evaluation year’s framework.',
};
