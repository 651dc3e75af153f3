import {
  changePasswordBodySchema,
  forgotPasswordBodySchema,
  loginBodySchema,
  meReplySchema,
  resetPasswordBodySchema,
  updateProfileBodySchema,
} from '../../../shared/contracts/auth';
import { okSchema } from '../../../shared/contracts/common';
import { apiErrorBodySchema } from '../../../shared/errors';
import { routeOptions } from '../../platform/auth/route-access';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/session-store';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { presentMe } from './auth.presenter';
import { requestPasswordReset, resetPassword } from './auth.reset.service';
import { changePassword, login, logout, updateProfile } from './auth.service';

const tags = ['auth'];
const user = routeOptions('user', tags);
// Brute force is slowed twice: per client address here, and per account and address by the
// throttle in the service (auth.throttle.ts), which every instance shares through the database.
const limited = routeOptions('public', tags, { rateLimit: { max: 20, timeWindow: '1 minute' } });
// Each request may send a mail, so fewer per minute.
const mailing = routeOptions('public', tags, { rateLimit: { max: 5, timeWindow: '1 minute' } });

export async function authRoutes(app: App) {
  const { config, database, mailer } = app.deps;
  const db = database.db;
  const cookieBase = { path: '/', secure: config.cookieSecure } as const;

  app.post(
    '/auth/login',
    // 401 is declared: a public route answers it only here (wrong email or password).
    limited({ body: loginBodySchema, response: { 200: meReplySchema, 401: apiErrorBodySchema } }),
    async (req, reply) => {
      const { session, me, userId } = await login(db, config, auditContext(req), {
        ...req.body,
        userAgent: req.headers['user-agent'] ?? null,
      });
      const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieBase,
        httpOnly: true,
        sameSite: 'lax',
        maxAge,
      });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, {
        ...cookieBase,
        httpOnly: false,
        sameSite: 'strict',
        maxAge,
      });
      req.log.info({ userId }, 'login');
      return { data: me };
    },
  );

  app.post('/auth/logout', user({ response: { 200: okSchema } }), async (req, reply) => {
    const actor = requireActor(req);
    await logout(db, auditContext(req), actor.sessionId, actor.userId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', user({ response: { 200: meReplySchema } }), async (req) => ({
    data: presentMe(requireActor(req)),
  }));

  app.patch(
    '/me',
    user({ body: updateProfileBodySchema, response: { 200: meReplySchema } }),
    async (req) => ({ data: await updateProfile(db, auditContext(req), requireActor(req), req.body) }),
  );

  app.post(
    '/auth/change-password',
    user({ body: changePasswordBodySchema, response: { 200: okSchema } }),
    async (req) => {
      const actor = requireActor(req);
      await changePassword(db, auditContext(req), {
        ...req.body,
        userId: actor.userId,
        sessionId: actor.sessionId,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/forgot-password',
    mailing({ body: forgotPasswordBodySchema, response: { 200: okSchema } }),
    async (req) => {
      requestPasswordReset(
        { db, config, mailer, background: app.background },
        auditContext(req),
        req.body.email,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/reset-password',
    limited({ body: resetPasswordBodySchema, response: { 200: okSchema } }),
    async (req) => {
      await resetPassword(db, auditContext(req), req.body);
      return { ok: true as const };
    },
  );
}
