import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useMyMemberships, useParks } from '../../api/queries';
import { LISTING_KINDS, type Listing } from '../../api/types';
import { CategoryPicker } from '../../components/category';
import {
  CertificateKindsInput,
  etagFor,
  MoneyInput,
  PeriodSelect,
  UnitSelect,
} from '../../components/inputs';
import { Page } from '../../components/page';
import { ParkSelect } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { moneyInputValue, parseMoneyInput, parseQuantityInput } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { listingsKey } from './listings.page';

const blank = () => ({
  loaded: false,
  kind: 'product',
  title: '',
  description: '',
  category: '',
  capacityPerPeriod: '',
  unit: 't',
  period: 'month',
  minOrder: '',
  price: '',
  currency: '',
  leadTimeDays: '7',
  scope: 'national',
  radiusKm: '',
  parkId: '',
  certificates: [] as string[],
  machineClass: '',
  availableFrom: '',
  availableUntil: '',
});
type Form = ReturnType<typeof blank>;

const fromListing = (l: Listing): Form => ({
  loaded: true,
  kind: l.kind,
  title: l.title,
  description: l.description,
  category: l.category,
  capacityPerPeriod: l.capacityPerPeriod === undefined ? '' : String(l.capacityPerPeriod),
  unit: l.unit,
  period: l.period ?? '',
  minOrder: l.minOrder === undefined ? '' : String(l.minOrder),
  price: l.indicativePrice ? moneyInputValue(l.indicativePrice.amount, l.indicativePrice.currency) : '',
  currency: l.indicativePrice?.currency ?? '',
  leadTimeDays: String(l.leadTimeDays),
  scope: l.serviceArea.scope,
  radiusKm: l.serviceArea.radiusKm === undefined ? '' : String(l.serviceArea.radiusKm),
  parkId: l.parkId ?? '',
  certificates: l.certificates,
  machineClass: l.machineClass ?? '',
  availableFrom: l.availableFrom ?? '',
  availableUntil: l.availableUntil ?? '',
});

