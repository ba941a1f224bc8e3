import { Anchor, Button, Group, SegmentedControl, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { allPages, useParks } from '../../api/queries';
import type { Need } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { CategoryLabel } from '../../components/category';
import { Page } from '../../components/page';
import { ParkName } from '../../components/park';
import { useQuantityText } from '../../components/quantity';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useI18n } from '../../i18n/i18n';

export const needsKey = ['needs', 'mine'] as const;
const FILTERS = ['all', 'draft', 'open', 'closed', 'awarded', 'cancelled'] as const;

/** The tenant's home: its needs, newest first, each with where it stands. */
export default function NeedsPage() {
  const { t, fmt } = useI18n();
  const can = useAbilities();
  const quantityText = useQuantityText();
  const parks = useParks();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const needs = useQuery({
    queryKey: [...needsKey, filter],
    queryFn: () =>
      allPages<Need>('/v1/needs', { mine: 'true', status: filter === 'all' ? undefined : filter }),
  });
  const zoneOf = (parkId: string) => parks.data?.find((p) => p.parkId === parkId)?.timeZone;
  return (
    <Page
      title={t('need.title')}
      actions={
        <Group gap="sm">
          {can.buy ? (
            <>
              <Button component={Link} to="/chains" variant="default">
                {t('need.fromChain')}
              </Button>
              <Button component={Link} to="/needs/new" data-testid="new-need">
                {t('need.new')}
              </Button>
            </>
          ) : null}
        </Group>
      }
    >
      <SegmentedControl
        aria-label={t('need.filter')}
        value={filter}
        onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
        data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('common.all') : t(`status.${f}`) }))}
        w="fit-content"
      />
      <QueryState
        query={needs}
        isEmpty={(n) => n.length === 0}
        empty={<Empty title={t('need.none')} hint={t('need.noneHint')} />}
      >
        {(list) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="my-needs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('need.titleField')}</Table.Th>
                  <Table.Th>{t('common.category')}</Table.Th>
                  <Table.Th>{t('common.quantity')}</Table.Th>
                  <Table.Th>{t('membership.park')}</Table.Th>
                  <Table.Th>{t('need.closesAt')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((n) => (
                  <Table.Tr key={n.needId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/needs/${n.needId}`}>
                        {n.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <CategoryLabel code={n.category} />
                    </Table.Td>
                    <Table.Td className="numeric">{quantityText(n.quantity, n.unit)}</Table.Td>
                    <Table.Td>
                      <ParkName parkId={n.parkId} />
                    </Table.Td>
                    <Table.Td>{fmt.dateTime(n.closesAt, zoneOf(n.parkId))}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={n.status} />
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
