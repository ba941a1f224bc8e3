import { Button, Code, Group, Paper, Stack, Table, Text, TextInput, Timeline } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page as ApiPage, AuditRecord } from '../../api/types';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** What one audit record changed: the top-level fields whose values differ. */
function changes(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (f) => !['version', 'updatedAt'].includes(f) && JSON.stringify(b[f]) !== JSON.stringify(a[f]),
  );
  return fields.map((field) => ({ field, before: b[field], after: a[field] }));
}

function Changes(props: { record: AuditRecord }) {
  const { t } = useI18n();
  const list = changes(props.record.before, props.record.after);
  if (!list.length) return null;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((c) => (
            <Table.Tr key={c.field}>
              <Table.Td>
                <Code>{c.field}</Code>
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }} dir="ltr">
                {show(c.before)}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }} dir="ltr">
                {show(c.after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The hash-chained trail of any entity: who, when, what changed. */
export default function AuditPage() {
  const { t, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const entityId = params.get('entityId') ?? '';
  const [input, setInput] = useState(entityId);
  const trail = useInfiniteQuery({
    queryKey: ['audit', entityId],
    queryFn: ({ pageParam }) =>
      api.get<ApiPage<AuditRecord>>('/v1/audit', { entityId, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!entityId,
  });
  const records = trail.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('audit.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setParams(input.trim() ? { entityId: input.trim() } : {});
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('audit.entityId')}
            description={t('audit.entityIdHint')}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            style={{ flex: 1 }}
            dir="ltr"
          />
          <Button type="submit">{t('audit.show')}</Button>
        </Group>
      </form>
      {!entityId ? null : trail.error ? (
        <ProblemAlert error={trail.error} onRetry={() => trail.refetch()} />
      ) : trail.isPending ? (
        <Loading />
      ) : records.length === 0 ? (
        <Empty title={t('audit.none')} />
      ) : (
        <Paper withBorder p="md">
          <Timeline bulletSize={14} lineWidth={2} data-testid="audit-trail">
            {records.map((r) => (
              <Timeline.Item
                key={r.seq}
                title={
                  <Text fw={600} size="sm">
                    {r.action}
                  </Text>
                }
              >
                <Stack gap={4}>
                  <Text size="xs" c="dimmed">
                    <time dateTime={r.at} data-testid="audit-at">
                      {fmt.dateTime(r.at)}
                    </time>{' '}
                    ·{' '}
                    {t('audit.by', {
                      user: r.actor.userId,
                      org: r.actor.orgId ?? '—',
                      seq: fmt.number(r.seq),
                    })}
                  </Text>
                  {r.reason && <Text size="sm">{t('audit.reason', { reason: r.reason })}</Text>}
                  <Changes record={r} />
                  <Text size="xs" c="dimmed" ff="monospace" dir="ltr">
                    {r.hash.slice(0, 16)}…
                  </Text>
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      )}
      {trail.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={trail.isFetchingNextPage} onClick={() => trail.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
