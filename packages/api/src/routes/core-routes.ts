import type { RouteFactory } from '../app-base';
import { auditRoutes } from './audit';
import { categoryRoutes } from './categories';
import { currencyRoutes } from './currencies';
import { notificationRoutes } from './notifications';
import { orgRoutes } from './orgs';
import { parkRoutes } from './parks';

/** What every firm and operator uses: parks, categories, currencies, organisations, notifications, audit. */
export const coreRoutes: readonly RouteFactory[] = [
  parkRoutes,
  categoryRoutes,
  currencyRoutes,
  orgRoutes,
  notificationRoutes,
  auditRoutes,
];
