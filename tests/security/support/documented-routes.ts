import { createApp, createContainer, devRoutes, LocalTokens } from '@parkbridge/api';
import { parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { type OpenApiDocument, readOpenApi } from './openapi';

/**
 * The OpenAPI document of the app exactly as the local runtime composes it (dev login included),
 * built without a database: tests use it at collection time to name one test per route.
 */
export async function documentedApi(): Promise<OpenApiDocument> {
  // Never called: building the document sends no DynamoDB command.
  const db = createDb({ tableName: 'unused', cursorSecret: 'x'.repeat(32), endpoint: 'http://127.0.0.1:9' });
  const container = createContainer(db, parseRules({}));
  const tokens = new LocalTokens('y'.repeat(32));
  const app = createApp({
    container,
    resolveCaller: tokens.resolve,
    extraRoutes: (router) => router.route('/v1', devRoutes(container, tokens)),
  });
  const res = await app.request('/openapi.json');
  db.doc.destroy();
  return readOpenApi(await res.json());
}
