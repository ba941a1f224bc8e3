import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { usePark } from '../../api/queries';
import type { Money, Offering, OfferingAuction, OfferingBid, OfferingBids } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { useSession } from '../../auth/session';
import { CategoryLabel } from '../../components/category';
import { etagFor, MoneyInput } from '../../components/inputs';
import { Page } from '../../components/page';
import { parkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Loading, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { Countdown } from '../../components/time';
import { useSubmit } from '../../components/use-submit';
import { moneyInputValue, parseMoneyInput } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { Figure } from '../needs/auction-panel';
import { OfferingFacts } from './offering-facts';
import { myOfferingBidKey, offeringAuctionKey, offeringBidsKey, offeringKey } from './offering-keys';

const orNull = <T,>(p: Promise<T>) =>
  p.catch((err) => {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return null;
    throw err;
  });

/** A bidder's live view of a forward auction: rank, best price (never who), the close as it moves. */
function AuctionStanding(props: { offering: Offering; timeZone: string }) {
  const { t, fmt } = useI18n();
  const o = props.offering;
  const standing = useQuery({
    queryKey: offeringAuctionKey(o.offeringId),
    queryFn: () => orNull(api.get<OfferingAuction>(`/v1/offerings/${o.offeringId}/auction`)),
    refetchInterval: o.status === 'open' ? 3000 : false,
  });
  const s = standing.data;
  return (
    <Paper withBorder p="md" data-testid="offering-auction">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('offering.mode.auction')}
          </Title>
          <Countdown until={s?.closesAt ?? o.closesAt} size="xl" testId="offering-countdown" />
        </Group>
        {s ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure
              label={t('auction.myRank')}
              value={
                s.myRank === null
                  ? '—'
                  : t('auction.rankOf', { rank: fmt.number(s.myRank), of: fmt.number(s.bidders) })
              }
              testId="offering-rank"
            />
            <Figure label={t('auction.best')} value={fmt.money(s.bestPrice)} testId="offering-best" />
            <Figure label={t('auction.mine')} value={fmt.money(s.myPrice)} />
            <Figure label={t('offering.toLead')} value={fmt.money(s.priceToLead)} />
          </SimpleGrid>
        ) : (
          standing.isFetched && <Text c="dimmed">{t('auction.bidToSee')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The investor's bid: a price and what it will do with the space. */
function BidForm(props: { offering: Offering; mine: OfferingBid | null }) {
  const { t, lang, fmt } = useI18n();
  const o = props.offering;
  const currency = o.reservePrice.currency;
  const prev = props.mine?.status === 'submitted' ? props.mine : null;
  const [f, setF] = useState({
    price: prev ? moneyInputValue(prev.price.amount, currency) : '',
    category: prev?.plan.category ?? o.allowedCategories?.[0] ?? '',
    investment: prev ? moneyInputValue(prev.plan.investment.amount, currency) : '',
    jobs: prev ? String(prev.plan.jobs) : '',
    months: prev ? String(prev.plan.startWithinMonths) : '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const money = (s: string): Money | undefined => {
    const amount = parseMoneyInput(s, currency, lang);
    return amount === null ? undefined : { amount, currency };
  };
  const s = useSubmit(
    (key) => {
      const body = {
        price: money(f.price),
        plan: {
          category: f.category.trim(),
          investment: money(f.investment),
          jobs: Number(f.jobs),
          startWithinMonths: Number(f.months),
        },
      };
      return prev
        ? api.put(`/v1/offerings/${o.offeringId}/bids/mine`, body, {
            idempotencyKey: key,
            ifMatch: etagFor(prev),
          })
        : api.post(`/v1/offerings/${o.offeringId}/bids`, body, { idempotencyKey: key });
    },
    {
      invalidate: [
        myOfferingBidKey(o.offeringId),
        offeringAuctionKey(o.offeringId),
        offeringKey(o.offeringId),
      ],
    },
  );
  return (
    <Paper withBorder p="md" component="form" onSubmit={s.onSubmit} data-testid="offering-bid-form">
      <Stack>
        <Title order={2} size="h4">
          {prev ? t('offering.raiseBid') : t('offering.placeBid')}
        </Title>
        {prev && (
          <Text size="sm" data-testid="offering-my-bid">
            {t('offering.yourBid', { price: fmt.money(prev.price) })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MoneyInput
            label={t('offering.price')}
            required
            value={f.price}
            currency={currency}
            onChange={set('price')}
            error={s.fieldError('price')}
            testId="bid-price"
          />
          <TextInput
            label={t('offering.planCategory')}
            description={<CategoryLabel code={f.category || null} />}
            required
            value={f.category}
            onChange={(e) => set('category')(e.currentTarget.value)}
            error={s.fieldError('plan.category')}
            data-testid="bid-category"
          />
          <MoneyInput
            label={t('offering.investment')}
            required
            value={f.investment}
            currency={currency}
            onChange={set('investment')}
            error={s.fieldError('plan.investment')}
            testId="bid-investment"
          />
          <TextInput
            label={t('offering.jobs')}
            required
            inputMode="numeric"
            value={f.jobs}
            onChange={(e) => set('jobs')(e.currentTarget.value)}
            error={s.fieldError('plan.jobs')}
            data-testid="bid-jobs"
          />
          <TextInput
            label={t('offering.startWithin')}
            required
            inputMode="numeric"
            value={f.months}
            onChange={(e) => set('months')(e.currentTarget.value)}
            error={s.fieldError('plan.startWithinMonths')}
            data-testid="bid-months"
          />
        </SimpleGrid>
        {s.error ? <ProblemAlert error={s.error} /> : null}
        <Group>
          <Button type="submit" loading={s.pending} data-testid="bid-submit">
            {prev ? t('offering.raiseBid') : t('offering.placeBid')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The operator's view of the bids: a count before the close; after it, side by side, and the award. */
function OperatorBids(props: { offering: Offering }) {
  const { t, fmt } = useI18n();
  const can = useAbilities();
  const o = props.offering;
  const bids = useQuery({
    queryKey: offeringBidsKey(o.offeringId),
    queryFn: () => api.get<OfferingBids>(`/v1/offerings/${o.offeringId}/bids`),
    refetchInterval: o.status === 'open' ? 5000 : false,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const award = useSubmit(
    (key) => api.post(`/v1/offerings/${o.offeringId}/award`, { bidId: chosen }, { idempotencyKey: key }),
    {
      invalidate: [offeringKey(o.offeringId), offeringBidsKey(o.offeringId)],
      onSuccess: () => setChosen(null),
    },
  );
  return (
    <Paper withBorder p="md" data-testid="offering-bids">
      <Stack>
        <Title order={2} size="h4">
          {t('offering.bidsTitle')}
        </Title>
        <QueryState query={bids}>
          {(data) =>
            !data.closed || !data.items ? (
              <Text data-testid="offering-bid-count">
                {t('offering.bidCount', { count: fmt.number(data.count) })}
                {data.bestPrice ? ` · ${t('auction.best')}: ${fmt.money(data.bestPrice)}` : ''}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>{t('offering.investor')}</Table.Th>
                      <Table.Th>{t('offering.price')}</Table.Th>
                      <Table.Th>{t('offering.planCategory')}</Table.Th>
                      <Table.Th>{t('offering.investment')}</Table.Th>
                      <Table.Th>{t('offering.jobs')}</Table.Th>
                      <Table.Th>{t('offering.certificates')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((b) => (
                      <Table.Tr key={b.bidId} data-testid="offering-bid-row">
                        <Table.Td>{fmt.number(b.rank)}</Table.Td>
                        <Table.Td>{b.investor.name}</Table.Td>
                        <Table.Td>{fmt.money(b.price)}</Table.Td>
                        <Table.Td>
                          <CategoryLabel code={b.plan.category} />
                        </Table.Td>
                        <Table.Td>{fmt.money(b.plan.investment)}</Table.Td>
                        <Table.Td>
                          {fmt.number(b.plan.jobs)} ·{' '}
                          {t('offering.startsIn', { months: fmt.number(b.plan.startWithinMonths) })}
                        </Table.Td>
                        <Table.Td>{b.certificates.map((c) => c.kind).join(', ') || '—'}</Table.Td>
                        <Table.Td>
                          {b.status === 'awarded' ? (
                            <StatusBadge status="awarded" />
                          ) : o.status === 'closed' && can.operate ? (
                            <Button
                              size="compact-sm"
                              onClick={() => setChosen(b.bidId)}
                              aria-label={t('offering.awardTo', { name: b.investor.name })}
                              data-testid={`offering-award-${b.rank}`}
                            >
                              {t('bid.award')}
                            </Button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
        {chosen && (
          <Paper
            withBorder
            p="sm"
            bg="var(--mantine-color-yellow-light)"
            data-testid="offering-award-confirm"
          >
            <Stack gap="xs">
              <Text size="sm">{t('offering.awardConfirm')}</Text>
              <Group>
                <Button
                  loading={award.pending}
                  onClick={() => void award.submit()}
                  data-testid="offering-award-yes"
                >
                  {t('bid.award')}
                </Button>
                <Button variant="default" onClick={() => setChosen(null)}>
                  {t('offering.discard')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {award.error ? <ProblemAlert error={award.error} /> : null}
      </Stack>
    </Paper>
  );
}

export default function OfferingPage() {
  const { offeringId = '' } = useParams();
  const { t, lang, fmt } = useI18n();
  const session = useSession();
  const can = useAbilities();
  const offering = useQuery({
    queryKey: offeringKey(offeringId),
    queryFn: () => api.get<Offering>(`/v1/offerings/${offeringId}`),
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 5000 : false),
  });
  const { park } = usePark(offering.data?.parkId);
  const isOperator = !!offering.data && offering.data.operatorOrgId === session?.orgId;
  const mine = useQuery({
    queryKey: myOfferingBidKey(offeringId),
    queryFn: () => orNull(api.get<OfferingBid>(`/v1/offerings/${offeringId}/bids/mine`)),
    enabled: !!offering.data && !isOperator,
  });
  const publish = useSubmit(
    () => api.post(`/v1/offerings/${offeringId}/publish`, undefined, { ifMatch: etagFor(offering.data!) }),
    { invalidate: [offeringKey(offeringId)] },
  );
  if (offering.error) return <ProblemAlert error={offering.error} />;
  if (!offering.data) return <Loading />;
  const o = offering.data;
  const tz = park?.timeZone ?? 'UTC';
  return (
    <Page
      title={o.title}
      actions={
        isOperator && can.operate && o.status === 'draft' ? (
          <Button
            loading={publish.pending}
            onClick={() => void publish.submit()}
            data-testid="offering-publish"
          >
            {t('offering.publish')}
          </Button>
        ) : undefined
      }
    >
      {publish.error ? <ProblemAlert error={publish.error} /> : null}
      <Group gap="sm">
        <StatusBadge status={o.status} />
        <Text size="sm" c="dimmed">
          {t(`offering.kind.${o.kind}`)} · {park ? parkName(park, lang) : ''} ·{' '}
          {t('offering.closesOn', { at: fmt.dateTime(o.closesAt, tz) })}
        </Text>
      </Group>
      <Text size="sm">{o.description}</Text>
      <OfferingFacts offering={o} />
      {mine.data && o.status === 'awarded' && (
        <Paper withBorder p="md" data-testid="offering-outcome">
          <Group>
            <StatusBadge status={mine.data.outcome ?? 'pending'} />
            <Text size="sm">
              {mine.data.outcome === 'won' ? t('offering.wonBody') : t('offering.lostBody')}
            </Text>
          </Group>
        </Paper>
      )}
      {!isOperator && o.mode === 'auction' && o.status !== 'draft' && (
        <AuctionStanding offering={o} timeZone={tz} />
      )}
      {!isOperator && can.invest && o.status === 'open' && mine.isFetched && (
        <BidForm offering={o} mine={mine.data ?? null} />
      )}
      {!isOperator && o.mode === 'sealed' && mine.data && o.status !== 'awarded' && (
        <Text size="sm" c="dimmed" data-testid="offering-my-bid">
          {t('offering.yourBid', { price: fmt.money(mine.data.price) })} · {t('offering.sealedHint')}
        </Text>
      )}
      {isOperator && o.status !== 'draft' && <OperatorBids offering={o} />}
      <Anchor component={Link} to={isOperator ? `/parks/${o.parkId}?tab=offerings` : '/offerings'} size="sm">
        {t('offering.back')}
      </Anchor>
    </Page>
  );
}
