import {
  Button,
  Checkbox,
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
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useMyMemberships, usePark, useParks } from '../../api/queries';
import type { Attachment, Chain, Need } from '../../api/types';
import { CategoryLabel, CategoryPicker } from '../../components/category';
import { FileDrop } from '../../components/files';
import { CertificateKindsInput, etagFor, UnitSelect } from '../../components/inputs';
import { Page } from '../../components/page';
import { ParkName, ParkSelect } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { useQuantityText } from '../../components/quantity';
import { Loading } from '../../components/query-state';
import { emptyTerms, TermsFields, termsBody } from '../../components/terms';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { ZonedDateTimeInput } from '../../components/zoned-input';
import { parseQuantityInput } from '../../format/money';
import { utcToZonedInput, zonedInputToUtc } from '../../format/zoned-time';
import { useI18n } from '../../i18n/i18n';
import { needsKey } from './needs.page';

const inThreeDays = () =>
  new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000).toISOString();

/** Post a need: from one input of the tenant's production chain (prefilled), or from scratch. */
export default function NeedFormPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const quantityText = useQuantityText();
  const [params] = useSearchParams();
  const chainId = params.get('chainId');
  const inputId = params.get('inputId');
  const fromChain = !!(chainId && inputId);
  const chain = useQuery({
    queryKey: ['chains', chainId],
    queryFn: () => api.get<Chain>(`/v1/chains/${chainId}`),
    enabled: fromChain,
  });
  const input = chain.data?.inputs.find((i) => i.inputId === inputId);
  const parks = useParks();
  const memberships = useMyMemberships();
  const draft = useDraft(`need.${chainId ?? 'scratch'}.${inputId ?? ''}`, () => ({
    title: '',
    description: '',
    category: '',
    quantity: '',
    unit: 't',
    parkId: '',
    currency: '',
    closesAt: '',
    mode: 'sealed',
    visibility: 'public',
    parkFirstHours: '0',
    requiredCertificates: [] as string[],
    recurring: true,
    publish: true,
    terms: emptyTerms,
    attachments: [] as Attachment[],
  }));
  const v = draft.value;
  const [uploading, setUploading] = useState(false);
  const parkId = fromChain ? chain.data?.parkId : v.parkId;
  const { park } = usePark(parkId || undefined);
  const tz = park?.timeZone ?? 'UTC';
  const closesLocal = v.closesAt || (park ? utcToZonedInput(inThreeDays(), tz) : '');
  const closesAt = zonedInputToUtc(closesLocal, tz) ?? closesLocal;
  const currency = v.currency || park?.currency || '';
  const quantity = parseQuantityInput(v.quantity) ?? (v.quantity.trim() ? v.quantity : undefined);
  const common = {
    closesAt,
    mode: v.mode,
    visibility: v.visibility,
    parkFirstHours: Number(v.parkFirstHours) || 0,
    requiredCertificates: v.requiredCertificates,
    ...termsBody(v.terms),
    ...(v.attachments.length ? { attachments: v.attachments.map((a) => a.attachmentId) } : {}),
  };

  const saved = useRef<Need | null>(null);
  const s = useSubmit(
    async (key) => {
      if (fromChain) {
        return api.post<Need>(
          `/v1/chains/${chainId}/inputs/${inputId}/need`,
          {
            ...common,
            ...(v.title.trim() ? { title: v.title } : {}),
            ...(v.description.trim() ? { description: v.description } : {}),
            ...(quantity !== undefined ? { quantity } : {}),
            ...(v.currency ? { currency: v.currency } : {}),
            recurring: v.recurring,
            publish: v.publish,
          },
          { idempotencyKey: key },
        );
      }
      const body = {
        ...common,
        title: v.title,
        description: v.description,
        category: v.category,
        quantity,
        unit: v.unit,
        parkId: v.parkId,
        currency,
      };
      // A publish that fails (a close too soon) leaves the draft saved: the form stays, shows why at
      // the field, and the next try edits that same draft instead of making a second one.
      const prior = saved.current;
      const need = prior
        ? await api.patch<Need>(`/v1/needs/${prior.needId}`, body, { ifMatch: etagFor(prior) })
        : await api.post<Need>('/v1/needs', body, { idempotencyKey: key });
      saved.current = need;
      if (!v.publish) return need;
      return api.post<Need>(`/v1/needs/${need.needId}/publish`, undefined, { ifMatch: etagFor(need) });
    },
    {
      invalidate: [needsKey],
      onSuccess: (need) => {
        draft.clear();
        navigate(`/needs/${need.needId}`);
      },
    },
  );

  if (fromChain && chain.error) return <ProblemAlert error={chain.error} onRetry={() => chain.refetch()} />;
  if (fromChain && !chain.data) return <Loading />;

  const tenantParks = (parks.data ?? []).filter((p) =>
    (memberships.data ?? []).some(
      (m) => m.parkId === p.parkId && m.status === 'approved' && m.as.includes('tenant'),
    ),
  );

  return (
    <Page title={t('need.new')}>
      {fromChain && input && (
        <Paper withBorder p="md" bg="gray.0" data-testid="need-from-input">
          <Stack gap={4}>
            <Text fw={600}>{t('need.fromInput', { output: chain.data?.output.name ?? '' })}</Text>
            <Text size="sm">
              <CategoryLabel code={input.category} /> · {input.name ?? ''}
            </Text>
            <Text size="sm">
              {t('need.inputPerPeriod', {
                quantity: quantityText(input.quantity, input.unit),
                period: t(`period.${input.period}`),
              })}{' '}
              · <ParkName parkId={chain.data?.parkId} />
            </Text>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md">
        <form onSubmit={s.onSubmit}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('need.titleField')}
                description={fromChain ? t('need.titleFromInput') : undefined}
                required={!fromChain}
                value={v.title}
                onChange={(e) => draft.set('title', e.currentTarget.value)}
                error={s.fieldError('title')}
                data-testid="need-title"
              />
              {!fromChain && (
                <ParkSelect
                  label={t('need.deliveryPark')}
                  required
                  value={v.parkId}
                  onChange={(x) => draft.set('parkId', x)}
                  parks={tenantParks}
                  error={s.fieldError('parkId')}
                />
              )}
              {!fromChain && (
                <CategoryPicker
                  label={t('common.category')}
                  required
                  value={v.category}
                  onChange={(x) => draft.set('category', x)}
                  error={s.fieldError('category')}
                />
              )}
              <TextInput
                label={t('common.quantity')}
                description={fromChain ? t('need.quantityFromInput') : undefined}
                required={!fromChain}
                inputMode="decimal"
                value={v.quantity}
                onChange={(e) => draft.set('quantity', e.currentTarget.value)}
                error={s.fieldError('quantity')}
              />
              {!fromChain && (
                <UnitSelect
                  label={t('common.unit')}
                  value={v.unit}
                  onChange={(x) => draft.set('unit', x)}
                  error={s.fieldError('unit')}
                />
              )}
              <TextInput
                label={t('need.currency')}
                maxLength={3}
                value={currency}
                onChange={(e) => draft.set('currency', e.currentTarget.value.toUpperCase())}
                error={s.fieldError('currency')}
              />
              <ZonedDateTimeInput
                label={t('need.closesAt')}
                required
                timeZone={tz}
                value={closesLocal}
                onChange={(x) => draft.set('closesAt', x)}
                error={s.fieldError('closesAt')}
                testId="need-closes-at"
              />
            </SimpleGrid>
            <Textarea
              label={t('common.description')}
              required={!fromChain}
              autosize
              minRows={3}
              value={v.description}
              onChange={(e) => draft.set('description', e.currentTarget.value)}
              error={s.fieldError('description')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="need-mode-label">
                {t('need.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="need-mode-label"
                value={v.mode}
                onChange={(x) => draft.set('mode', x)}
                data={[
                  { value: 'sealed', label: t('need.mode.sealed') },
                  { value: 'auction', label: t('need.mode.auction') },
                ]}
                w="fit-content"
              />
              <Text size="xs" c="dimmed">
                {t(v.mode === 'auction' ? 'need.mode.auctionHint' : 'need.mode.sealedHint')}
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('need.visibility')}
                value={v.visibility}
                onChange={(e) => draft.set('visibility', e.currentTarget.value)}
                data={[
                  { value: 'public', label: t('need.visibility.public') },
                  { value: 'park', label: t('need.visibility.park') },
                ]}
                error={s.fieldError('visibility')}
              />
              <TextInput
                label={t('need.parkFirstHours')}
                description={t('need.parkFirstHoursHint')}
                inputMode="numeric"
                value={v.parkFirstHours}
                onChange={(e) => draft.set('parkFirstHours', e.currentTarget.value)}
                error={s.fieldError('parkFirstHours')}
              />
            </SimpleGrid>
            <CertificateKindsInput
              label={t('need.requiredCertificates')}
              value={v.requiredCertificates}
              onChange={(x) => draft.set('requiredCertificates', x)}
              error={s.fieldError('requiredCertificates')}
            />
            <Text size="sm" fw={500}>
              {t('terms.title')}
            </Text>
            <TermsFields value={v.terms} onChange={(x) => draft.set('terms', x)} error={s.fieldError} />
            <FileDrop
              purpose="need"
              label={t('files.title')}
              files={v.attachments}
              onChange={(x) => draft.set('attachments', x)}
              onBusy={setUploading}
            />
            {fromChain && (
              <Checkbox
                label={t('need.recurring')}
                checked={v.recurring}
                onChange={(e) => draft.set('recurring', e.currentTarget.checked)}
              />
            )}
            <Checkbox
              label={t('need.publishNow')}
              checked={v.publish}
              onChange={(e) => draft.set('publish', e.currentTarget.checked)}
              data-testid="need-publish"
            />
            {s.error && saved.current ? (
              <Text size="sm" c="orange.9" data-testid="need-saved-not-published">
                {t('need.savedNotPublished')}
              </Text>
            ) : null}
            {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={s.pending} disabled={uploading} data-testid="need-submit">
                {v.publish ? t('need.postAndPublish') : t('need.saveDraft')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
