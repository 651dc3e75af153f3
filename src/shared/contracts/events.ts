import { z } from 'zod';
import type { TextKey } from '../texts';
import { data, emailSchema, paged, pageQuerySchema, SEARCH_MAX_LENGTH } from './common';

// Learning events (rapat koordinasi, bimtek, lokakarya, penandatanganan), their invitations,
// registrations and attendance: one contract for the database enums, the server and the web.

export const eventTypes = ['coordination_meeting', 'bimtek', 'workshop', 'signing'] as const;
export type EventType = (typeof eventTypes)[number];

/** Who an event is for: leaders; Sekda/Kadiskominfo; Kabid/operators; anyone. */
export const audienceTiers = ['leaders', 'executives', 'technical', 'open'] as const;
export type AudienceTier = (typeof audienceTiers)[number];

/** The tier of one registered participant (the audience tiers, "other" for anyone else). */
export const participantTiers = ['leaders', 'executives', 'technical', 'other'] as const;
export type ParticipantTier = (typeof participantTiers)[number];

/** Private: only the organiser, the invited bodies and supervisors over them see the event. */
export const eventVisibilities = ['private', 'open'] as const;
export type EventVisibility = (typeof eventVisibilities)[number];

export const eventStatuses = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const checkInMethods = ['code', 'manual'] as const;
export type CheckInMethod = (typeof checkInMethods)[number];

/** Wall-clock time in the configured zone (Asia/Jakarta): what people read on an invitation. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'EVENT_TIME_FORMAT' satisfies TextKey });
const orgCode = z.string().trim().min(1).max(40);

export const eventBodySchema = z
  .object({
    /** The organising body: a province (its supervisor), a host (its admin/mentor), a national body. */
    organiserCode: orgCode,
    title: z.string().trim().min(3).max(200),
    type: z.enum(eventTypes),
    audience: z.enum(audienceTiers),
    programmeId: z.uuid().nullable().optional(),
    place: z.string().trim().max(300).default(''),
    onlineUrl: z
      .url({ protocol: /^https?$/, message: 'EVENT_URL_FORMAT' satisfies TextKey })
      .max(500)
      .nullable()
      .optional(),
    startsAt: localDateTime,
    endsAt: localDateTime,
    agenda: z.string().max(10_000).default(''),
    capacity: z.number().int().min(1).max(10_000).nullable().optional(),
    visibility: z.enum(eventVisibilities).default('private'),
  })
  .refine((v) => v.endsAt > v.startsAt, {
    path: ['endsAt'],
    message: 'EVENT_END_BEFORE_START' satisfies TextKey,
  })
  .refine((v) => v.place !== '' || !!v.onlineUrl, {
    path: ['place'],
    message: 'EVENT_PLACE_OR_LINK' satisfies TextKey,
  });
export type EventBody = z.infer<typeof eventBodySchema>;

export const eventSorts = ['startsAt', 'title', 'createdAt'] as const;
export const eventListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
  type: z.enum(eventTypes).optional(),
  audience: z.enum(audienceTiers).optional(),
  status: z.enum(eventStatuses).optional(),
  programme: z.uuid().optional(),
  /** Only events from this day on (YYYY-MM-DD in the configured zone). */
  from: z.iso.date().optional(),
  sort: z.enum(eventSorts).default('startsAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventParamsSchema = z.object({ id: z.uuid() });
export const participantParamsSchema = eventParamsSchema.extend({ participantId: z.uuid() });

const orgRef = z.object({ code: z.string(), name: z.string() });

export const eventSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(eventTypes),
  audience: z.enum(audienceTiers),
  organiser: orgRef,
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  place: z.string(),
  onlineUrl: z.string().nullable(),
  /** Instants (ISO, UTC) and the same as wall-clock time in the configured zone. */
  startsAt: z.string(),
  endsAt: z.string(),
  startsLocal: z.string(),
  endsLocal: z.string(),
  timeZone: z.string(),
  agenda: z.string(),
  capacity: z.number().int().nullable(),
  visibility: z.enum(eventVisibilities),
  status: z.enum(eventStatuses),
  cancelReason: z.string().nullable(),
  invitedCount: z.number().int(),
  registeredCount: z.number().int(),
  attendedCount: z.number().int(),
  isSample: z.boolean(),
  createdAt: z.string(),
});
export type Event = z.infer<typeof eventSchema>;

