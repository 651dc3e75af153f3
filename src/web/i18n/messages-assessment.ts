// UI text of the assessment area (self-assessment, results, comparison, simulator), one file per
// language: Bahasa Indonesia first, English with the same keys (checked by the type).
export { enAssessment } from './messages-assessment.en';
export { type AssessmentMessages, idAssessment } from './messages-assessment.id';
