import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page as ApiPage, PublicParkSummary } from '../../api/types';
import { usePageMeta } from '../../components/page-meta';
import { localName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';
import { ParkKindAndPlace } from './park-kind';

/** The park directory: every park, readable without signing in (workflow 11). */
export default function PublicParksPage() {
  const { t, lang } = useI18n();
  usePageMeta(t('public.parks.title'), t('public.parks.description'));
  const parks = useInfiniteQuery({
    queryKey: ['public', 'parks'],
    queryFn: ({ pageParam }) =>
      api.get<ApiPage<PublicParkSummary>>('/v1/public/parks', { limit: 24, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = parks.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('public.parks.title')}
        </Title>
        <Text c="dimmed">{t('public.parks.description')}</Text>
      </Stack>
      {parks.error ? (
        <ProblemAlert error={parks.error} onRetry={() => parks.refetch()} />
      ) : parks.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty title={t('public.parks.none')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" data-testid="public-parks">
          {items.map((p) => (
            <Paper key={p.parkId} withBorder p="md" data-testid="public-park-card">
              <Stack gap={6}>
                <Anchor component={Link} to={`/explore/parks/${p.parkId}`} fw={700}>
                  <bdi>{localName(p.name, p.names, lang)}</bdi>
                </Anchor>
                <ParkKindAndPlace park={p} />
                {p.description ? (
                  <Text size="sm" lineClamp={3}>
                    {p.description}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {parks.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={parks.isFetchingNextPage}
            onClick={() => void parks.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
