import { createRoute, z } from '@hono/zod-openapi';
import { newId } from '@parkbridge/domain/core';
import { rolesForKinds, User } from '@parkbridge/domain/users';
import type { Container } from '@parkbridge/runtime';
import type { LocalTokens } from '../../http/local-tokens';
import { createRouter, json, jsonBody, problems } from '../../http/openapi';

const Login = z.strictObject({ email: z.email().max(254) });

/**
 * Local only: log in as any email, no password. The Lambda build never mounts this router; in
 * AWS, Cognito's hosted sign-in issues the tokens.
 */
export function devRoutes(app: Container, tokens: LocalTokens) {
  const router = createRouter();
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
