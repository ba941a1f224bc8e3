import { coreRoutes } from '@parkbridge/api';
import { createMailContext } from '@parkbridge/runtime';
import { bundledOpenApiDocument } from './bundled-document';
import { httpFunction } from './http-function';

/** Parks, categories, organisations, memberships, certificates, notifications, audit, you; /openapi.json. */
export const spec = {
  group: 'core',
  routes: coreRoutes,
  contexts: { mail: createMailContext },
  openApiDocument: bundledOpenApiDocument,
} as const;
export const handler = await httpFunction(spec);
