import { createRoute, z } from '@hono/zod-openapi';
import { etagOf } from '@parkbridge/domain/core';
import { EmailMode, MePatch, type MeView } from '@parkbridge/domain/mail';
import { NOTIFICATION_KINDS } from '@parkbridge/domain/notifications';
import { Lang } from '@parkbridge/domain/shared';
import type { Container } from '@parkbridge/runtime';
import type { Context } from 'hono';
import { callerOf } from '../../http/auth';
import type { AppEnv } from '../../http/env';
import { expectedVersion } from '../../http/etag';
import { createRouter, IfMatchHeader, json, jsonBody, problems, secured } from '../../http/openapi';

const Me = z
  .object({
    userId: z.string(),
    name: z.string(),
    emailAddress: z.string(),
    orgId: z.string().nullable(),
    language: Lang,
    timeZone: z.string(),
    email: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, EmailMode]))),
    emailSuppressed: z.object({ reason: z.enum(['bounce', 'complaint']), at: z.string() }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Me' });

const view = (c: Context<AppEnv>, me: MeView) => {
  c.header('ETag', etagOf(me));
  c.header('Cache-Control', 'private, no-store');
  return me;
};

/** The person behind the token: their name, language, time zone and what they receive by email. */
export function meRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      tags: ['People'],
      summary: 'You: name, language, time zone, email settings per notification kind (defaults filled in)',
      ...secured('signedIn'),
      responses: { 200: json(Me, 'You, with an ETag for PATCH.'), ...problems(401) },
    }),
    async (c) => c.json(view(c, await app.mail.preferences.me(callerOf(c))), 200),
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/me',
      operationId: 'updateMe',
      tags: ['People'],
      summary: 'Change your name, language, time zone or email settings (instant, daily or off per kind)',
      ...secured('signedIn'),
      request: { headers: IfMatchHeader, body: jsonBody(MePatch) },
      responses: { 200: json(Me, 'You, as changed.'), ...problems(400, 401, 412, 413) },
    }),
    async (c) =>
      c.json(
        view(c, await app.mail.preferences.update(callerOf(c), c.req.valid('json'), expectedVersion(c))),
        200,
      ),
  );

  return router;
}
