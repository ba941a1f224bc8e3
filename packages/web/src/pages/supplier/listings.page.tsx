import { Anchor, Button, Group, Table } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Listing } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { CategoryLabel } from '../../components/category';
import { etagFor } from '../../components/inputs';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { useQuantityText } from '../../components/quantity';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useI18n } from '../../i18n/i18n';

export const listingsKey = ['listings', 'mine'] as const;

export default function ListingsPage() {
  const { t, fmt } = useI18n();
  const can = useAbilities();
  const quantityText = useQuantityText();
  const queryClient = useQueryClient();
  const listings = useQuery({
    queryKey: listingsKey,
    queryFn: () => allPages<Listing>('/v1/listings', { mine: 'true' }),
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function act(l: Listing, action: 'pause' | 'resume' | 'withdraw') {
    setBusy(l.listingId);
    setError(null);
    try {
      if (action === 'withdraw') await api.delete(`/v1/listings/${l.listingId}`, { ifMatch: etagFor(l) });
      else
        await api.patch(
          `/v1/listings/${l.listingId}`,
          { status: action === 'pause' ? 'paused' : 'active' },
          { ifMatch: etagFor(l) },
        );
      await queryClient.invalidateQueries({ queryKey: listingsKey });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Page
      title={t('listing.title')}
      actions={
        can.sell ? (
          <Button component={Link} to="/listings/new" data-testid="new-listing">
            {t('listing.new')}
          </Button>
        ) : undefined
      }
    >
      {error ? <ProblemAlert error={error} /> : null}
      <QueryState
        query={listings}
        isEmpty={(l) => l.length === 0}
        empty={<Empty title={t('listing.none')} hint={t('listing.noneHint')} />}
      >
        {(list) => (
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover data-testid="my-listings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('listing.titleField')}</Table.Th>
                  <Table.Th>{t('listing.kind')}</Table.Th>
                  <Table.Th>{t('common.category')}</Table.Th>
                  <Table.Th>{t('listing.capacity')}</Table.Th>
                  <Table.Th>{t('listing.price')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((l) => (
                  <Table.Tr key={l.listingId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/listings/${l.listingId}`}>
                        {l.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`listing.kind.${l.kind}`)}</Table.Td>
                    <Table.Td>
                      <CategoryLabel code={l.category} />
                    </Table.Td>
                    <Table.Td>
                      {l.capacityPerPeriod !== undefined
                        ? `${quantityText(l.capacityPerPeriod, l.unit)}${l.period ? ` / ${t(`period.${l.period}`)}` : ''}`
                        : '—'}
                    </Table.Td>
                    <Table.Td className="numeric">
                      {l.indicativePrice ? fmt.money(l.indicativePrice) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={l.status === 'paused' ? 'inactive' : l.status} />
                    </Table.Td>
                    <Table.Td>
                      {can.sell ? (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="default"
                            loading={busy === l.listingId}
                            onClick={() => void act(l, l.status === 'paused' ? 'resume' : 'pause')}
                          >
                            {l.status === 'paused' ? t('listing.resume') : t('listing.pause')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => void act(l, 'withdraw')}
                          >
                            {t('listing.withdraw')}
                          </Button>
                        </Group>
                      ) : null}
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
