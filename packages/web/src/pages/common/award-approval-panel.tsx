import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { keys, useAwardRequests, useMyMemberships, useParks } from '../../api/queries';
import type { Org } from '../../api/types';
import { MoneyInput } from '../../components/inputs';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { useSubmit } from '../../components/use-submit';
import { moneyInputValue, parseMoneyInput } from '../../format/money';
import { useI18n } from '../../i18n/i18n';

/**
 * Four eyes on large awards (the admins'): above the threshold a non-admin's award waits for another
 * admin, and the awards waiting are listed here.
 */
export function AwardApprovalPanel(props: { org: Org }) {
  const { t, fmt } = useI18n();
  const { org } = props;
  const parks = useParks();
  const memberships = useMyMemberships();
  const parkCurrency = (parks.data ?? []).find((p) =>
    (memberships.data ?? []).some((m) => m.parkId === p.parkId && m.status === 'approved'),
  )?.currency;
  const current = org.awardApprovalAbove ?? null;
  const [currency, setCurrency] = useState(current?.currency ?? '');
  const [amount, setAmount] = useState(current ? moneyInputValue(current.amount, current.currency) : '');
  const cur = currency || parkCurrency || 'IRR';
  const requests = useAwardRequests(org.orgId, true);
  const s = useSubmit(
    () => {
      const minor = amount.trim() ? parseMoneyInput(amount, cur, fmt.locale) : null;
      return api.patch<Org>(
        `/v1/orgs/${org.orgId}`,
        { awardApprovalAbove: amount.trim() ? { amount: minor ?? amount, currency: cur } : null },
        { ifMatch: `"v${org.version}"` },
      );
    },
    { invalidate: [keys.org(org.orgId)] },
  );
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('fourEyes.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('fourEyes.hint')}
      </Text>
      <Paper withBorder p="md">
        <form onSubmit={s.onSubmit} data-testid="four-eyes-form">
          <Stack gap="sm">
            <Group align="flex-end" wrap="wrap">
              <MoneyInput
                label={t('fourEyes.threshold')}
                value={amount}
                currency={cur}
                onChange={setAmount}
                error={s.fieldError('awardApprovalAbove', 'awardApprovalAbove.amount')}
                testId="four-eyes-amount"
              />
              <TextInput
                label={t('fourEyes.currency')}
                maxLength={3}
                w={90}
                value={currency}
                placeholder={cur}
                onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
                error={s.fieldError('awardApprovalAbove.currency')}
              />
              <Button type="submit" loading={s.pending} data-testid="four-eyes-save">
                {t('fourEyes.save')}
              </Button>
            </Group>
            <Text size="sm">
              {current ? t('fourEyes.current', { amount: fmt.money(current) }) : t('fourEyes.off')}
            </Text>
            {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
          </Stack>
        </form>
      </Paper>
      <Title order={3} size="h5">
        {t('fourEyes.waiting')}
      </Title>
      <QueryState
        query={requests}
        isEmpty={(d) => !d.length}
        empty={<Empty title={t('fourEyes.waitingNone')} />}
      >
        {(items) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="award-requests">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fourEyes.need')}</Table.Th>
                  <Table.Th>{t('bid.total')}</Table.Th>
                  <Table.Th>{t('fourEyes.askedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.requestId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/needs/${r.needId}`}>
                        {r.needTitle}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="numeric">{fmt.money(r.total)}</Table.Td>
                    <Table.Td>{fmt.dateTime(r.requestedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
