import { createRoute, z } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import { SupplierEntry } from '@parkbridge/domain/discovery';
import { queryTerms } from '@parkbridge/domain/matching';
import { CertificateKind } from '@parkbridge/domain/orgs';
import { Reputation } from '@parkbridge/domain/reputation';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { createRouter, json, pageOf, problems, secured } from '../../http/openapi';

const SupplierView = SupplierEntry.extend({ reputation: Reputation.shape.asSupplier }).meta({
  id: 'Supplier',
});

const SupplierQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Words in any language, matched across scripts and diacritics: a firm’s names, its listings’ titles and its categories’ titles in all five languages.',
    ),
  category: z
    .string()
    .regex(/^(?:[A-U]|\d{2,4})$/, 'An ISIC section, division, group or class code.')
    .optional()
    .describe('Any level: a section, division or group includes every class under it.'),
  parkId: z.string().min(1).max(64).optional().describe('Approved to supply this park.'),
  certificate: CertificateKind.optional().describe('Holds a verified, unexpired certificate of this kind.'),
});

export function supplierRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/suppliers',
      operationId: 'listSuppliers',
      tags: ['Suppliers'],
      summary: 'The supplier directory: firms approved to supply a park',
      description:
        'In name order. Each page reads one index partition with the filters applied; a selective filter can return a short page with a cursor.',
      ...secured(),
      request: { query: SupplierQuery },
      responses: { 200: json(pageOf(SupplierView), 'A page of suppliers.'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { limit, cursor, q, category, parkId, certificate } = c.req.valid('query');
      const page = await app.discovery.suppliers.search(
        callerOf(c),
        { terms: queryTerms(q), category, parkId, certificate },
        { limit, cursor },
      );
      return c.json(page, 200);
    },
  );

  return router;
}
