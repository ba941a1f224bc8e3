import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Page as ApiPage, Notification } from '../../api/types';
import { entityPath } from '../../components/entity-link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';

/** Notifications carry a kind and data (never prose): worded here, in the reader's language. */
export function useNotificationText() {
  const { t, tMaybe, fmt } = useI18n();
  return (n: Notification) => {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(n.data ?? {})) {
      if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) params[k] = fmt.dateTime(v);
      else if (typeof v === 'number') params[k] = fmt.number(v);
      else if (typeof v === 'string') params[k] = v;
      else if (v && typeof v === 'object' && 'amount' in v && 'currency' in v) {
        params[k] = fmt.money(v as { amount: number; currency: string });
      }
    }
    return tMaybe(`notification.${n.kind}`, params) ?? t('notification.generic', { kind: n.kind });
  };
}

export default function NotificationsPage() {
  const { t, fmt } = useI18n();
  const queryClient = useQueryClient();
  const text = useNotificationText();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [markError, setMarkError] = useState<unknown>(null);
  const list = useInfiniteQuery({
    queryKey: [...keys.notifications, filter],
    queryFn: ({ pageParam }) =>
      api.get<ApiPage<Notification>>('/v1/notifications', {
        limit: 20,
        cursor: pageParam,
        unread: filter === 'unread' ? 'true' : undefined,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  async function markRead(id: string) {
    setMarkError(null);
    try {
      await api.post(`/v1/notifications/${id}/read`);
      await queryClient.invalidateQueries({ queryKey: keys.notifications });
    } catch (err) {
      setMarkError(err);
    }
  }
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title={t('notification.title')}
      actions={
        <SegmentedControl
          aria-label={t('notification.filter')}
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          data={[
            { value: 'all', label: t('notification.all') },
            { value: 'unread', label: t('notification.unread') },
          ]}
        />
      }
    >
      {markError ? <ProblemAlert error={markError} /> : null}
      {list.error ? (
        <ProblemAlert error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty title={t('notification.none')} hint={t('notification.noneHint')} />
      ) : (
        <Stack
          gap="xs"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="notifications"
        >
          {items.map((n) => {
            const to = entityPath(n.entityId, n.data);
            return (
              <Paper
                key={n.notificationId}
                component="li"
                withBorder
                p="sm"
                bg={n.readAt ? undefined : 'teal.0'}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Text size="sm" fw={n.readAt ? 400 : 600}>
                      {to ? (
                        <Anchor
                          component={Link}
                          to={to}
                          onClick={() => !n.readAt && void markRead(n.notificationId)}
                        >
                          {text(n)}
                        </Anchor>
                      ) : (
                        text(n)
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {fmt.dateTime(n.createdAt)}
                    </Text>
                  </Stack>
                  {!n.readAt && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => void markRead(n.notificationId)}
                    >
                      {t('notification.markRead')}
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
