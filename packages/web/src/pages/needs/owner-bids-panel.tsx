import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { keys, useMembers, usePendingAward } from '../../api/queries';
import type { AwardRequest, BidComparison, Deal, Need, OwnerBids } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { useSession } from '../../auth/session';
import { ConfirmButton } from '../../components/confirm';
import { FileList } from '../../components/files';
import { ParkTime } from '../../components/park-time';
import { ProblemAlert } from '../../components/problem';
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

type AwardAnswer = Deal | { status: 'pending_approval'; request: AwardRequest };

function AwardButton(props: { need: Need; bid: BidComparison }) {
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const s = useSubmit(
    (key) =>
      api.post<AwardAnswer>(
        `/v1/needs/${props.need.needId}/award`,
        { bidId: props.bid.bidId },
        { idempotencyKey: key },
      ),
    {
      invalidate: [
        needKey(props.need.needId),
        needBidsKey(props.need.needId),
        keys.pendingAward(props.need.needId),
        ['deals'],
      ],
      // Four eyes: above the organisation's threshold the award waits for another admin.
      onSuccess: (answer) => {
        if ('dealId' in answer) navigate(`/deals/${answer.dealId}`);
      },
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

/**
 * The award that waits for a second admin: who asked, which bid, the total; another admin approves
 * it (never the one who asked), an admin or the one who asked turns it down.
 */
function PendingAward(props: { need: Need; request: AwardRequest; bid: BidComparison | undefined }) {
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  const can = useAbilities();
  const members = useMembers(session?.orgId);
  const { need, request } = props;
  const mine = request.requestedBy === session?.userId;
  const asker = members.data?.find((m) => m.userId === request.requestedBy);
  const invalidate = [
    needKey(need.needId),
    needBidsKey(need.needId),
    keys.pendingAward(need.needId),
    ['deals'],
  ];
  const approve = useSubmit(
    (key) => api.post<Deal>(`/v1/needs/${need.needId}/award/approve`, undefined, { idempotencyKey: key }),
    { invalidate, onSuccess: (deal) => navigate(`/deals/${deal.dealId}`) },
  );
  const decline = useSubmit(() => api.post<AwardRequest>(`/v1/needs/${need.needId}/award/decline`), {
    invalidate,
  });
  const admin = session?.personRole === 'admin';
  const supplier = props.bid?.supplier.name ?? request.bidId;
  const total = fmt.money(request.total);
  const at = fmt.dateTime(request.requestedAt);
  return (
    <Alert color="yellow" title={t('fourEyes.pendingTitle')} data-testid="pending-award">
      <Stack gap="xs">
        <Text size="sm">
          {mine
            ? t('fourEyes.pendingMine', { supplier, total, at })
            : t('fourEyes.pendingBody', {
                who: asker?.name || asker?.email || t('fourEyes.aColleague'),
                supplier,
                total,
                at,
              })}
        </Text>
        {admin && mine ? <Text size="sm">{t('fourEyes.notYours')}</Text> : null}
        <Group gap="sm">
          {admin && !mine ? (
            <ConfirmButton
              label={t('fourEyes.approve')}
              button={{ size: 'xs', 'data-testid': 'approve-award' }}
              title={t('confirm.award.title')}
              message={t('confirm.award.body', {
                total,
                name: isolate(supplier),
                title: isolate(need.title),
              })}
              confirmLabel={t('fourEyes.approve')}
              pending={approve.pending}
              error={approve.error}
              onConfirm={async () => (await approve.submit()) !== undefined}
            />
          ) : null}
          {(admin || (mine && can.buy)) && (
            <Button
              size="xs"
              variant="default"
              loading={decline.pending}
              onClick={() => void decline.submit()}
              data-testid="decline-award"
            >
              {mine ? t('fourEyes.withdraw') : t('fourEyes.decline')}
            </Button>
          )}
        </Group>
        {decline.error ? <ProblemAlert error={decline.error} /> : null}
      </Stack>
    </Alert>
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
  const session = useSession();
  const can = useAbilities();
  const awardable = need.status === 'open' || need.status === 'closed';
  const pending = usePendingAward(need.needId, awardable);
  const waiting = pending.data ?? null;
  // With an award waiting, only an admin's own award goes through (it settles the one waiting).
  const mayAward = can.buy && (!waiting || session?.personRole === 'admin');
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
            {waiting ? (
              <PendingAward
                need={need}
                request={waiting}
                bid={data.items.find((b) => b.bidId === waiting.bidId)}
              />
            ) : null}
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
                        {data.closed && awardable && mayAward && b.status === 'submitted' ? (
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
