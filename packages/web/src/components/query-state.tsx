import { Center, Loader, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ProblemAlert } from './problem';

export function Loading(props: { label?: string }) {
  const { t } = useI18n();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {props.label ?? t('state.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function Empty(props: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid="empty-state">
      <Stack align="center" gap="xs">
        <Text fw={600}>{props.title}</Text>
        {props.hint && (
          <Text size="sm" c="dimmed" ta="center">
            {props.hint}
          </Text>
        )}
        {props.action}
      </Stack>
    </Paper>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Loading, failure (with retry) and empty states, the same way on every page. */
export function QueryState<T>(props: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  if (props.isEmpty?.(query.data)) return <>{props.empty}</>;
  return <>{props.children(query.data)}</>;
}