/** What the actor may do with one event (events.policy.ts answers all of them). */
export const eventAbilitiesSchema = z.object({
  update: z.boolean(),
  cancel: z.boolean(),
  invite: z.boolean(),
  checkIn: z.boolean(),
  /** Bodies the actor may register participants for (its own, when invited or the event is open). */
  registerFor: z.array(orgRef),
});
export type EventAbilities = z.infer<typeof eventAbilitiesSchema>;

/** The list says which bodies the actor may organise events for (the page's button and form). */
export const eventListAbilitiesSchema = z.object({ organiseFor: z.array(orgRef) });
export const eventListSchema = paged(eventSchema).extend({ abilities: eventListAbilitiesSchema });
export type EventList = z.infer<typeof eventListSchema>;

export const eventReplySchema = data(eventSchema);
export const eventDetailSchema = data(eventSchema).extend({ abilities: eventAbilitiesSchema });
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const eventCancelBodySchema = z.object({ reason: z.string().trim().min(3).max(1000) });

// Invitations -----------------------------------------------------------------------------------

/** Invite bodies by programme, by province or by list (any combination; duplicates are ignored). */
export const invitationBodySchema = z
  .object({
    programmeId: z.uuid().optional(),
    provinceCode: z
      .string()
      .regex(/^[0-9]{2}$/)
      .optional(),
    orgCodes: z.array(orgCode).max(700).default([]),
  })
  .refine((v) => v.programmeId || v.provinceCode || v.orgCodes.length, {
    path: ['orgCodes'],
    message: 'EVENT_INVITE_NOBODY' satisfies TextKey,
  });
export type InvitationBody = z.input<typeof invitationBodySchema>;
export const invitationReplySchema = data(z.object({ added: z.number().int(), invited: z.number().int() }));

// Registrations ---------------------------------------------------------------------------------

export const participantBodySchema = z.object({
  orgCode,
  name: z.string().trim().min(2).max(120),
  position: z.string().trim().max(120).default(''),
  tier: z.enum(participantTiers),
  email: emailSchema,
});
export type ParticipantBody = z.input<typeof participantBodySchema>;

export const participantSchema = z.object({
  id: z.string(),
  org: orgRef,
  name: z.string(),
  position: z.string(),
  tier: z.enum(participantTiers),
  email: z.string(),
  checkedInAt: z.string().nullable(),
  checkInMethod: z.enum(checkInMethods).nullable(),
  registeredAt: z.string(),
  /** The body's admin (or the organiser) may remove the registration and read the check-in code. */
  canManage: z.boolean(),
});
export type Participant = z.infer<typeof participantSchema>;
export const participantReplySchema = data(participantSchema);

export const invitedBodySchema = orgRef.extend({
  provinceCode: z.string().nullable(),
  registered: z.number().int(),
  attended: z.number().int(),
});
export const tierAttendanceSchema = z.object({
  tier: z.enum(participantTiers),
  registered: z.number().int(),
  attended: z.number().int(),
});
/** Who was invited, who registered whom, and attendance per body and per tier. */
export const eventPeopleSchema = data(
  z.object({
    invited: z.array(invitedBodySchema),
    participants: z.array(participantSchema),
    byTier: z.array(tierAttendanceSchema),
  }),
);
export type EventPeople = z.infer<typeof eventPeopleSchema>;

// Attendance ------------------------------------------------------------------------------------

export const checkInCodeSchema = data(z.object({ code: z.string(), qrSvg: z.string() }));
export type CheckInCode = z.infer<typeof checkInCodeSchema>['data'];

/**
 * One check-in: a scanned or typed code, or a participant chosen by the organiser. `at` is when
 * it happened at the door — a check-in queued offline keeps its original time when it syncs.
 */
export const checkInBodySchema = z
  .object({
    code: z.string().trim().min(10).max(200).optional(),
    participantId: z.uuid().optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => !!v.code !== !!v.participantId, {
    path: ['code'],
    message: 'EVENT_CHECKIN_ONE_OF' satisfies TextKey,
  });
export type CheckInBody = z.input<typeof checkInBodySchema>;

export const checkInResults = ['checked_in', 'already'] as const;
export const checkInReplySchema = data(
  z.object({ result: z.enum(checkInResults), participant: participantSchema }),
);
export type CheckInReply = z.infer<typeof checkInReplySchema>['data'];
