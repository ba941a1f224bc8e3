import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Need, NeedAmendment } from '../../api/types';
import { CategoryLabel, CategoryPicker } from '../../components/category';
import { CertificateKindsInput, etagFor, UnitSelect } from '../../components/inputs';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { parseQuantityInput } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { needsKey } from '../tenant/needs.page';
import { amendmentsKey, needKey } from './need-keys';

const FIELD_LABEL: Record<string, MessageKey> = {
  title: 'need.titleField',
  description: 'common.description',
  category: 'common.category',
  quantity: 'common.quantity',
  unit: 'common.unit',
  requiredCertificates: 'need.requiredCertificates',
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Amend an open need (its owner): only the fields that differ from the need are sent, with the
 * reason every bidder is told. Refusals land next to the field they name; the form is kept in
 * session storage until the amendment is saved, so nothing typed is lost.
 */
export function AmendForm(props: { need: Need; onDone: () => void }) {
  const { t } = useI18n();
  const { need } = props;
  const queryClient = useQueryClient();
  const initial = useCallback(
    () => ({
      title: need.title,
      description: need.description,
      category: need.category,
      quantity: String(need.quantity),
      unit: need.unit as string,
      requiredCertificates: [...need.requiredCertificates] as string[],
      reason: '',
    }),
    [need],
  );
  const draft = useDraft(`amend.${need.needId}.v${need.version}`, initial);
  const v = draft.value;
  const body = () => {
    const out: Record<string, unknown> = { reason: v.reason };
    if (v.title !== need.title) out.title = v.title;
    if (v.description !== need.description) out.description = v.description;
    if (v.category !== need.category) out.category = v.category;
    const quantity = parseQuantityInput(v.quantity);
    if (quantity !== need.quantity) out.quantity = quantity ?? v.quantity;
    if (v.unit !== need.unit) out.unit = v.unit;
    if (!sameSet(v.requiredCertificates, need.requiredCertificates))
      out.requiredCertificates = v.requiredCertificates;
    return out;
  };
  const s = useSubmit(
    () => api.post<Need>(`/v1/needs/${need.needId}/amend`, body(), { ifMatch: etagFor(need) }),
    {
      onSuccess: (n) => {
        draft.clear();
        queryClient.setQueryData(needKey(n.needId), n);
        void queryClient.invalidateQueries({ queryKey: amendmentsKey(n.needId) });
        void queryClient.invalidateQueries({ queryKey: needsKey });
        props.onDone();
      },
    },
  );
  return (
    <Paper withBorder p="md" data-testid="amend-form">
      <form onSubmit={s.onSubmit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('amend.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('amend.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('need.titleField')}
              value={v.title}
              onChange={(e) => draft.set('title', e.currentTarget.value)}
              error={s.fieldError('title')}
              data-testid="amend-title"
            />
            <CategoryPicker
              label={t('common.category')}
              value={v.category}
              onChange={(x) => draft.set('category', x)}
              error={s.fieldError('category')}
            />
            <TextInput
              label={t('common.quantity')}
              inputMode="decimal"
              value={v.quantity}
              onChange={(e) => draft.set('quantity', e.currentTarget.value)}
              error={s.fieldError('quantity')}
              data-testid="amend-quantity"
            />
            <UnitSelect
              label={t('common.unit')}
              value={v.unit}
              onChange={(x) => draft.set('unit', x)}
              error={s.fieldError('unit')}
            />
          </SimpleGrid>
          <Textarea
            label={t('common.description')}
            autosize
            minRows={2}
            value={v.description}
            onChange={(e) => draft.set('description', e.currentTarget.value)}
            error={s.fieldError('description')}
          />
          <CertificateKindsInput
            label={t('need.requiredCertificates')}
            value={v.requiredCertificates}
            onChange={(x) => draft.set('requiredCertificates', x)}
            error={s.fieldError('requiredCertificates')}
          />
          <Textarea
            label={t('amend.reason')}
            description={t('amend.reasonHint')}
            autosize
            minRows={2}
            value={v.reason}
            onChange={(e) => draft.set('reason', e.currentTarget.value)}
            error={s.fieldError('reason')}
            data-testid="amend-reason"
          />
          {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
          <Group justify="space-between">
            <Button
              variant="default"
              onClick={() => {
                draft.clear();
                s.reset();
              }}
            >
              {t('amend.reset')}
            </Button>
            <Button type="submit" loading={s.pending} data-testid="amend-submit">
              {t('amend.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ChangeValue(props: { field: string; value: unknown }) {
  const { tMaybe, fmt } = useI18n();
  const { field, value } = props;
  if (value === null || value === undefined) return <>—</>;
  if (field === 'category' && typeof value === 'string') return <CategoryLabel code={value} withCode />;
  if (field === 'quantity' && typeof value === 'number') return <>{fmt.number(value)}</>;
  if (field === 'unit' && typeof value === 'string') return <>{tMaybe(`unit.${value}`) ?? value}</>;
  if (Array.isArray(value)) {
    return (
      <>{value.length ? value.map((k) => tMaybe(`certificate.kind.${k}`) ?? String(k)).join(', ') : '—'}</>
    );
  }
  return <>{String(value)}</>;
}

/** Every amendment of a need, oldest first: what changed, from what to what, and why. */
export function AmendmentsPanel(props: { need: Need; timeZone: string }) {
  const { t, tMaybe, fmt } = useI18n();
  const { need } = props;
  const list = useQuery({
    queryKey: amendmentsKey(need.needId),
    queryFn: () => allPages<NeedAmendment>(`/v1/needs/${need.needId}/amendments`),
  });
  if (list.error) return <ProblemAlert error={list.error} onRetry={() => list.refetch()} />;
  if (!list.data) return <Loading />;
  return (
    <Stack gap="sm" data-testid="amendments">
      <Title order={2} size="h4">
        {t('amend.history', { count: fmt.number(list.data.length) })}
      </Title>
      {list.data.map((a) => (
        <Paper key={a.seq} withBorder p="sm" data-testid="amendment">
          <Stack gap={6}>
            <Group gap="xs">
              <Badge variant="light" color="grape" tt="none">
                {t('amend.number', { seq: fmt.number(a.seq) })}
              </Badge>
              <Text size="sm" c="dimmed">
                {fmt.dateTime(a.at, props.timeZone)}
              </Text>
            </Group>
            <Text size="sm" data-testid="amendment-reason">
              {t('amend.because', { reason: a.reason })}
            </Text>
            <Table fz="sm" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('amend.field')}</Table.Th>
                  <Table.Th>{t('amend.before')}</Table.Th>
                  <Table.Th>{t('amend.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td>
                      {FIELD_LABEL[c.field]
                        ? t(FIELD_LABEL[c.field] as MessageKey)
                        : (tMaybe(c.field) ?? c.field)}
                    </Table.Td>
                    <Table.Td>
                      <ChangeValue field={c.field} value={c.before} />
                    </Table.Td>
                    <Table.Td data-testid={`amendment-after-${c.field}`}>
                      <ChangeValue field={c.field} value={c.after} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {a.closesAtAfter !== a.closesAtBefore && (
              <Text size="xs" c="dimmed">
                {t('amend.closeMoved', { at: fmt.dateTime(a.closesAtAfter, props.timeZone) })}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
