import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { AuctionStanding, Need } from '../../api/types';
import { ProblemAlert } from '../../components/problem';
import { Countdown } from '../../components/time';
import { useI18n } from '../../i18n/i18n';
import { auctionKey } from './need-keys';

/** One figure of an auction standing: a small label over a large value. */
export function Figure(props: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="lg" data-testid={props.testId}>
        {props.value}
      </Text>
    </Stack>
  );
}

/**
 * A bidder's live view of a reverse auction: its rank, the best price (never who bid it), and a
 * countdown to the effective close, which anti-sniping may move: polled, so it updates in place.
 */
export function AuctionPanel(props: { need: Need; timeZone: string }) {
  const { t, fmt } = useI18n();
  const { need } = props;
  const standing = useQuery({
    queryKey: auctionKey(need.needId),
    queryFn: () =>
      api.get<AuctionStanding>(`/v1/needs/${need.needId}/auction`).catch((err) => {
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return null;
        throw err;
      }),
    refetchInterval: need.status === 'open' ? 3000 : false,
  });
  const closesAt = standing.data?.closesAt ?? need.closesAt;
  return (
    <Paper withBorder p="md" data-testid="auction">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('auction.title')}
          </Title>
          <Stack gap={0} align="flex-end">
            <Countdown until={closesAt} size="xl" testId="auction-countdown" />
            <Text size="xs" c="dimmed" data-testid="auction-closes-at">
              {t('auction.closesAt', { at: fmt.dateTimeSeconds(closesAt, props.timeZone) })}
            </Text>
          </Stack>
        </Group>
        {standing.error ? <ProblemAlert error={standing.error} /> : null}
        {standing.data ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure
              label={t('auction.myRank')}
              value={
                standing.data.myRank === null
                  ? '—'
                  : t('auction.rankOf', {
                      rank: fmt.number(standing.data.myRank),
                      of: fmt.number(standing.data.bidders),
                    })
              }
              testId="auction-rank"
            />
            <Figure
              label={t('auction.best')}
              value={fmt.money(standing.data.bestUnitPrice)}
              testId="auction-best"
            />
            <Figure label={t('auction.mine')} value={fmt.money(standing.data.myUnitPrice)} />
            <Figure label={t('auction.toLead')} value={fmt.money(standing.data.priceToLead)} />
          </SimpleGrid>
        ) : (
          standing.isFetched && <Text c="dimmed">{t('auction.bidToSee')}</Text>
        )}
        {standing.data && (
          <Text size="xs" c="dimmed">
            {t('auction.extensionsLeft', { count: fmt.number(standing.data.extensionsLeft) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