/** A product, a service, or idle production capacity (machine class, free hours, dates). */
export default function ListingFormPage() {
  const { listingId = 'new' } = useParams();
  const isNew = listingId === 'new';
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const parks = useParks();
  const memberships = useMyMemberships();
  const existing = useQuery({
    queryKey: ['listings', listingId],
    queryFn: () => api.get<Listing>(`/v1/listings/${listingId}`),
    enabled: !isNew,
  });
  const draft = useDraft(`listing.${listingId}`, blank);
  const v = draft.value;
  useEffect(() => {
    if (existing.data && !v.loaded) draft.setValue(fromListing(existing.data));
  }, [existing.data, v.loaded, draft]);

  const myParks = (parks.data ?? []).filter((p) =>
    (memberships.data ?? []).some((m) => m.parkId === p.parkId && m.status === 'approved'),
  );
  const currency =
    v.currency || myParks.find((p) => p.parkId === v.parkId)?.currency || myParks[0]?.currency || '';
  const num = (s: string) => parseQuantityInput(s) ?? (s.trim() ? s : undefined);
  const body = () => {
    const price = v.price.trim() ? parseMoneyInput(v.price, currency, fmt.locale) : null;
    return {
      kind: v.kind,
      title: v.title,
      description: v.description,
      category: v.category,
      unit: v.unit,
      leadTimeDays: /^\d+$/.test(v.leadTimeDays) ? Number(v.leadTimeDays) : v.leadTimeDays,
      serviceArea: {
        scope: v.scope,
        ...(v.scope === 'radius' ? { radiusKm: Number(v.radiusKm) || v.radiusKm } : {}),
      },
      ...(v.capacityPerPeriod.trim() ? { capacityPerPeriod: num(v.capacityPerPeriod) } : {}),
      ...(v.period ? { period: v.period } : {}),
      ...(v.minOrder.trim() ? { minOrder: num(v.minOrder) } : {}),
      ...(v.price.trim() ? { indicativePrice: { amount: price ?? v.price, currency } } : {}),
      ...(v.certificates.length ? { certificates: v.certificates } : {}),
      ...(v.kind === 'capacity' && v.machineClass.trim() ? { machineClass: v.machineClass } : {}),
      ...(v.availableFrom ? { availableFrom: v.availableFrom } : {}),
      ...(v.availableUntil ? { availableUntil: v.availableUntil } : {}),
      ...(v.parkId ? { parkId: v.parkId } : {}),
    };
  };
  const s = useSubmit(
    (key) =>
      isNew
        ? api.post<Listing>('/v1/listings', body(), { idempotencyKey: key })
        : api.patch<Listing>(`/v1/listings/${listingId}`, body(), {
            ifMatch: etagFor(existing.data as Listing),
          }),
    {
      invalidate: [listingsKey, ['inbox']],
      onSuccess: () => {
        draft.clear();
        navigate('/listings');
      },
    },
  );

  if (existing.error) return <ProblemAlert error={existing.error} onRetry={() => existing.refetch()} />;
  if (!isNew && !v.loaded) return <Loading />;
  const capacity = v.kind === 'capacity';

  return (
    <Page title={isNew ? t('listing.new') : v.title}>
      <Paper withBorder p="md" maw={900}>
        <form onSubmit={s.onSubmit}>
          <Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="listing-kind-label">
                {t('listing.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="listing-kind-label"
                value={v.kind}
                onChange={(x) => draft.set('kind', x)}
                data={LISTING_KINDS.map((k) => ({ value: k, label: t(`listing.kind.${k}`) }))}
                w="fit-content"
              />
              {capacity && (
                <Text size="xs" c="dimmed">
                  {t('listing.capacityHint')}
                </Text>
              )}
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('listing.titleField')}
                required
                value={v.title}
                onChange={(e) => draft.set('title', e.currentTarget.value)}
                error={s.fieldError('title')}
                data-testid="listing-title"
              />
              <CategoryPicker
                label={t('common.category')}
                required
                value={v.category}
                onChange={(x) => draft.set('category', x)}
                error={s.fieldError('category')}
              />
              {capacity && (
                <TextInput
                  label={t('listing.machineClass')}
                  description={t('listing.machineClassHint')}
                  required
                  value={v.machineClass}
                  onChange={(e) => draft.set('machineClass', e.currentTarget.value)}
                  error={s.fieldError('machineClass')}
                />
              )}
              <TextInput
                label={capacity ? t('listing.freePerPeriod') : t('listing.capacity')}
                required={capacity}
                inputMode="decimal"
                value={v.capacityPerPeriod}
                onChange={(e) => draft.set('capacityPerPeriod', e.currentTarget.value)}
                error={s.fieldError('capacityPerPeriod')}
              />
              <UnitSelect
                label={t('common.unit')}
                value={v.unit}
                onChange={(x) => draft.set('unit', x)}
                error={s.fieldError('unit')}
              />
              <PeriodSelect
                label={t('common.period')}
                withEmpty
                value={v.period}
                onChange={(x) => draft.set('period', x)}
                error={s.fieldError('period')}
              />
              <TextInput
                label={t('listing.minOrder')}
                inputMode="decimal"
                value={v.minOrder}
                onChange={(e) => draft.set('minOrder', e.currentTarget.value)}
                error={s.fieldError('minOrder')}
              />
              <MoneyInput
                label={t('listing.price')}
                currency={currency}
                value={v.price}
                onChange={(x) => draft.set('price', x)}
                error={s.fieldError('indicativePrice')}
              />
              <TextInput
                label={t('bid.leadTimeDays')}
                required
                inputMode="numeric"
                value={v.leadTimeDays}
                onChange={(e) => draft.set('leadTimeDays', e.currentTarget.value)}
                error={s.fieldError('leadTimeDays')}
              />
              <NativeSelect
                label={t('listing.serviceArea')}
                value={v.scope}
                onChange={(e) => draft.set('scope', e.currentTarget.value)}
                data={(['park', 'radius', 'national'] as const).map((x) => ({
                  value: x,
                  label: t(`listing.scope.${x}`),
                }))}
                error={s.fieldError('serviceArea.scope', 'serviceArea')}
              />
              {v.scope === 'radius' && (
                <TextInput
                  label={t('listing.radiusKm')}
                  required
                  inputMode="numeric"
                  value={v.radiusKm}
                  onChange={(e) => draft.set('radiusKm', e.currentTarget.value)}
                  error={s.fieldError('serviceArea.radiusKm', 'radiusKm')}
                />
              )}
              <ParkSelect
                label={t('listing.park')}
                value={v.parkId}
                onChange={(x) => draft.set('parkId', x)}
                parks={myParks}
                error={s.fieldError('parkId')}
              />
              {capacity && (
                <TextInput
                  label={t('listing.availableFrom')}
                  type="date"
                  value={v.availableFrom}
                  onChange={(e) => draft.set('availableFrom', e.currentTarget.value)}
                  error={s.fieldError('availableFrom')}
                />
              )}
              {capacity && (
                <TextInput
                  label={t('listing.availableUntil')}
                  type="date"
                  value={v.availableUntil}
                  onChange={(e) => draft.set('availableUntil', e.currentTarget.value)}
                  error={s.fieldError('availableUntil')}
                />
              )}
            </SimpleGrid>
            <Textarea
              label={t('common.description')}
              required
              autosize
              minRows={3}
              value={v.description}
              onChange={(e) => draft.set('description', e.currentTarget.value)}
              error={s.fieldError('description')}
            />
            <CertificateKindsInput
              label={t('listing.certificates')}
              description={t('listing.certificatesHint')}
              value={v.certificates}
              onChange={(x) => draft.set('certificates', x)}
              error={s.fieldError('certificates')}
            />
            {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate('/listings')}>
                {t('action.back')}
              </Button>
              <Button type="submit" loading={s.pending} data-testid="listing-submit">
                {isNew ? t('listing.publish') : t('action.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
