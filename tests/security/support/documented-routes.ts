import { createApp, createContainer, devRoutes, LocalTokens } from '@parkbridge/api';
import { parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { type OpenApiDocument, readOpenApi } from './openapi';

/**
 * The app exactly as the local runtime composes it (dev login included), built without a
 * database: it answers what needs none (the OpenAPI document, the meta routes). `close` ends its
 * client. Never called: building it sends no DynamoDB command.
 */
export function appWithoutDatabase() {
  const db = createDb({ tableName: 'unused', cursorSecret: 'x'.repeat(32), endpoint: 'http://127.0.0.1:9' });
  const container = createContainer(db, parseRules({}));
  const tokens = new LocalTokens('y'.repeat(32));
  const app = createApp({
    container,
    resolveCaller: tokens.resolve,
    extraRoutes: (router) => router.route('/v1', devRoutes(container, tokens)),
  });
  return { app, close: () => db.doc.destroy() };
}

/** That app's OpenAPI document: tests use it at collection time to name one test per route. */
export async function documentedApi(): Promise<OpenApiDocument> {
  const { app, close } = appWithoutDatabase();
  const res = await app.request('/openapi.json');
  close();
  return readOpenApi(await res.json());
}
