import type { Container } from '@parkbridge/runtime';
import { createRouter } from '../../http/openapi';

export function categoryRoutes(_app: Container) {
  return createRouter();
}
