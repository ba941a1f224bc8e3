import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useParks } from '../../api/queries';
import type { Page as ApiPage, InboxItem } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { CategoryLabel } from '../../components/category';
import { Page } from '../../components/page';
import { ParkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { useQuantityText } from '../../components/quantity';
import { Empty, Loading } from '../../components/query-state';
import { MatchReasons } from '../../components/reasons';
import { Countdown } from '../../components/time';
import { useI18n } from '../../i18n/i18n';

/** The supplier's home: open needs its listings match, best first, with why. */
export default function InboxPage() {
  const { t, fmt } = useI18n();
  const can = useAbilities();
  const quantityText = useQuantityText();
  const parks = useParks();
  const inbox = useInfiniteQuery({
    queryKey: ['inbox'],
    queryFn: ({ pageParam }) => api.get<ApiPage<InboxItem>>('/v1/matches', { limit: 20, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const zoneOf = (parkId: string) => parks.data?.find((p) => p.parkId === parkId)?.timeZone;
  return (
    <Page
      title={t('inbox.title')}
      actions={
        <Button component={Link} to="/listings" variant="default">
          {t('nav.listings')}
        </Button>
      }
    >
      {inbox.error ? (
        <ProblemAlert error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : inbox.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty
          title={t('inbox.none')}
          hint={t('inbox.noneHint')}
          action={
            can.sell ? (
              <Button component={Link} to="/listings/new" variant="light">
                {t('listing.new')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Stack gap="sm" data-testid="inbox">
          {items.map((i) => (
            <Paper key={i.needId} withBorder p="md" data-testid="inbox-item">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Anchor component={Link} to={`/needs/${i.needId}`} fw={700}>
                      {i.need.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      <CategoryLabel code={i.need.category} />
                    </Text>
                  </Stack>
                  <Badge
                    size="xl"
                    miw="max-content"
                    variant="filled"
                    color={i.score >= 70 ? 'teal' : 'yellow'}
                    aria-label={t('match.scoreOf', { score: i.score })}
                  >
                    {fmt.number(i.score)}
                  </Badge>
                </Group>
                <SimpleGrid cols={{ base: 2, sm: 4 }}>
                  <Text size="sm">{quantityText(i.need.quantity, i.need.unit)}</Text>
                  <Text size="sm">
                    <ParkName parkId={i.need.parkId} />
                  </Text>
                  <Text size="sm">{t(`need.mode.${i.need.mode}`)}</Text>
                  <Text size="sm">
                    {fmt.dateTime(i.need.closesAt, zoneOf(i.need.parkId))} ·{' '}
                    <Countdown until={i.need.closesAt} />
                  </Text>
                </SimpleGrid>
                <MatchReasons reasons={i.reasons} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {inbox.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={inbox.isFetchingNextPage} onClick={() => inbox.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
