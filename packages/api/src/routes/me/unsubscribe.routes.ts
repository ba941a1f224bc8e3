import { createRoute, z } from '@hono/zod-openapi';
import { NOTIFICATION_KINDS } from '@parkbridge/domain/notifications';
import { Lang } from '@parkbridge/domain/shared';
import type { Container } from '@parkbridge/runtime';
import { createRouter, json, problems } from '../../http/openapi';

const TokenQuery = z.object({ token: z.string().min(10).max(400) });

const Unsubscribed = z
  .object({
    scope: z.enum(['digest', ...NOTIFICATION_KINDS]),
    language: Lang,
    off: z.boolean(),
  })
  .meta({ id: 'Unsubscription' });

/**
 * One-click unsubscribe without logging in (not `secured`: no token, and mail clients post a form
 * body, RFC 8058, which the order of checks would refuse as not JSON): the signed token in the link says who and what. The
 * GET tells the page what a link would turn off (and in which language to say it); only the POST
 * changes anything, so a mail scanner that fetches every link unsubscribes nobody.
 */
export function unsubscribeRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/email/unsubscribe',
      operationId: 'previewUnsubscribe',
      tags: ['People'],
      summary:
        'What an unsubscribe link turns off, and the person’s language (no login: the token is the proof)',
      security: [],
      request: { query: TokenQuery },
      responses: { 200: json(Unsubscribed, 'What the link is for.'), ...problems(400, 404) },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await app.mail.preferences.previewUnsubscribe(c.req.valid('query').token), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/email/unsubscribe',
      operationId: 'unsubscribe',
      tags: ['People'],
      summary:
        'One-click unsubscribe (RFC 8058): turns the link’s kind, or the daily digest, off. Mail clients post `List-Unsubscribe=One-Click` as a form; any body is accepted and ignored.',
      security: [],
      request: { query: TokenQuery },
      responses: { 200: json(Unsubscribed, 'Off.'), ...problems(400, 404) },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await app.mail.preferences.unsubscribe(c.req.valid('query').token), 200);
    },
  );

  return router;
}
