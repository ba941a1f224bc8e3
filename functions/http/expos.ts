import { expoRoutes } from '@parkbridge/api';
import { createExposContext } from '@parkbridge/runtime';
import { httpFunction } from './http-function';

/** Expos, pavilions, slots, bookings, waitlists and recommendations. */
export const spec = {
  group: 'expos',
  routes: [expoRoutes],
  contexts: { expos: createExposContext },
} as const;
export const handler = await httpFunction(spec);
