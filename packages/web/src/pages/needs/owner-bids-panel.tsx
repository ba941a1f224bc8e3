import { Alert, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { BidComparison, Deal, Need, OwnerBids } from '../../api/types';
import { ConfirmButton } from '../../components/confirm';
import { FileList } from '../../components/files';
import { ParkTime } from '../../components/park-time';
import { Empty, QueryState } from '../../components/query-state';
import { SortableTh, useSort } from '../../components/sortable';
import { StatusBadge } from '../../components/status-badge';
import { useTermsText } from '../../components/terms';
import { useSubmit } from '../../components/use-submit';
import { isolate, UserText } from '../../components/user-text';
import { useI18n } from '../../i18n/i18n';
import { needBidsKey, needKey } from './need-keys';

type Column =
  | 'rank'
  | 'supplier'
  | 'unitPrice'
  | 'total'
  | 'quantity'
  | 'leadTimeDays'
  | 'validUntil'
  | 'rating'
  | 'onTime';

function value(b: BidComparison, key: Column): number | string | null {
  switch (key) {
    case 'supplier':
      return b.supplier.name.toLowerCase();
    case 'unitPrice':
      return b.unitPrice.amount;
    case 'total':
      return b.total.amount;
    case 'validUntil':
      return b.validUntil;
    case 'rating':
      return b.reputation.averageRating === null ? null : -b.reputation.averageRating;
    case 'onTime':
      return b.reputation.onTimeRate === null ? null : -b.reputation.onTimeRate;
    default:
      return b[key];
  }
}

function AwardButton(props: { need: Need; bid: BidComparison }) {
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const s = useSubmit(
    (key) =>
      api.post<Deal>(
        `/v1/needs/${props.need.needId}/award`,
        { bidId: props.bid.bidId },
        { idempotencyKey: key },
      ),
    {
      invalidate: [needKey(props.need.needId), needBidsKey(props.need.needId), ['deals']],
      onSuccess: (deal) => navigate(`/deals/${deal.dealId}`),
    },
  );
  const name = props.bid.supplier.name;
  return (
    <ConfirmButton
      label={t('bid.award')}
      button={{
        size: 'compact-sm',
        'aria-label': t('bid.awardTo', { name }),
        'data-testid': `award-${props.bid.bidId}`,
      }}
      title={t('confirm.award.title')}
      message={t('confirm.award.body', {
        total: fmt.money(props.bid.total),
        name: isolate(name),
        title: isolate(props.need.title),
      })}
      confirmLabel={t('bid.award')}
      pending={s.pending}
      error={s.error}
      onConfirm={async () => (await s.submit()) !== undefined}
    />
  );
}

/** The owner's bids: only their number before the close; after it, every bid side by side. */
export function OwnerBidsPanel(props: { need: Need }) {
  const { t, tMaybe, fmt } = useI18n();
  const terms = useTermsText();
  const { need } = props;
  const bids = useQuery({
    queryKey: needBidsKey(need.needId),
    queryFn: () => api.get<OwnerBids>(`/v1/needs/${need.needId}/bids`),
    refetchInterval: need.status === 'open' ? 10_000 : false,
  });
  const { sort, toggle, sorted } = useSort<Column>('rank');
  return (
    <QueryState query={bids}>
      {(data) =>
        !data.closed ? (
          <Alert color="blue" title={t('bid.sealedTitle')} data-testid="bid-count">
            {t('bid.sealedCount', { count: fmt.number(data.count) })}
          </Alert>
        ) : !data.items?.length ? (
          <Empty title={t('bid.none')} />
        ) : (
          <Stack>
            <Text size="sm" c="dimmed">
              {t('bid.compareHint', { count: fmt.number(data.items.length) })}
            </Text>
            <Table.ScrollContainer minWidth={1100}>
              <Table striped verticalSpacing="sm" data-testid="bid-comparison">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('common.actions')}</Table.Th>
                    <SortableTh label={t('bid.rank')} column="rank" sort={sort} onSort={toggle} numeric />
                    <SortableTh label={t('match.supplier')} column="supplier" sort={sort} onSort={toggle} />
                    <SortableTh
                      label={t('bid.unitPrice')}
                      column="unitPrice"
                      sort={sort}
                      onSort={toggle}
                      numeric
                    />
                    <SortableTh label={t('bid.total')} column="total" sort={sort} onSort={toggle} numeric />
                    <SortableTh
                      label={t('common.quantity')}
                      column="quantity"
                      sort={sort}
                      onSort={toggle}
                      numeric
                    />
                    <SortableTh
                      label={t('bid.leadTime')}
                      column="leadTimeDays"
                      sort={sort}
                      onSort={toggle}
                      numeric
                    />
                    <SortableTh label={t('bid.validUntil')} column="validUntil" sort={sort} onSort={toggle} />
                    <SortableTh label={t('bid.rating')} column="rating" sort={sort} onSort={toggle} numeric />
                    <SortableTh label={t('bid.onTime')} column="onTime" sort={sort} onSort={toggle} numeric />
                    <Table.Th>{t('certificate.title')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sorted(data.items, value).map((b) => (
                    <Table.Tr key={b.bidId} data-testid="bid-row" data-bid-id={b.bidId}>
                      <Table.Td>
                        {data.closed &&
                        (need.status === 'open' || need.status === 'closed') &&
                        b.status === 'submitted' ? (
                          <AwardButton need={need} bid={b} />
                        ) : need.awardedBidId === b.bidId ? (
                          <StatusBadge status="awarded" />
                        ) : null}
                      </Table.Td>
                      <Table.Td className="numeric">{fmt.number(b.rank)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          <UserText>{b.supplier.name}</UserText>
                        </Text>
                        {b.notes && (
                          <Text size="xs" c="dimmed" lineClamp={2} dir="auto">
                            {b.notes}
                          </Text>
                        )}
                        {b.status !== 'submitted' && <StatusBadge status={b.status} />}
                        {(b.delivery || b.paymentTerms) && (
                          <Text size="xs" c="dimmed">
                            {terms.delivery(b.delivery)} · {terms.payment(b.paymentTerms)}
                          </Text>
                        )}
                        <FileList files={b.attachments} />
                      </Table.Td>
                      <Table.Td className="numeric">{fmt.money(b.unitPrice)}</Table.Td>
                      <Table.Td className="numeric">{fmt.money(b.total)}</Table.Td>
                      <Table.Td className="numeric">{fmt.number(b.quantity)}</Table.Td>
                      <Table.Td className="numeric">
                        {t('bid.days', { days: fmt.number(b.leadTimeDays) })}
                      </Table.Td>
                      <Table.Td>
                        <ParkTime parkId={need.parkId} at={b.validUntil} />
                      </Table.Td>
                      <Table.Td className="numeric">
                        {b.reputation.averageRating === null
                          ? t('bid.noRatings')
                          : t('bid.ratingOf', {
                              rating: fmt.number(b.reputation.averageRating, { maximumFractionDigits: 1 }),
                              count: fmt.number(b.reputation.ratingCount),
                            })}
                      </Table.Td>
                      <Table.Td className="numeric">
                        {b.reputation.onTimeRate === null ? '—' : fmt.percent(b.reputation.onTimeRate)}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {b.certificates.length === 0
                            ? '—'
                            : b.certificates.map((c) => (
                                <Text key={c.kind} size="xs">
                                  {tMaybe(`certificate.kind.${c.kind}`) ?? c.kind}
                                </Text>
                              ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )
      }
    </QueryState>
  );
}
