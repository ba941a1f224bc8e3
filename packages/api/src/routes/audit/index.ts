import { createRoute, z } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { createRouter, json, pageOf, problems, secured } from '../../http/openapi';

const AuditRecordView = z
  .object({
    entityId: z.string(),
    seq: z.number().int(),
    at: z.string(),
    action: z.string(),
    actor: z.object({ userId: z.string(), orgId: z.string().nullable() }),
    before: z.unknown(),
    after: z.unknown(),
    parkId: z.string().nullable().optional(),
    reason: z.string().optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditRecord' });

export function auditRoutes(app: Container) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      operationId: 'listAuditRecords',
      tags: ['Audit'],
      summary: "An entity's audit trail, oldest first, hash-chained (operator)",
      ...secured('operator'),
      request: { query: PageQuery.extend({ entityId: z.string().min(1).max(200) }) },
      responses: {
        200: json(pageOf(AuditRecordView), 'A page of audit records.'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { entityId, limit, cursor } = c.req.valid('query');
      return c.json(await app.audit.list(callerOf(c), entityId, { limit, cursor }), 200);
    },
  );
  return router;
}
