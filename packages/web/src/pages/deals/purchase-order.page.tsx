import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useCurrencies } from '../../api/queries';
import type { PurchaseOrder, PurchaseOrderParty } from '../../api/types';
import { CategoryLabel } from '../../components/category';
import { localName } from '../../components/park';
import { useProblemText } from '../../components/problem';
import { useQuantityText } from '../../components/quantity';
import { useTermsText } from '../../components/terms';
import { UserText } from '../../components/user-text';
import { useI18n } from '../../i18n/i18n';
import './purchase-order.css';

function Party(props: { label: string; party: PurchaseOrderParty; testId: string }) {
  const { lang } = useI18n();
  return (
    <div className="po-party" data-testid={props.testId}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {props.label}
      </Text>
      <Text fw={700}>
        <UserText>{localName(props.party.name, props.party.names, lang)}</UserText>
      </Text>
      <Text size="sm">
        <UserText>{[props.party.city, props.party.country].filter(Boolean).join(', ')}</UserText>
      </Text>
    </div>
  );
}

/**
 * The purchase order, to print: A4, in the reader's language and script direction (right to left
 * for Persian), both parties, the lines, the total and the agreed terms. The screen chrome is left
 * out; the print stylesheet hides the button row.
 */
export default function PurchaseOrderPage() {
  const { dealId = '' } = useParams();
  const { t, fmt } = useI18n();
  const quantityText = useQuantityText();
  const terms = useTermsText();
  const problem = useProblemText();
  const po = useQuery({
    queryKey: ['deals', dealId, 'purchase-order'],
    queryFn: () => api.get<PurchaseOrder>(`/v1/deals/${dealId}/purchase-order`),
  });
  // Printed outside the shell: it loads the currencies' exponents itself.
  const currencies = useCurrencies(true);
  const error = po.error ?? currencies.error;
  if (error) return <Alert color="red">{problem(error).title}</Alert>;
  if (!po.data || !currencies.isSuccess) return <Loader m="xl" />;
  const o = po.data;
  return (
    <main className="po-sheet" data-testid="purchase-order">
      <Group justify="space-between" className="po-no-print" mb="md">
        <Button component={Link} to={`/deals/${dealId}`} variant="default">
          {t('po.deal')}
        </Button>
        <Button onClick={() => window.print()} data-testid="po-print">
          {t('po.print')}
        </Button>
      </Group>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h2">
            {t('po.title')}
          </Title>
          <Stack gap={0} align="flex-end">
            <Text size="sm">
              {t('po.number')}: <b data-testid="po-number">{o.number}</b>
            </Text>
            <Text size="sm">
              {t('po.issued')}: {fmt.date(o.issuedAt)}
            </Text>
          </Stack>
        </Group>
        <Group grow align="flex-start">
          <Party label={t('po.buyer')} party={o.buyer} testId="po-buyer" />
          <Party label={t('po.seller')} party={o.seller} testId="po-seller" />
        </Group>
        <Table withTableBorder withColumnBorders className="po-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('po.description')}</Table.Th>
              <Table.Th>{t('po.category')}</Table.Th>
              <Table.Th className="numeric">{t('po.quantity')}</Table.Th>
              <Table.Th className="numeric">{t('po.unitPrice')}</Table.Th>
              <Table.Th className="numeric">{t('po.lineTotal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.lines.map((l) => (
              <Table.Tr key={`${l.description}|${l.category}`}>
                <Table.Td>
                  <UserText>{l.description}</UserText>
                </Table.Td>
                <Table.Td>
                  <CategoryLabel code={l.category} />
                </Table.Td>
                <Table.Td className="numeric">{quantityText(l.quantity, l.unit)}</Table.Td>
                <Table.Td className="numeric">{fmt.money(l.unitPrice)}</Table.Td>
                <Table.Td className="numeric">{fmt.money(l.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4}>{t('po.total')}</Table.Th>
              <Table.Th className="numeric" data-testid="po-total">
                {fmt.money(o.total)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        <Table className="po-terms">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('terms.delivery')}</Table.Th>
              <Table.Td data-testid="po-delivery">{terms.delivery(o.delivery)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('terms.payment')}</Table.Th>
              <Table.Td data-testid="po-payment">{terms.payment(o.paymentTerms)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('po.dueBy')}</Table.Th>
              <Table.Td>
                {fmt.date(o.dueBy)} · {t('po.leadTime', { days: fmt.number(o.leadTimeDays) })}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group grow mt="xl" className="po-signatures">
          <Text size="sm">{t('po.signatures')}</Text>
          <Text size="sm">{t('po.signaturesSeller')}</Text>
        </Group>
      </Stack>
    </main>
  );
}
