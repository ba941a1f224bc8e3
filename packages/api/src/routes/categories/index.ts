import { createRoute, z } from '@hono/zod-openapi';
import {
  type Category,
  localizedCategories as categories,
  translationNote,
} from '@parkbridge/domain/categories';
import { notFound, PageQuery } from '@parkbridge/domain/core';
import { Lang } from '@parkbridge/domain/shared';
import type { Container } from '@parkbridge/runtime';
import { createRouter, json, pageOf, problems, secured } from '../../http/openapi';
import type { Subjects } from '../../http/subjects';

const CategoryView = z
  .object({
    code: z.string(),
    level: z.enum(['section', 'division', 'group', 'class']),
    parent: z.string().nullable(),
    title: z.string().describe('In the requested language, English where no translation exists.'),
    titles: z.record(z.string(), z.string()),
    hasChildren: z.boolean(),
  })
  .meta({ id: 'Category', description: translationNote });

const CategoryQuery = PageQuery.extend({
  parent: z
    .string()
    .regex(/^(?:[A-U]|\d{2,3})$/)
    .optional()
    .describe('List the children of this node; omit for the 21 sections.'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Search titles in all five languages instead of listing a level; best match first, titles in `lang` first.',
    ),
  lang: Lang.default('en'),
});

const view = (c: Category, lang: Lang) => ({
  code: c.code,
  level: c.level,
  parent: c.parent,
  title: categories.title(c.code, lang) ?? c.title.en,
  titles: c.title,
  hasChildren: categories.children(c.code).length > 0,
});

/** ISIC Rev.4 is static data shipped with the code: served from memory, paginated like every list. */
export function categoryRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/categories',
      operationId: 'listCategories',
      tags: ['Categories'],
      summary: 'ISIC Rev.4 categories: a level of the tree, or a search',
      ...secured('signedIn'),
      request: { query: CategoryQuery },
      responses: { 200: json(pageOf(CategoryView), 'A page of categories.'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { parent, q, lang, limit, cursor } = c.req.valid('query');
      if (parent && !categories.has(parent)) throw notFound('category');
      const all = q ? categories.rankedSearch(q, lang) : categories.children(parent ?? null);
      const scope = `categories|${parent ?? ''}|${q ?? ''}|${lang}`;
      const offset = cursor ? Number(app.db.cursors.decode(cursor, scope).offset ?? 0) : 0;
      const items = all.slice(offset, offset + limit).map((n) => view(n, lang));
      const next =
        offset + limit < all.length ? app.db.cursors.encode({ offset: offset + limit }, scope) : null;
      return c.json({ items, nextCursor: next }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/categories/{code}',
      operationId: 'getCategory',
      tags: ['Categories'],
      summary: 'One ISIC Rev.4 category, with its ancestors',
      ...secured('signedIn'),
      request: {
        params: z.object({ code: z.string().regex(/^(?:[A-U]|\d{2,4})$/) }),
        query: z.object({ lang: Lang.default('en') }),
      },
      responses: {
        200: json(CategoryView.extend({ ancestors: z.array(CategoryView) }), 'The category.'),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const { lang } = c.req.valid('query');
      const node = categories.get(code);
      if (!node) throw notFound('category');
      return c.json(
        { ...view(node, lang), ancestors: categories.ancestors(code).map((a) => view(a, lang)) },
        200,
      );
    },
  );

  return router;
}

/** Categories are public data: a code names one, or nothing. */
categoryRoutes.subjects = (): Partial<Subjects> => ({
  seen: {
    code: async (_caller, { code = '' }) => {
      if (!categories.get(code)) throw notFound('category');
    },
  },
});
