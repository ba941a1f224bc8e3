// Parkbridge's HTTP function without its Lambda instrumentation (Powertools logger, metrics and
// tracer, middy, X-Ray): hono/aws-lambda's handle(createApp(...)) over the same container and
// DynamoDB client. The cold-start bench builds it to show what the instrumentation costs.
import { apiGatewayClaims, createApp } from '@parkbridge/api';
import { EnvName, parseRuntimeConfig } from '@parkbridge/config';
import { createDb, createDocumentClient } from '@parkbridge/db';
import { createContainer } from '@parkbridge/runtime';
import { handle } from 'hono/aws-lambda';
import { parseRouteGroups } from '../../functions/http/route-groups';

const config = parseRuntimeConfig(process.env);
const db = createDb({
  tableName: config.tableName,
  cursorSecret: config.cursorSecret,
  doc: createDocumentClient({ endpoint: config.dynamoEndpoint }),
});
const app = createApp({
  container: createContainer(db, config.rules),
  resolveCaller: apiGatewayClaims,
  routeGroups: parseRouteGroups(process.env[EnvName.routeGroups]),
});

export const handler = handle(app);
