import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';

/** The chain-map context's routes, mounted under /v1. Filled in by the chain-map work. */
export function chainMapRoutes(_app: Container) {
  return createRouter();
}
