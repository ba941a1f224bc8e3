import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';

/** The expos context's routes, mounted under /v1. Filled in by the expos work. */
export function expoRoutes(_app: Container) {
  return createRouter();
}
