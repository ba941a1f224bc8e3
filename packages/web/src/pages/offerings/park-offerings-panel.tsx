import { Anchor, Button, Group, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { allPages } from '../../api/queries';
import type { Offering, Park } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useI18n } from '../../i18n/i18n';
import { OfferingForm } from './offering-form';
import { parkOfferingsKey } from './offering-keys';

/** The operator's offerings of a park, in every state, and the editor of a new one. */
export function ParkOfferingsPanel(props: { park: Park }) {
  const { t, fmt } = useI18n();
  const { park } = props;
  const [editing, setEditing] = useState(false);
  const can = useAbilities();
  const offerings = useQuery({
    queryKey: parkOfferingsKey(park.parkId),
    queryFn: () => allPages<Offering>(`/v1/parks/${park.parkId}/offerings`),
  });
  return (
    <Stack>
      {editing ? (
        <OfferingForm park={park} onDone={() => setEditing(false)} />
      ) : !can.operate ? null : (
        <Group>
          <Button onClick={() => setEditing(true)} data-testid="new-offering">
            {t('offering.new')}
          </Button>
        </Group>
      )}
      <QueryState
        query={offerings}
        isEmpty={(l) => l.length === 0}
        empty={<Empty title={t('offering.none')} hint={t('offering.noneHint')} />}
      >
        {(items) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="park-offerings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('offering.titleField')}</Table.Th>
                  <Table.Th>{t('offering.kind')}</Table.Th>
                  <Table.Th>{t('offering.area')}</Table.Th>
                  <Table.Th>{t('offering.reserve')}</Table.Th>
                  <Table.Th>{t('offering.closesAt')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.offeringId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/offerings/${o.offeringId}`}>
                        {o.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`offering.kind.${o.kind}`)}</Table.Td>
                    <Table.Td>{fmt.number(o.area)}</Table.Td>
                    <Table.Td>{fmt.money(o.reservePrice)}</Table.Td>
                    <Table.Td>{fmt.dateTime(o.closesAt, park.timeZone)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={o.status} />
                    </Table.Td>
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
