import { createRoute, z } from '@hono/zod-openapi';
import { PageQuery } from '@parkbridge/domain/core';
import { Notification } from '@parkbridge/domain/notifications';
import type { Container } from '@parkbridge/runtime';
import { callerOf } from '../../http/auth';
import { createRouter, json, pageOf, problems, secured } from '../../http/openapi';
import { ANY_ROLE } from '../../http/person-roles';

const NotificationView = Notification.meta({ id: 'Notification' });

export function notificationRoutes(app: Container) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      operationId: 'listNotifications',
      tags: ['Notifications'],
      summary: "Your organisation's notifications, newest first",
      ...secured(),
      request: { query: PageQuery.extend({ unread: z.enum(['true', 'false']).optional() }) },
      responses: {
        200: json(pageOf(NotificationView), 'A page of notifications.'),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const { limit, cursor, unread } = c.req.valid('query');
      return c.json(await app.notifications.list(callerOf(c), { limit, cursor }, unread === 'true'), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/{notificationId}/read',
      operationId: 'markNotificationRead',
      tags: ['Notifications'],
      summary: 'Mark a notification read',
      ...secured(ANY_ROLE),
      request: { params: z.object({ notificationId: z.string().min(1).max(64) }) },
      responses: { 200: json(NotificationView, 'The notification.'), ...problems(401, 403, 404) },
    }),
    async (c) =>
      c.json(await app.notifications.markRead(callerOf(c), c.req.valid('param').notificationId), 200),
  );

  return router;
}
