import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { usePark } from '../../api/queries';
import type { Attachment, Bid, Need } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { FileDrop, FileList } from '../../components/files';
import { etagFor, MoneyInput } from '../../components/inputs';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { emptyTerms, type TermsDraft, TermsFields, TermsSummary, termsBody } from '../../components/terms';
import { useSubmit } from '../../components/use-submit';
import { ZonedDateTimeInput } from '../../components/zoned-input';
import { moneyInputValue, parseMoneyInput, parseQuantityInput } from '../../format/money';
import { utcToZonedInput, zonedInputToUtc } from '../../format/zoned-time';
import { useI18n } from '../../i18n/i18n';
import { auctionKey, myBidKey, needKey } from './need-keys';

interface Form {
  unitPrice: string;
  quantity: string;
  leadTimeDays: string;
  validUntil: string;
  notes: string;
  terms: TermsDraft;
  attachments: Attachment[];
}

const draftOf = (b: Bid): TermsDraft => ({
  delivery: b.delivery?.terms ?? '',
  by: b.delivery?.by ?? '',
  place: b.delivery?.place ?? '',
  days: b.paymentTerms ? String(b.paymentTerms.daysAfterDelivery) : '',
});

/** The supplier's own bid: place it, revise it (every revision is kept), withdraw or reconfirm it. */
export function MyBidPanel(props: { need: Need }) {
  const can = useAbilities();
  const { t, fmt } = useI18n();
  const locale = fmt.locale;
  const { need } = props;
  const queryClient = useQueryClient();
  const { park } = usePark(need.parkId);
  const tz = park?.timeZone ?? 'UTC';
  const mine = useQuery({
    queryKey: myBidKey(need.needId),
    queryFn: () =>
      api.get<Bid>(`/v1/needs/${need.needId}/bids/mine`).catch((err) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
  });
  const bid = mine.data ?? null;
  const live = bid && bid.status !== 'withdrawn';
  const [form, setForm] = useState<Form | null>(null);
  const [extendedTo, setExtendedTo] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  useEffect(() => {
    if (mine.isPending || form) return;
    const validDefault = new Date(Math.max(Date.now(), need.closesAtMs) + 30 * 86_400_000).toISOString();
    setForm(
      bid && bid.status !== 'withdrawn'
        ? {
            unitPrice: moneyInputValue(bid.unitPrice.amount, bid.unitPrice.currency),
            quantity: String(bid.quantity),
            leadTimeDays: String(bid.leadTimeDays),
            validUntil: utcToZonedInput(bid.validUntil, tz),
            notes: bid.notes ?? '',
            terms: draftOf(bid),
            attachments: bid.attachments ?? [],
          }
        : {
            unitPrice: '',
            quantity: String(need.quantity),
            leadTimeDays: '14',
            validUntil: utcToZonedInput(validDefault, tz),
            notes: '',
            terms: emptyTerms,
            attachments: [],
          },
    );
  }, [mine.isPending, bid, form, need, tz]);

  const refresh = async (b: Bid | null) => {
    queryClient.setQueryData(myBidKey(need.needId), b);
    await queryClient.invalidateQueries({ queryKey: auctionKey(need.needId) });
    await queryClient.invalidateQueries({ queryKey: needKey(need.needId) });
    if (b?.extendedTo) setExtendedTo(b.extendedTo);
  };
  const payload = () => {
    const f = form as Form;
    const amount = parseMoneyInput(f.unitPrice, need.currency, locale);
    return {
      unitPrice: { amount: amount ?? f.unitPrice, currency: need.currency },
      quantity: parseQuantityInput(f.quantity) ?? f.quantity,
      leadTimeDays: /^\d+$/.test(f.leadTimeDays.trim()) ? Number(f.leadTimeDays) : f.leadTimeDays,
      validUntil: zonedInputToUtc(f.validUntil, tz) ?? f.validUntil,
      ...(f.notes.trim() ? { notes: f.notes } : {}),
      ...termsBody(f.terms),
      attachments: f.attachments.map((a) => a.attachmentId),
    };
  };
  const place = useSubmit(
    (key) =>
      live
        ? api.put<Bid>(`/v1/needs/${need.needId}/bids/mine`, payload(), { ifMatch: etagFor(bid as Bid) })
        : api.post<Bid>(`/v1/needs/${need.needId}/bids`, payload(), { idempotencyKey: key }),
    { onSuccess: (b) => void refresh(b) },
  );
  const withdraw = useSubmit(
    () => api.delete<Bid>(`/v1/needs/${need.needId}/bids/mine`, { ifMatch: etagFor(bid as Bid) }),
    {
      onSuccess: (b) => {
        setForm(null);
        void refresh(b);
      },
    },
  );
  const reconfirm = useSubmit(
    () =>
      api.post<Bid>(`/v1/needs/${need.needId}/bids/mine/reconfirm`, undefined, {
        ifMatch: etagFor(bid as Bid),
      }),
    {
      onSuccess: (b) => void refresh(b),
    },
  );

  if (mine.error) return <ProblemAlert error={mine.error} onRetry={() => mine.refetch()} />;
  if (mine.isPending || !form) return <Loading />;
  const open = need.status === 'open' && need.closesAtMs > Date.now();
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });

  return (
    <Paper withBorder p="md" data-testid="my-bid">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('bid.mine')}
          </Title>
          {bid && (
            <Group gap="xs">
              <StatusBadge status={bid.status} />
              {bid.outcome !== 'pending' && <StatusBadge status={bid.outcome} />}
            </Group>
          )}
        </Group>
        {bid && (
          <Text size="sm" data-testid="my-bid-summary">
            {t('bid.summary', {
              price: fmt.money(bid.unitPrice),
              quantity: fmt.number(bid.quantity),
              revision: fmt.number(bid.revision),
              at: fmt.dateTime(bid.pricedAt, tz),
            })}
          </Text>
        )}
        {bid?.outcome === 'won' && (
          <Alert color="green" title={t('bid.wonTitle')}>
            {t('bid.wonBody')}
          </Alert>
        )}
        {bid?.outcome === 'lost' && <Alert color="gray">{t('bid.lostBody')}</Alert>}
        {extendedTo && (
          <Alert color="orange" data-testid="bid-extended">
            {t('bid.extended', { at: fmt.dateTimeSeconds(extendedTo, tz) })}
          </Alert>
        )}
        {bid?.status === 'needs_reconfirmation' && open && can.sell && (
          <Alert color="orange" title={t('status.needs_reconfirmation')}>
            <Stack gap="xs">
              <Text size="sm">{t('bid.reconfirmHint')}</Text>
              <Group>
                <Button
                  size="xs"
                  color="orange"
                  loading={reconfirm.pending}
                  onClick={() => void reconfirm.submit()}
                >
                  {t('bid.reconfirm')}
                </Button>
              </Group>
              {reconfirm.error ? <ProblemAlert error={reconfirm.error} /> : null}
            </Stack>
          </Alert>
        )}
        {open && !can.sell ? (
          <Text size="sm" c="dimmed" data-testid="bid-read-only">
            {t('people.readOnlyBids')}
          </Text>
        ) : open ? (
          <form onSubmit={place.onSubmit}>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MoneyInput
                  label={t('bid.unitPrice')}
                  required
                  currency={need.currency}
                  value={form.unitPrice}
                  onChange={(v) => set('unitPrice', v)}
                  error={place.fieldError('unitPrice')}
                  testId="bid-unit-price"
                />
                <TextInput
                  label={t('common.quantity')}
                  required
                  inputMode="decimal"
                  value={form.quantity}
                  onChange={(e) => set('quantity', e.currentTarget.value)}
                  error={place.fieldError('quantity')}
                />
                <TextInput
                  label={t('bid.leadTimeDays')}
                  required
                  inputMode="numeric"
                  value={form.leadTimeDays}
                  onChange={(e) => set('leadTimeDays', e.currentTarget.value)}
                  error={place.fieldError('leadTimeDays')}
                />
                <ZonedDateTimeInput
                  label={t('bid.validUntil')}
                  required
                  timeZone={tz}
                  value={form.validUntil}
                  onChange={(v) => set('validUntil', v)}
                  error={place.fieldError('validUntil')}
                />
              </SimpleGrid>
              <Textarea
                label={t('bid.notes')}
                autosize
                minRows={2}
                value={form.notes}
                onChange={(e) => set('notes', e.currentTarget.value)}
                error={place.fieldError('notes')}
              />
              <Text size="sm" fw={500}>
                {t('terms.own')}
              </Text>
              <TermsFields value={form.terms} onChange={(x) => set('terms', x)} error={place.fieldError} />
              <FileDrop
                purpose="bid"
                label={t('files.title')}
                files={form.attachments}
                onChange={(x) => set('attachments', x)}
                onBusy={setUploading}
              />
              {place.error ? <ProblemAlert error={place.error} unclaimed={place.unclaimed()} /> : null}
              {withdraw.error ? <ProblemAlert error={withdraw.error} /> : null}
              <Group justify="flex-end">
                {live && (
                  <Button
                    variant="default"
                    color="red"
                    loading={withdraw.pending}
                    onClick={() => void withdraw.submit()}
                    data-testid="bid-withdraw"
                  >
                    {t('bid.withdraw')}
                  </Button>
                )}
                <Button type="submit" loading={place.pending} disabled={uploading} data-testid="bid-submit">
                  {live ? t('bid.revise') : t('bid.place')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : bid ? (
          <Stack gap="xs">
            <TermsSummary delivery={bid.delivery} paymentTerms={bid.paymentTerms} />
            <FileList files={bid.attachments} />
          </Stack>
        ) : (
          <Text c="dimmed">{t('bid.closedNoBid')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
