import { createRoute, z } from '@hono/zod-openapi';
import { CURRENCIES } from '@parkbridge/domain/core';
import { createRouter, json, pageOf, problems, secured } from '../../http/openapi';

const CurrencyView = z
  .object({
    code: z.string().describe('ISO 4217'),
    exponent: z
      .int()
      .describe(
        'Minor units per major unit, as a power of ten: every `amount` of this currency counts them.',
      ),
    name: z.string(),
  })
  .meta({
    id: 'Currency',
    description:
      'IRR counts whole rials (exponent 0, as prices are written; ISO 4217 says 2); the others follow ISO 4217.',
  });

const ITEMS = CURRENCIES.map((c) => ({ code: c.code, exponent: c.exponent, name: c.name }));

/** The currencies money may be in, with the exponent every amount uses: no client has to guess it. */
export function currencyRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/currencies',
      operationId: 'listCurrencies',
      tags: ['Currencies'],
      summary: 'The currencies Parkbridge prices in, and the number of minor units of each',
      ...secured('signedIn'),
      responses: { 200: json(pageOf(CurrencyView), 'Every currency (one page).'), ...problems(401) },
    }),
    (c) => c.json({ items: ITEMS, nextCursor: null }, 200),
  );
  return router;
}
