import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';

/** The market context's routes, mounted under /v1. Filled in by the market work. */
export function marketRoutes(_app: Container) {
  return createRouter();
}
