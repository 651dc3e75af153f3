import { z } from 'zod';
import { paged, pageQuerySchema } from './common';
import { orgRefSchema, text } from './fields';

// Mentoring questions (tanya pendamping): a body asks about an indicator, a practice or one of its
// plan items; mentors, supervisors and (for public questions) other bodies answer in a thread; the
// asker accepts one answer. Accepted public answers are the knowledge base.

export const questionVisibilities = ['public', 'private'] as const;
export type QuestionVisibility = (typeof questionVisibilities)[number];

export const questionSubjects = ['indicator', 'practice', 'plan_item'] as const;
export type QuestionSubject = (typeof questionSubjects)[number];

export const questionStatuses = ['open', 'answered', 'accepted'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** Files one answer may carry from the answering body's evidence locker. */
export const MAX_ANSWER_FILES = 5;

const code = z.string().trim().min(1).max(40);

/** Exactly one subject: an indicator (framework + number), a practice, or a plan item. */
export const questionCreateSchema = z
  .object({
    title: text(200).min(8),
    body: text(5000).min(1),
    visibility: z.enum(questionVisibilities).default('public'),
    frameworkId: z.string().trim().min(1).max(60).optional(),
    indicator: z.number().int().min(1).max(999).optional(),
    practiceId: z.uuid().optional(),
    planItemId: z.uuid().optional(),
  })
  .refine(
    (v) =>
      [v.indicator !== undefined, !!v.practiceId, !!v.planItemId].filter(Boolean).length === 1 &&
      (v.indicator === undefined) === (v.frameworkId === undefined),
    { message: 'QUESTION_ONE_SUBJECT', path: ['indicator'] },
  );
export type QuestionCreate = z.infer<typeof questionCreateSchema>;

export const answerBodySchema = z.object({
  body: text(5000).min(1),
  fileIds: z.array(z.uuid()).max(MAX_ANSWER_FILES).default([]),
});
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const acceptAnswerSchema = z.object({ answerId: z.uuid() });

export const questionParamsSchema = z.object({ id: z.uuid() });
export const answerParamsSchema = z.object({ id: z.uuid(), answerId: z.uuid() });
export const questionFileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });

export const questionAbilitiesSchema = z.object({ answer: z.boolean(), accept: z.boolean() });
export type QuestionAbilities = z.infer<typeof questionAbilitiesSchema>;

export const answerAbilitiesSchema = z.object({ edit: z.boolean(), delete: z.boolean() });
export type AnswerAbilities = z.infer<typeof answerAbilitiesSchema>;

export const questionSubjectSchema = z.object({
  kind: z.enum(questionSubjects),
  frameworkId: z.string().nullable(),
  indicator: z.number().nullable(),
  practice: z.object({ id: z.string(), title: z.string() }).nullable(),
  planItem: z.object({ id: z.string(), title: z.string(), planId: z.string() }).nullable(),
});

export const questionSummarySchema = z.object({
  id: z.string(),
  org: orgRefSchema,
  title: z.string(),
  visibility: z.enum(questionVisibilities),
  status: z.enum(questionStatuses),
  subject: questionSubjectSchema,
  answerCount: z.number().int(),
  createdAt: z.string(),
  /** The accepted answer's opening, for knowledge-base lists. */
  acceptedExcerpt: z.string().nullable(),
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const answerSchema = z.object({
  id: z.string(),
  body: z.string(),
  author: z.object({ id: z.string().nullable(), name: z.string() }),
  /** The body the author answered for (the host, the province, another body, or the asker's own). */
  org: orgRefSchema,
  /** The asking body's own reply (a clarification): never a response, never accepted. */
  fromAsker: z.boolean(),
  accepted: z.boolean(),
  files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number() })),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  abilities: answerAbilitiesSchema,
});
export type Answer = z.infer<typeof answerSchema>;

export const questionSchema = questionSummarySchema.extend({
  body: z.string(),
  askedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  acceptedAnswerId: z.string().nullable(),
  answers: z.array(answerSchema),
  abilities: questionAbilitiesSchema,
  /** The body the actor would answer for (its locker holds the files an answer may carry). */
  answerAs: orgRefSchema.nullable(),
});
export type Question = z.infer<typeof questionSchema>;

export const questionListQuerySchema = pageQuerySchema.extend({
  /** Words searched in the title, the question and the accepted answer. */
  q: z.string().trim().max(200).optional(),
  /** The asking body's code. */
  org: code.optional(),
  status: z.enum(questionStatuses).optional(),
  visibility: z.enum(questionVisibilities).optional(),
  frameworkId: z.string().trim().min(1).max(60).optional(),
  indicator: z.coerce.number().int().min(1).max(999).optional(),
  practiceId: z.uuid().optional(),
  /** The knowledge base: public questions with an accepted answer only. */
  knowledge: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

export const similarQuerySchema = z.object({ title: z.string().trim().max(200).default('') });

/** Response-time figures of one host (rule: shared/questions/response-time.ts). */
export const responseTimeSchema = z.object({
  host: orgRefSchema,
  questions: z.number().int(),
  answered: z.number().int(),
  medianWorkingDays: z.number().nullable(),
  withinTarget: z.number().int(),
  decided: z.number().int(),
  shareWithinTarget: z.number().nullable(),
  pending: z.number().int(),
});
export type ResponseTime = z.infer<typeof responseTimeSchema>;

export const responseTimeQuerySchema = z.object({
  /** One host's code; all hosts (that received questions, or are hosts) otherwise. */
  host: code.optional(),
  /** A province's code: hosts in it. */
  province: code.optional(),
});

/** A page of questions, with the bodies the actor may ask for (the ask button and its choice). */
export const questionPageSchema = paged(questionSummarySchema).extend({ askFor: z.array(orgRefSchema) });
