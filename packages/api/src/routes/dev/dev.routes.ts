import { createRoute, z } from '@hono/zod-openapi';
import { newId } from '@parkbridge/domain/core';
import { rolesForKinds, User } from '@parkbridge/domain/users';
import type { Container } from '@parkbridge/runtime';
import type { LocalTokens } from '../../http/local-tokens';
import { createRouter, json, jsonBody, problems } from '../../http/openapi';

const Login = z.strictObject({ email: z.email().max(254) });

/** What the local SMTP server received, as the dev mail route shows it. */
export interface DevMailbox {
  messages(to?: string): {
    to: string[];
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
    at: string;
  }[];
}

const ReceivedMail = z
  .object({
    /** The envelope's recipients (one for every email Parkbridge sends). */
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    headers: z.record(z.string(), z.string()),
    at: z.string(),
  })
  .meta({ id: 'ReceivedMail' });

/**
 * Local only: log in as any email, no password. The Lambda build never mounts this router; in
 * AWS, Cognito's hosted sign-in issues the tokens.
 */
export function devRoutes(app: Container, tokens: LocalTokens, local: { mailbox?: DevMailbox } = {}) {
  const router = createRouter();
  const mailbox = local.mailbox ?? { messages: () => [] };
  router.openapi(
    createRoute({
      method: 'get',
      path: '/dev/mail',
      operationId: 'devMail',
      tags: ['Local development'],
      summary: 'What the local SMTP server received, newest first (local server only)',
      // Public on purpose, like the dev login: it is how a developer reads the mail of any demo user.
      security: [],
      request: {
        query: z.object({
          to: z.string().trim().max(254).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(ReceivedMail) }), 'The received emails.') },
    }),
    (c) => {
      const { to, limit } = c.req.valid('query');
      const items = mailbox
        .messages(to || undefined)
        .slice(-limit)
        .reverse()
        .map((m) => ({
          to: m.to.join(', '),
          subject: m.subject,
          text: m.text,
          html: m.html,
          headers: m.headers,
          at: m.at,
        }));
      c.header('Cache-Control', 'no-store');
      return c.json({ items }, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/dev/login',
      operationId: 'devLogin',
      tags: ['Local development'],
      summary: 'Log in as any email (local server only)',
      // Public on purpose: it is how a local client gets its first token.
      security: [],
      request: { body: jsonBody(Login) },
      responses: {
        200: json(z.object({ token: z.string(), user: User.meta({ id: 'User' }) }), 'A token for the user.'),
        ...problems(400),
      },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      const user =
        (await app.repos.users.getByEmail(email)) ??
        (await app.repos.users.createOrGet({
          userId: newId('user'),
          email,
          name: email.split('@')[0] ?? email,
          orgId: null,
          createdAt: app.clock.now().toISOString(),
        }));
      const org = user.orgId ? await app.repos.orgs.get(user.orgId) : null;
      const role = org ? await app.repos.members.roleOf(org.orgId, user.userId) : null;
      const token = await tokens.issue({
        sub: user.userId,
        org: org?.orgId ?? null,
        role,
        groups: org ? rolesForKinds(org.kinds) : [],
        email: user.email,
      });
      return c.json({ token, user }, 200);
    },
  );
  return router;
}
