// Parkbridge's core HTTP function without its Lambda instrumentation (Powertools logger, metrics and
// tracer, middy, X-Ray): hono/aws-lambda's handle() over the same function app, container and
// DynamoDB client. The cold-start bench builds it to show what the instrumentation costs.
import { apiGatewayClaims, coreRoutes, createFunctionApp } from '@parkbridge/api';
import { parseRuntimeConfig } from '@parkbridge/config';
import { createDb, createDocumentClient } from '@parkbridge/db';
import { composeContainer } from '@parkbridge/runtime';
import { handle } from 'hono/aws-lambda';

const config = parseRuntimeConfig(process.env);
const db = createDb({
  tableName: config.tableName,
  cursorSecret: config.cursorSecret,
  doc: createDocumentClient({ endpoint: config.dynamoEndpoint }),
});
const app = createFunctionApp({
  container: composeContainer(db, config.rules, {}),
  resolveCaller: apiGatewayClaims,
  routes: coreRoutes,
});

export const handler = handle(app);
