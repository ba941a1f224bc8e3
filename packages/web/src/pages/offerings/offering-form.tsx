import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { OFFERING_KINDS, type Offering, type Park } from '../../api/types';
import { MoneyInput } from '../../components/inputs';
import { ProblemAlert } from '../../components/problem';
import { useSubmit } from '../../components/use-submit';
import { ZonedDateTimeInput } from '../../components/zoned-input';
import { parseMoneyInput } from '../../format/money';
import { zonedInputToUtc } from '../../format/zoned-time';
import { useI18n } from '../../i18n/i18n';
import { parkOfferingsKey } from './offering-keys';

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** The operator's editor of a new offering: what the space is, its terms, and how it is sold. */
export function OfferingForm(props: { park: Park; onDone: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { park } = props;
  const [f, setF] = useState({
    kind: 'idle_unit',
    title: '',
    description: '',
    area: '',
    powerKw: '',
    waterM3PerDay: '',
    gas: false,
    allowedCategories: '',
    terms: 'lease',
    leaseYears: '10',
    reserve: '',
    increment: '',
    mode: 'auction',
    closesAt: '',
  });
  const set = (k: keyof typeof f) => (v: string | boolean) => setF((x) => ({ ...x, [k]: v }));
  const money = (s: string) => {
    const amount = parseMoneyInput(s, park.currency, lang);
    return amount === null ? undefined : { amount, currency: park.currency };
  };
  const s = useSubmit(
    (key) => {
      const utilities = {
        ...(num(f.powerKw) !== undefined ? { powerKw: num(f.powerKw) } : {}),
        ...(num(f.waterM3PerDay) !== undefined ? { waterM3PerDay: num(f.waterM3PerDay) } : {}),
        gas: f.gas,
      };
      const categories = f.allowedCategories
        .split(/[\s,،、]+/)
        .map((c) => c.trim())
        .filter(Boolean);
      return api.post<Offering>(
        `/v1/parks/${park.parkId}/offerings`,
        {
          kind: f.kind,
          title: f.title,
          description: f.description,
          area: num(f.area),
          utilities,
          ...(categories.length ? { allowedCategories: categories } : {}),
          terms: f.terms,
          ...(f.terms === 'lease' ? { leaseYears: num(f.leaseYears) } : {}),
          reservePrice: money(f.reserve),
          ...(f.increment ? { minIncrement: money(f.increment) } : {}),
          mode: f.mode,
          closesAt: f.closesAt ? zonedInputToUtc(f.closesAt, park.timeZone) : undefined,
        },
        { idempotencyKey: key },
      );
    },
    {
      invalidate: [parkOfferingsKey(park.parkId)],
      onSuccess: (o) => navigate(`/offerings/${o.offeringId}`),
    },
  );
  return (
    <Paper withBorder p="md" component="form" onSubmit={s.onSubmit} data-testid="offering-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('offering.kind')}
            value={f.kind}
            onChange={(e) => set('kind')(e.currentTarget.value)}
            data={OFFERING_KINDS.map((k) => ({ value: k, label: t(`offering.kind.${k}`) }))}
            data-testid="offering-kind"
          />
          <TextInput
            label={t('offering.titleField')}
            required
            value={f.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={s.fieldError('title')}
            data-testid="offering-title"
          />
        </SimpleGrid>
        <Textarea
          label={t('offering.description')}
          required
          autosize
          minRows={2}
          value={f.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={s.fieldError('description')}
          data-testid="offering-description"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('offering.area')}
            required
            inputMode="decimal"
            value={f.area}
            onChange={(e) => set('area')(e.currentTarget.value)}
            error={s.fieldError('area')}
            data-testid="offering-area"
          />
          <TextInput
            label={t('offering.power')}
            inputMode="decimal"
            value={f.powerKw}
            onChange={(e) => set('powerKw')(e.currentTarget.value)}
            error={s.fieldError('utilities.powerKw')}
          />
          <TextInput
            label={t('offering.water')}
            inputMode="decimal"
            value={f.waterM3PerDay}
            onChange={(e) => set('waterM3PerDay')(e.currentTarget.value)}
            error={s.fieldError('utilities.waterM3PerDay')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('offering.gas')}
          checked={f.gas}
          onChange={(e) => set('gas')(e.currentTarget.checked)}
        />
        <TextInput
          label={t('offering.allowed')}
          description={t('offering.allowedHint')}
          value={f.allowedCategories}
          onChange={(e) => set('allowedCategories')(e.currentTarget.value)}
          error={s.fieldError('allowedCategories')}
          data-testid="offering-allowed"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('offering.terms')}
            value={f.terms}
            onChange={(e) => set('terms')(e.currentTarget.value)}
            data={[
              { value: 'lease', label: t('offering.terms.lease') },
              { value: 'sale', label: t('offering.terms.sale') },
            ]}
          />
          {f.terms === 'lease' && (
            <TextInput
              label={t('offering.leaseYears')}
              inputMode="numeric"
              value={f.leaseYears}
              onChange={(e) => set('leaseYears')(e.currentTarget.value)}
              error={s.fieldError('leaseYears')}
            />
          )}
          <MoneyInput
            label={t('offering.reserve')}
            required
            value={f.reserve}
            currency={park.currency}
            onChange={set('reserve')}
            error={s.fieldError('reservePrice')}
            testId="offering-reserve"
          />
          <MoneyInput
            label={t('offering.increment')}
            value={f.increment}
            currency={park.currency}
            onChange={set('increment')}
            error={s.fieldError('minIncrement')}
            testId="offering-increment"
          />
          <NativeSelect
            label={t('offering.modeField')}
            value={f.mode}
            onChange={(e) => set('mode')(e.currentTarget.value)}
            data={[
              { value: 'auction', label: t('offering.mode.auction') },
              { value: 'sealed', label: t('offering.mode.sealed') },
            ]}
            data-testid="offering-mode"
          />
          <ZonedDateTimeInput
            label={t('offering.closesAt')}
            required
            value={f.closesAt}
            onChange={set('closesAt')}
            timeZone={park.timeZone}
            error={s.fieldError('closesAt')}
            testId="offering-closes"
          />
        </SimpleGrid>
        {s.error ? <ProblemAlert error={s.error} /> : null}
        <Group>
          <Button type="submit" loading={s.pending} data-testid="offering-save">
            {t('offering.saveDraft')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('offering.discard')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
