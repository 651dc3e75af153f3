import { z } from 'zod';

// The leader's one-page report (rapor) of a body, GET /orgs/{code}/report.pdf. Who may download
// it travels with the body as `abilities.downloadReport` (contracts/orgs.ts).

export const reportLangs = ['id', 'en'] as const;
export type ReportLang = (typeof reportLangs)[number];

/** `lang`: the report's language; without it, the request's (Accept-Language). */
export const reportQuerySchema = z.object({ lang: z.enum(reportLangs).optional() });

/** The reply: one A4 page of PDF (documented in OpenAPI as a binary body). */
export const reportPdfResponse = {
  description: 'A one-page A4 PDF in the language asked for, as an attachment.',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};
