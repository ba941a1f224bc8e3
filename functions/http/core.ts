import { coreRoutes } from '@parkbridge/api';
import { bundledOpenApiDocument } from './bundled-document';
import { httpFunction } from './http-function';

/** Parks, categories, organisations, memberships, certificates, notifications, audit; /openapi.json. */
export const spec = {
  group: 'core',
  routes: coreRoutes,
  contexts: {},
  openApiDocument: bundledOpenApiDocument,
} as const;
export const handler = await httpFunction(spec);
