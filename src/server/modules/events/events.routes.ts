import { okSchema } from '../../../shared/contracts/common';
import {
  checkInBodySchema,
  checkInCodeSchema,
  checkInReplySchema,
  eventBodySchema,
  eventCancelBodySchema,
  eventDetailSchema,
  eventListQuerySchema,
  eventListSchema,
  eventPeopleSchema,
  eventReplySchema,
  invitationBodySchema,
  invitationReplySchema,
  eventParamsSchema as params,
  participantBodySchema,
  participantParamsSchema,
  participantReplySchema,
} from '../../../shared/contracts/events';
import { loadAuditKey } from '../../platform/audit-anchor';
import { routeOptions } from '../../platform/auth/route-access';
import { attachment } from '../../platform/file-names';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { attendanceCsv, checkIn, getCheckInCode } from './events.attendance.service';
import { deriveCodeKey } from './events.codes';
import { eventIcs } from './events.ics';
import { inviteBodies } from './events.invitations.service';
import { getEventPeople, registerParticipant, removeParticipant } from './events.people.service';
import { cancelEvent, createEvent, getEvent, getEvents, loadEvent, updateEvent } from './events.service';

const tags = ['events'];
const user = routeOptions('user', tags);

export async function eventRoutes(app: App) {
  const db = app.deps.database.db;
  const { config, mailer } = app.deps;
  const codeKey = deriveCodeKey(loadAuditKey(config));
  const registration = { mailer, publicUrl: config.publicUrl, codeKey };

  app.get(
    '/events',
    user({ querystring: eventListQuerySchema, response: { 200: eventListSchema } }),
    async (req) => getEvents(db, requireActor(req), req.query),
  );

  app.post(
    '/events',
    user({
      description:
        'Creates an event for `organiserCode`: a platform admin or national supervisor for any body, a province supervisor for its province, a host’s admin or mentor for the host. Times are wall-clock times in the configured zone (Asia/Jakarta).',
      body: eventBodySchema,
      response: { 201: eventReplySchema },
    }),
    async (req, reply) =>
      reply.code(201).send({ data: await createEvent(db, requireActor(req), auditContext(req), req.body) }),
  );

  app.get(
    '/events/:id',
    user({
      description:
        'One event. A private event exists only for its organiser, the invited bodies and supervisors over them.',
      params,
      response: { 200: eventDetailSchema },
    }),
    async (req) => getEvent(db, requireActor(req), req.params.id),
  );

  app.put(
    '/events/:id',
    user({ params, body: eventBodySchema, response: { 200: eventReplySchema } }),
    async (req) => ({
      data: await updateEvent(db, requireActor(req), auditContext(req), req.params.id, req.body),
    }),
  );

  app.post(
    '/events/:id/cancel',
    user({
      description: 'Cancels the event (kept, with the reason); the invited bodies’ admins are notified.',
      params,
      body: eventCancelBodySchema,
      response: { 200: eventDetailSchema },
    }),
    async (req) => cancelEvent(db, requireActor(req), auditContext(req), req.params.id, req.body.reason),
  );

  app.get(
    '/events/:id/calendar.ics',
    user({ description: 'The event as an iCalendar file.', params }),
    async (req, reply) => {
      const { event } = await loadEvent(db, requireActor(req), req.params.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', attachment('kegiatan.ics'))
        .send(eventIcs(event, `${config.publicUrl}/events/${event.id}`));
    },
  );

  app.post(
    '/events/:id/invitations',
    user({
      description:
        'Invites bodies by programme, province and/or list. A province supervisor invites only its province’s bodies.',
      params,
      body: invitationBodySchema,
      response: { 200: invitationReplySchema },
    }),
    async (req) => ({
      data: await inviteBodies(db, requireActor(req), auditContext(req), req.params.id, req.body),
    }),
  );

  app.get(
    '/events/:id/people',
    user({
      description:
        'Invited bodies, participants (all for the organiser, else those of bodies in the reader’s scope) and attendance per body and per tier.',
      params,
      response: { 200: eventPeopleSchema },
    }),
    async (req) => getEventPeople(db, requireActor(req), req.params.id),
  );

  app.post(
    '/events/:id/participants',
    user({
      description:
        'Registers a participant of the actor’s own body (its admin), for an invited body or an open event, within capacity. A confirmation email with the check-in code and an .ics file is sent.',
      params,
      body: participantBodySchema,
      response: { 201: participantReplySchema },
    }),
    async (req, reply) =>
      reply.code(201).send({
        data: await registerParticipant(
          db,
          registration,
          requireActor(req),
          auditContext(req),
          req.params.id,
          req.body,
        ),
      }),
  );

  app.delete(
    '/events/:id/participants/:participantId',
    user({ params: participantParamsSchema, response: { 200: okSchema } }),
    async (req) => {
      await removeParticipant(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.participantId,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/events/:id/participants/:participantId/code',
    user({
      description: 'The participant’s signed check-in code and its QR code (SVG).',
      params: participantParamsSchema,
      response: { 200: checkInCodeSchema },
    }),
    async (req) => ({
      data: await getCheckInCode(db, codeKey, requireActor(req), req.params.id, req.params.participantId),
    }),
  );

  app.post(
    '/events/:id/check-ins',
    user({
      description:
        'Checks a participant in by code or manually (the organiser). Idempotent: a repeat answers `already`. `at` keeps the time of a check-in queued offline.',
      params,
      body: checkInBodySchema,
      response: { 200: checkInReplySchema },
    }),
    async (req) => ({
      data: await checkIn(db, codeKey, requireActor(req), auditContext(req), req.params.id, req.body),
    }),
  );

  app.get(
    '/events/:id/attendance.csv',
    user({ description: 'Participants and attendance as CSV.', params }),
    async (req, reply) => {
      const { csv, filename } = await attendanceCsv(db, requireActor(req), req.params.id, req.locale);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(filename))
        .send(csv);
    },
  );
}
