import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { usePark } from '../../api/queries';
import type { Need } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { useSession } from '../../auth/session';
import { CategoryLabel } from '../../components/category';
import { FileList } from '../../components/files';
import { Page } from '../../components/page';
import { ParkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { useQuantityText } from '../../components/quantity';
import { Loading } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { TermsSummary } from '../../components/terms';
import { Countdown } from '../../components/time';
import { useI18n } from '../../i18n/i18n';
import { AmendmentsPanel } from './amend-panel';
import { AuctionPanel } from './auction-panel';
import { MatchesPanel } from './matches-panel';
import { MyBidPanel } from './my-bid-panel';
import { needKey } from './need-keys';
import { OwnerActions } from './owner-actions';
import { OwnerBidsPanel } from './owner-bids-panel';
import { QuestionsPanel } from './questions-panel';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" component="div">
        {props.children}
      </Text>
    </Stack>
  );
}

/**
 * One need, for whoever may see it. Its owner gets matches, questions to answer, the bids
 * (sealed until the close) and the award; a supplier asks, bids and, in an auction, watches its rank.
 */
export default function NeedPage() {
  const { needId = '' } = useParams();
  const { t, tMaybe, fmt } = useI18n();
  const session = useSession();
  const can = useAbilities();
  const quantityText = useQuantityText();
  const [params, setParams] = useSearchParams();
  const need = useQuery({
    queryKey: needKey(needId),
    queryFn: () => api.get<Need>(`/v1/needs/${needId}`),
    // The server closes needs by itself: near the close, look again often.
    refetchInterval: (q) => {
      const n = q.state.data;
      if (n?.status !== 'open') return false;
      return n.closesAtMs - Date.now() < 120_000 ? 2000 : 20_000;
    },
  });
  const { park } = usePark(need.data?.parkId);
  if (need.error) return <ProblemAlert error={need.error} onRetry={() => need.refetch()} />;
  if (!need.data) return <Loading />;
  const n = need.data;
  const tz = park?.timeZone ?? 'UTC';
  const owner = n.ownerOrgId === session?.orgId;
  const tab =
    params.get('tab') ??
    (owner ? (n.status === 'closed' || n.status === 'awarded' ? 'bids' : 'matches') : 'bid');

  return (
    <Page title={n.title} actions={<StatusBadge status={n.status} />}>
      <Paper withBorder p="md">
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Fact label={t('common.category')}>
              <CategoryLabel code={n.category} />
            </Fact>
            <Fact label={t('common.quantity')}>
              <span data-testid="need-quantity">{quantityText(n.quantity, n.unit)}</span>
              {n.recurrence ? ` · ${t(`period.${n.recurrence.every}`)}` : ''}
            </Fact>
            <Fact label={t('need.deliveryPark')}>
              <ParkName parkId={n.parkId} />
            </Fact>
            <Fact label={t('need.mode')}>
              <Badge variant="outline" color={n.mode === 'auction' ? 'grape' : 'gray'}>
                {t(`need.mode.${n.mode}`)}
              </Badge>
            </Fact>
            <Fact label={t('need.closesAt')}>
              <span data-testid="need-closes-at-text">{fmt.dateTime(n.closesAt, tz)}</span>
              {n.extensionCount > 0 && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t('need.extendedTimes', { count: fmt.number(n.extensionCount) })}
                </Text>
              )}
            </Fact>
            {n.status === 'open' && (
              <Fact label={t('need.timeLeft')}>
                <Countdown until={n.closesAt} testId="need-countdown" />
              </Fact>
            )}
            <Fact label={t('need.currency')}>{n.currency}</Fact>
            <Fact label={t('need.visibility')}>{t(`need.visibility.${n.visibility}`)}</Fact>
            {n.requiredCertificates.length > 0 && (
              <Fact label={t('need.requiredCertificates')}>
                {n.requiredCertificates.map((c) => tMaybe(`certificate.kind.${c}`) ?? c).join(', ')}
              </Fact>
            )}
            {n.parkFirstUntil && (
              <Fact label={t('need.parkFirstUntil')}>{fmt.dateTime(n.parkFirstUntil, tz)}</Fact>
            )}
            {n.chainInputRef && owner && (
              <Fact label={t('need.chain')}>
                <Anchor component={Link} to={`/chains/${n.chainInputRef.chainId}`} size="sm">
                  {t('need.openChain')}
                </Anchor>
              </Fact>
            )}
          </SimpleGrid>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {n.description}
          </Text>
          <TermsSummary delivery={n.delivery} paymentTerms={n.paymentTerms} />
          {!!n.attachments?.length && (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('files.title')}
              </Text>
              <FileList files={n.attachments} />
            </Stack>
          )}
          {n.status === 'cancelled' && n.cancelReason && (
            <Alert color="gray">{t('need.cancelledBecause', { reason: n.cancelReason })}</Alert>
          )}
          {owner && can.buy && <OwnerActions need={n} timeZone={tz} />}
          {n.amendmentCount > 0 && <AmendmentsPanel need={n} timeZone={tz} />}
          {n.status === 'awarded' && (
            <Group>
              <Anchor component={Link} to="/deals" size="sm">
                {t('need.seeDeal')}
              </Anchor>
            </Group>
          )}
        </Stack>
      </Paper>
      {owner ? (
        <Tabs
          value={tab}
          onChange={(v) => setParams({ tab: v ?? 'matches' }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="matches">{t('match.title')}</Tabs.Tab>
            <Tabs.Tab value="questions">{t('question.title')}</Tabs.Tab>
            <Tabs.Tab value="bids" data-testid="tab-bids">
              {t('bid.title')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="matches" pt="md">
            <MatchesPanel need={n} />
          </Tabs.Panel>
          <Tabs.Panel value="questions" pt="md">
            <QuestionsPanel need={n} owner />
          </Tabs.Panel>
          <Tabs.Panel value="bids" pt="md">
            <OwnerBidsPanel need={n} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Tabs
          value={tab}
          onChange={(v) => setParams({ tab: v ?? 'bid' }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="bid">{t('bid.mine')}</Tabs.Tab>
            <Tabs.Tab value="questions">{t('question.title')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="bid" pt="md">
            <Stack>
              {n.mode === 'auction' && <AuctionPanel need={n} timeZone={tz} />}
              <MyBidPanel need={n} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="questions" pt="md">
            <QuestionsPanel need={n} owner={false} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Page>
  );
}
