import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useMyMemberships, useParks } from '../../api/queries';
import { type Chain, INPUT_SOURCES } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { CategoryPicker } from '../../components/category';
import { etagFor, PeriodSelect, UnitSelect } from '../../components/inputs';
import { Page } from '../../components/page';
import { ParkSelect } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { useSubmit } from '../../components/use-submit';
import { parseQuantityInput } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { chainsKey } from './chains.page';

interface InputRow {
  inputId?: string;
  category: string;
  name: string;
  quantity: string;
  unit: string;
  period: string;
  source: string;
}

interface Form {
  parkId: string;
  output: { category: string; name: string; quantity: string; unit: string; period: string };
  inputs: InputRow[];
}

const emptyInput = (): InputRow => ({
  category: '',
  name: '',
  quantity: '',
  unit: 't',
  period: 'month',
  source: 'in_country',
});

const toForm = (c: Chain): Form => ({
  parkId: c.parkId,
  output: {
    category: c.output.category,
    name: c.output.name,
    quantity: c.output.quantity ? String(c.output.quantity) : '',
    unit: c.output.unit ?? '',
    period: c.output.period ?? '',
  },
  inputs: c.inputs.map((i) => ({
    inputId: i.inputId,
    category: i.category,
    name: i.name ?? '',
    quantity: String(i.quantity),
    unit: i.unit,
    period: i.period,
    source: i.source,
  })),
});

// Quantities the user typed are sent as typed when they do not parse: the server names the field.
const qty = (s: string) => parseQuantityInput(s) ?? (s.trim() ? s : undefined);

function body(f: Form, withPark: boolean) {
  const output = {
    category: f.output.category,
    name: f.output.name,
    ...(f.output.quantity.trim() ? { quantity: qty(f.output.quantity) } : {}),
    ...(f.output.unit ? { unit: f.output.unit } : {}),
    ...(f.output.period ? { period: f.output.period } : {}),
  };
  const inputs = f.inputs.map((i) => ({
    ...(i.inputId ? { inputId: i.inputId } : {}),
    category: i.category,
    ...(i.name.trim() ? { name: i.name } : {}),
    quantity: qty(i.quantity),
    unit: i.unit,
    period: i.period,
    source: i.source,
  }));
  return withPark
    ? {
        ...(f.parkId ? { parkId: f.parkId } : {}),
        output,
        inputs: inputs.map(({ inputId: _i, ...rest }) => rest),
      }
    : { output, inputs };
}

