import { Anchor, SegmentedControl, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { allPages } from '../../api/queries';
import type { Deal } from '../../api/types';
import { hasRole, useSession } from '../../auth/session';
import { OrgName } from '../../components/org-name';
import { Page } from '../../components/page';
import { ParkTime } from '../../components/park-time';
import { useQuantityText } from '../../components/quantity';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { UserText } from '../../components/user-text';
import { useI18n } from '../../i18n/i18n';

export default function DealsPage() {
  const { t, fmt } = useI18n();
  const session = useSession();
  const quantityText = useQuantityText();
  const both = hasRole(session, 'tenant') && hasRole(session, 'supplier');
  const [role, setRole] = useState<'buyer' | 'seller'>(hasRole(session, 'tenant') ? 'buyer' : 'seller');
  const deals = useQuery({ queryKey: ['deals', role], queryFn: () => allPages<Deal>('/v1/deals', { role }) });
  return (
    <Page title={t('deal.title')}>
      {both && (
        <SegmentedControl
          aria-label={t('deal.as')}
          value={role}
          onChange={(v) => setRole(v as 'buyer' | 'seller')}
          data={[
            { value: 'buyer', label: t('deal.asBuyer') },
            { value: 'seller', label: t('deal.asSeller') },
          ]}
          w="fit-content"
        />
      )}
      <QueryState
        query={deals}
        isEmpty={(d) => d.length === 0}
        empty={<Empty title={t('deal.none')} hint={t('deal.noneHint')} />}
      >
        {(list) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="deals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deal.subject')}</Table.Th>
                  <Table.Th>{role === 'buyer' ? t('deal.seller') : t('deal.buyer')}</Table.Th>
                  <Table.Th>{t('common.quantity')}</Table.Th>
                  <Table.Th>{t('bid.total')}</Table.Th>
                  <Table.Th>{t('deal.awardedAt')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((d) => (
                  <Table.Tr key={d.dealId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/deals/${d.dealId}`}>
                        <UserText>{d.title}</UserText>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <OrgName orgId={role === 'buyer' ? d.sellerOrgId : d.buyerOrgId} />
                    </Table.Td>
                    <Table.Td className="numeric">{quantityText(d.quantity, d.unit)}</Table.Td>
                    <Table.Td className="numeric">{fmt.money(d.total)}</Table.Td>
                    <Table.Td>
                      <ParkTime parkId={d.parkId} at={d.awardedAt} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={d.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Page>
  );
}
