import { Anchor, Table } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Booking } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { ConfirmButton } from '../../components/confirm';
import { Page } from '../../components/page';
import { ParkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { Countdown } from '../../components/time';
import { isolate } from '../../components/user-text';
import { useI18n } from '../../i18n/i18n';
import { myBookingsKey } from './expo-keys';

/** The firm's holds and bookings, with the time a hold has left and a way to cancel. */
export default function MyBookingsPage() {
  const { t, fmt } = useI18n();
  const can = useAbilities();
  const queryClient = useQueryClient();
  const bookings = useQuery({
    queryKey: myBookingsKey,
    queryFn: () => allPages<Booking>('/v1/bookings', { mine: 'true' }, 5),
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function cancel(b: Booking): Promise<boolean> {
    setBusy(b.bookingId);
    setError(null);
    try {
      await api.post(`/v1/bookings/${b.bookingId}/cancel`, {});
      await queryClient.invalidateQueries({ queryKey: myBookingsKey });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }
  return (
    <Page title={t('booking.title')}>
      {error ? <ProblemAlert error={error} /> : null}
      <QueryState
        query={bookings}
        isEmpty={(b) => b.length === 0}
        empty={
          <Empty
            title={t('booking.none')}
            hint={t('booking.noneHint')}
            action={
              <Anchor component={Link} to="/expos">
                {t('nav.expos')}
              </Anchor>
            }
          />
        }
      >
        {(list) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped data-testid="my-bookings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('booking.slot')}</Table.Th>
                  <Table.Th>{t('membership.park')}</Table.Th>
                  <Table.Th>{t('listing.price')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('booking.when')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((b) => (
                  <Table.Tr key={b.bookingId}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/expos/${b.expoId}?pavilion=${b.pavilionId}&slot=${b.slotId}`}
                      >
                        {b.slotCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ParkName parkId={b.parkId} />
                    </Table.Td>
                    <Table.Td className="numeric">{fmt.money(b.price)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={b.status} />
                    </Table.Td>
                    <Table.Td>
                      {b.status === 'held' ? (
                        <Countdown until={b.expiresAt} />
                      ) : (
                        fmt.dateTime(b.decidedAt ?? b.submittedAt ?? b.createdAt)
                      )}
                      {b.reason ? ` · ${b.reason}` : ''}
                    </Table.Td>
                    <Table.Td>
                      {can.book && ['held', 'requested', 'confirmed'].includes(b.status) && (
                        <ConfirmButton
                          label={t('booking.cancel')}
                          button={{ size: 'compact-xs', variant: 'subtle', color: 'red' }}
                          title={t('confirm.bookingCancel.title')}
                          message={t('confirm.bookingCancel.body', {
                            slot: isolate(b.slotCode),
                            price: fmt.money(b.price),
                          })}
                          confirmLabel={t('booking.cancel')}
                          danger
                          pending={busy === b.bookingId}
                          error={error}
                          onConfirm={() => cancel(b)}
                        />
                      )}
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