/** A tenant declares what it makes and the inputs it buys per period; each input can become a need. */
export default function ChainEditorPage() {
  const { chainId = 'new' } = useParams();
  const isNew = chainId === 'new';
  const { t } = useI18n();
  const can = useAbilities();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const parks = useParks();
  const memberships = useMyMemberships();
  const chain = useQuery({
    queryKey: ['chains', chainId],
    queryFn: () => api.get<Chain>(`/v1/chains/${chainId}`),
    enabled: !isNew,
  });
  const [form, setForm] = useState<Form | null>(
    isNew
      ? {
          parkId: '',
          output: { category: '', name: '', quantity: '', unit: '', period: '' },
          inputs: [emptyInput()],
        }
      : null,
  );
  // Edits not saved yet: an input becomes a need only from its saved state.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (chain.data && !form) setForm(toForm(chain.data));
  }, [chain.data, form]);

  const s = useSubmit(
    async (key) =>
      isNew
        ? api.post<Chain>('/v1/chains', body(form as Form, true), { idempotencyKey: key })
        : api.patch<Chain>(`/v1/chains/${chainId}`, body(form as Form, false), {
            ifMatch: etagFor(chain.data as Chain),
          }),
    {
      invalidate: [chainsKey],
      onSuccess: (c) => {
        queryClient.setQueryData(['chains', c.chainId], c);
        setForm(toForm(c));
        setDirty(false);
        if (isNew) navigate(`/chains/${c.chainId}`, { replace: true });
      },
    },
  );

  if (chain.error) return <ProblemAlert error={chain.error} onRetry={() => chain.refetch()} />;
  if (!form) return <Loading />;

  const tenantParks = (parks.data ?? []).filter((p) =>
    (memberships.data ?? []).some(
      (m) => m.parkId === p.parkId && m.status === 'approved' && m.as.includes('tenant'),
    ),
  );
  const setOutput = (k: keyof Form['output'], v: string) => {
    setDirty(true);
    setForm({ ...form, output: { ...form.output, [k]: v } });
  };
  const setInput = (i: number, k: keyof InputRow, v: string) => {
    setDirty(true);
    setForm({ ...form, inputs: form.inputs.map((row, j) => (j === i ? { ...row, [k]: v } : row)) });
  };

  return (
    <Page title={isNew ? t('chain.new') : form.output.name || t('chain.title')}>
      <form onSubmit={s.onSubmit}>
        <Stack>
          <Paper withBorder p="md">
            <Stack>
              <Title order={2} size="h4">
                {t('chain.output')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {isNew && (
                  <ParkSelect
                    label={t('membership.park')}
                    value={form.parkId}
                    onChange={(v) => setForm({ ...form, parkId: v })}
                    parks={tenantParks}
                    error={s.fieldError('parkId')}
                  />
                )}
                <TextInput
                  label={t('chain.outputName')}
                  required
                  value={form.output.name}
                  onChange={(e) => setOutput('name', e.currentTarget.value)}
                  error={s.fieldError('output.name')}
                  data-testid="chain-output-name"
                />
                <CategoryPicker
                  label={t('common.category')}
                  required
                  value={form.output.category}
                  onChange={(v) => setOutput('category', v)}
                  error={s.fieldError('output.category')}
                />
                <TextInput
                  label={t('chain.outputQuantity')}
                  inputMode="decimal"
                  value={form.output.quantity}
                  onChange={(e) => setOutput('quantity', e.currentTarget.value)}
                  error={s.fieldError('output.quantity')}
                />
                <UnitSelect
                  label={t('common.unit')}
                  withEmpty
                  value={form.output.unit}
                  onChange={(v) => setOutput('unit', v)}
                  error={s.fieldError('output.unit')}
                />
                <PeriodSelect
                  label={t('common.period')}
                  withEmpty
                  value={form.output.period}
                  onChange={(v) => setOutput('period', v)}
                  error={s.fieldError('output.period')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Group justify="space-between">
                <Title order={2} size="h4">
                  {t('chain.inputs')}
                </Title>
                {can.buy ? (
                  <Button
                    variant="light"
                    onClick={() => {
                      setDirty(true);
                      setForm({ ...form, inputs: [...form.inputs, emptyInput()] });
                    }}
                  >
                    {t('chain.addInput')}
                  </Button>
                ) : null}
              </Group>
              {form.inputs.length === 0 && <Text c="dimmed">{t('chain.noInputs')}</Text>}
              <Stack gap="sm" data-testid="chain-inputs">
                {form.inputs.map((row, i) => (
                  <Paper
                    key={row.inputId ?? `new-${i}`}
                    withBorder
                    p="sm"
                    bg="gray.0"
                    data-testid={`chain-input-${i}`}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                      <CategoryPicker
                        label={t('chain.inputCategory', { n: i + 1 })}
                        description=""
                        value={row.category}
                        onChange={(v) => setInput(i, 'category', v)}
                        error={s.fieldError(`inputs.${i}.category`)}
                        required
                      />
                      <TextInput
                        label={t('chain.inputNameN', { n: i + 1 })}
                        value={row.name}
                        onChange={(e) => setInput(i, 'name', e.currentTarget.value)}
                        error={s.fieldError(`inputs.${i}.name`)}
                      />
                      <TextInput
                        label={t('chain.inputQuantityN', { n: i + 1 })}
                        required
                        inputMode="decimal"
                        value={row.quantity}
                        onChange={(e) => setInput(i, 'quantity', e.currentTarget.value)}
                        error={s.fieldError(`inputs.${i}.quantity`)}
                      />
                      <UnitSelect
                        label={t('chain.inputUnitN', { n: i + 1 })}
                        value={row.unit}
                        onChange={(v) => setInput(i, 'unit', v)}
                        error={s.fieldError(`inputs.${i}.unit`)}
                      />
                      <PeriodSelect
                        label={t('chain.inputPeriodN', { n: i + 1 })}
                        value={row.period}
                        onChange={(v) => setInput(i, 'period', v)}
                        error={s.fieldError(`inputs.${i}.period`)}
                      />
                      <NativeSelect
                        label={t('chain.sourceN', { n: i + 1 })}
                        value={row.source}
                        onChange={(e) => setInput(i, 'source', e.currentTarget.value)}
                        data={INPUT_SOURCES.map((src) => ({ value: src, label: t(`source.${src}`) }))}
                        error={s.fieldError(`inputs.${i}.source`)}
                      />
                    </SimpleGrid>
                    {can.buy ? (
                      <Group justify="flex-end" gap="xs" mt="sm">
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-sm"
                          onClick={() => {
                            setDirty(true);
                            setForm({ ...form, inputs: form.inputs.filter((_, j) => j !== i) });
                          }}
                        >
                          {t('chain.removeInput', { n: i + 1 })}
                        </Button>
                        {row.inputId && !dirty && (
                          <Button
                            size="compact-sm"
                            component={Link}
                            to={`/needs/new?chainId=${chainId}&inputId=${row.inputId}`}
                            data-testid={`post-need-${i}`}
                          >
                            {t('chain.postNeed')}
                          </Button>
                        )}
                      </Group>
                    ) : null}
                  </Paper>
                ))}
              </Stack>
              {!isNew && dirty && (
                <Text size="sm" c="dimmed">
                  {t('chain.saveToPost')}
                </Text>
              )}
            </Stack>
          </Paper>
          {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
          <Group justify="flex-end">
            <Button component={Link} to="/chains" variant="default">
              {t('action.back')}
            </Button>
            {can.buy ? (
              <Button type="submit" loading={s.pending} data-testid="save-chain">
                {t('action.save')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
