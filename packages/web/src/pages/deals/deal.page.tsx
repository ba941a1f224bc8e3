import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Rating,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { usePark } from '../../api/queries';
import type { Deal } from '../../api/types';
import { actsOnSide, readsSide } from '../../auth/abilities';
import { useSession } from '../../auth/session';
import { CategoryLabel } from '../../components/category';
import { ConfirmButton } from '../../components/confirm';
import { etagFor } from '../../components/inputs';
import { OrgName, useOrgName } from '../../components/org-name';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { useQuantityText } from '../../components/quantity';
import { Loading } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { TermsSummary } from '../../components/terms';
import { useSubmit } from '../../components/use-submit';
import { isolate } from '../../components/user-text';
import { useI18n } from '../../i18n/i18n';
import { DealRoom } from './deal-room';

function RateForm(props: { deal: Deal; onDone: (d: Deal) => void }) {
  const { t } = useI18n();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const s = useSubmit(
    () =>
      api.post<Deal>(`/v1/deals/${props.deal.dealId}/rate`, {
        score,
        ...(comment.trim() ? { comment } : {}),
      }),
    { onSuccess: props.onDone },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('deal.rate')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" id="rating-label">
            {t('deal.score')}
          </Text>
          <Rating value={score} onChange={setScore} aria-labelledby="rating-label" size="lg" />
          {s.fieldError('score') && (
            <Text size="xs" c="red.9">
              {s.fieldError('score')}
            </Text>
          )}
        </Stack>
        <Textarea
          label={t('deal.comment')}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={s.fieldError('comment')}
        />
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={s.pending} disabled={score < 1}>
            {t('deal.sendRating')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Calling the deal off before delivery (either side), with the reason the other side is told. */
function CancelDeal(props: { deal: Deal; onDone: (d: Deal) => void }) {
  const { t, fmt } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const s = useSubmit(
    () =>
      api.post<Deal>(`/v1/deals/${props.deal.dealId}/cancel`, { reason }, { ifMatch: etagFor(props.deal) }),
    {
      onSuccess: (d) => {
        setOpen(false);
        props.onDone(d);
      },
    },
  );
  if (!open) {
    return (
      <Group>
        <Button variant="default" color="red" onClick={() => setOpen(true)} data-testid="deal-cancel">
          {t('deal.cancel')}
        </Button>
      </Group>
    );
  }
  return (
    <form onSubmit={s.onSubmit} data-testid="deal-cancel-form">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('deal.cancel')}
        </Title>
        <Text size="sm" data-testid="deal-cancel-what">
          {t('confirm.dealCancel.body', {
            title: isolate(props.deal.title),
            total: fmt.money(props.deal.total),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('deal.cancelHint')}
        </Text>
        <Textarea
          label={t('deal.cancelReason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={s.fieldError('reason')}
          data-testid="deal-cancel-reason"
        />
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() => {
              s.reset();
              setOpen(false);
            }}
          >
            {t('deal.keep')}
          </Button>
          <Button type="submit" color="red" loading={s.pending} data-testid="deal-cancel-confirm">
            {t('deal.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A deal from award to rating: the seller confirms and delivers, the buyer accepts, both rate. */
export default function DealPage() {
  const { dealId = '' } = useParams();
  const { t, fmt } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const quantityText = useQuantityText();
  const deal = useQuery({ queryKey: ['deals', dealId], queryFn: () => api.get<Deal>(`/v1/deals/${dealId}`) });
  const { park } = usePark(deal.data?.parkId);
  const buyerName = isolate(useOrgName(deal.data?.buyerOrgId));
  const sellerName = isolate(useOrgName(deal.data?.sellerOrgId));
  const [stepped, setStepped] = useState<'confirmed' | 'delivered' | 'accepted' | null>(null);
  const done = (d: Deal) => {
    queryClient.setQueryData(['deals', dealId], d);
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
  };
  const step = useSubmit(
    async () => {
      const d = deal.data as Deal;
      const action =
        d.status === 'awarded' ? 'confirm' : d.status === 'confirmed' ? 'deliver' : 'accept-delivery';
      return api.post<Deal>(`/v1/deals/${d.dealId}/${action}`, undefined, { ifMatch: etagFor(d) });
    },
    {
      onSuccess: (d) => {
        if (d.status === 'confirmed' || d.status === 'delivered' || d.status === 'accepted')
          setStepped(d.status);
        done(d);
      },
    },
  );
  if (deal.error) return <ProblemAlert error={deal.error} onRetry={() => deal.refetch()} />;
  if (!deal.data) return <Loading />;
  const d = deal.data;
  const tz = park?.timeZone;
  const side = d.buyerOrgId === session?.orgId ? 'buyer' : d.sellerOrgId === session?.orgId ? 'seller' : null;
  // A side's people act on the deal by their role: the buyer side's buyers, the seller side's sellers.
  const acts = !!side && actsOnSide(session, side);
  const reads = !!side && readsSide(session, side);
  const seller = side === 'seller' && acts;
  const buyer = side === 'buyer' && acts;
  const myRating = seller ? d.sellerRating : d.buyerRating;
  const theirRating = seller ? d.buyerRating : d.sellerRating;
  const nextStep =
    seller && d.status === 'awarded'
      ? t('deal.confirm')
      : seller && d.status === 'confirmed'
        ? t('deal.deliver')
        : buyer && d.status === 'delivered'
          ? t('deal.acceptDelivery')
          : null;
  const said = {
    title: isolate(d.title),
    total: fmt.money(d.total),
    quantity: quantityText(d.quantity, d.unit),
    buyer: buyerName,
    seller: sellerName,
    due: fmt.dateTime(d.dueBy, tz),
  };
  const stepMessage =
    d.status === 'awarded'
      ? t('confirm.dealConfirm.body', said)
      : d.status === 'confirmed'
        ? t('confirm.dealDeliver.body', said)
        : t('confirm.dealAccept.body', said);

  return (
    <Page title={d.title} actions={<StatusBadge status={d.status} />}>
      <Paper withBorder p="md" data-testid="deal">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('deal.buyer')}
            </Text>
            <Text size="sm" data-testid="deal-buyer">
              <OrgName orgId={d.buyerOrgId} />
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('deal.seller')}
            </Text>
            <Text size="sm" data-testid="deal-seller">
              <OrgName orgId={d.sellerOrgId} />
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('common.category')}
            </Text>
            <Text size="sm" component="div">
              <CategoryLabel code={d.category} />
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('common.quantity')}
            </Text>
            <Text size="sm">{quantityText(d.quantity, d.unit)}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('bid.unitPrice')}
            </Text>
            <Text size="sm">{fmt.money(d.unitPrice)}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('bid.total')}
            </Text>
            <Text size="sm" fw={700} data-testid="deal-total">
              {fmt.money(d.total)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('deal.dueBy')}
            </Text>
            <Text size="sm">{fmt.dateTime(d.dueBy, tz)}</Text>
          </Stack>
          {d.onTime !== null && (
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('bid.onTime')}
              </Text>
              <Text size="sm">{d.onTime ? t('deal.onTimeYes') : t('deal.onTimeNo')}</Text>
            </Stack>
          )}
        </SimpleGrid>
        <TermsSummary delivery={d.delivery} paymentTerms={d.paymentTerms} />
        <Group mt="sm" gap="lg">
          <Anchor component={Link} to={`/needs/${d.needId}`} size="sm">
            {t('deal.openNeed')}
          </Anchor>
          {reads ? (
            <Anchor component={Link} to={`/deals/${d.dealId}/purchase-order`} size="sm" data-testid="deal-po">
              {t('po.title')}
            </Anchor>
          ) : null}
        </Group>
      </Paper>
      {side && reads && <DealRoom deal={d} side={side} canPost={acts} timeZone={tz} />}
      <Paper withBorder p="md">
        <Timeline
          active={
            d.status === 'cancelled'
              ? d.confirmedAt
                ? 1
                : 0
              : ['awarded', 'confirmed', 'delivered', 'accepted'].indexOf(d.status)
          }
          bulletSize={16}
        >
          <Timeline.Item title={t('status.awarded')}>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(d.awardedAt, tz)}
            </Text>
          </Timeline.Item>
          <Timeline.Item title={t('status.confirmed')}>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(d.confirmedAt, tz)}
            </Text>
          </Timeline.Item>
          <Timeline.Item title={t('status.delivered')}>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(d.deliveredAt, tz)}
            </Text>
          </Timeline.Item>
          <Timeline.Item title={t('status.accepted')}>
            <Text size="xs" c="dimmed">
              {fmt.dateTime(d.acceptedAt, tz)}
            </Text>
          </Timeline.Item>
        </Timeline>
        {stepped && stepped === d.status && (
          <Alert color="green" mt="md" role="status" data-testid="deal-step-done">
            {t(`deal.stepDone.${stepped}`, said)}
          </Alert>
        )}
        {nextStep && (
          <Group mt="md">
            <ConfirmButton
              label={nextStep}
              button={{ 'data-testid': 'deal-next-step' }}
              title={t('confirm.dealStep.title', { step: nextStep })}
              message={stepMessage}
              confirmLabel={nextStep}
              pending={step.pending}
              error={step.error}
              onConfirm={async () => (await step.submit()) !== undefined}
            />
          </Group>
        )}
      </Paper>
      {d.cancellation && (
        <Alert color="gray" title={t('status.cancelled')} data-testid="deal-cancelled">
          {t(d.cancellation.by === 'buyer' ? 'deal.cancelledByBuyer' : 'deal.cancelledBySeller', {
            at: fmt.dateTime(d.cancellation.at, tz),
            reason: isolate(d.cancellation.reason),
          })}
        </Alert>
      )}
      {(buyer || seller) && (d.status === 'awarded' || d.status === 'confirmed') && (
        <Paper withBorder p="md">
          <CancelDeal deal={d} onDone={done} />
        </Paper>
      )}
      {d.status === 'accepted' && acts && (
        <Paper withBorder p="md">
          {myRating ? (
            <Stack gap="xs">
              <Text size="sm">{t('deal.yourRating', { score: fmt.number(myRating.score) })}</Text>
              {theirRating ? (
                <Text size="sm">{t('deal.theirRating', { score: fmt.number(theirRating.score) })}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('deal.theyHaveNotRated')}
                </Text>
              )}
            </Stack>
          ) : (
            <Stack>
              {d.otherSideRated && <Alert color="blue">{t('deal.rateToSee')}</Alert>}
              <RateForm deal={d} onDone={done} />
            </Stack>
          )}
        </Paper>
      )}
    </Page>
  );
}
