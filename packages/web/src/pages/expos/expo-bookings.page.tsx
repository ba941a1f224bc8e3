import {
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Booking, ExpoStats } from '../../api/types';
import { ConfirmButton } from '../../components/confirm';
import { OrgName, useOrgName } from '../../components/org-name';
import { Page } from '../../components/page';
import { localName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { isolate } from '../../components/user-text';
import { useI18n } from '../../i18n/i18n';
import { expoBookingsKey, floorKey, statsKey } from './expo-keys';
import { useExpo } from './use-expo';

const FILTERS = ['requested', 'confirmed', 'held', 'rejected', 'cancelled', 'expired', 'all'] as const;

function Decision(props: { booking: Booking; expoId: string }) {
  const { t, fmt } = useI18n();
  const said = {
    slot: isolate(props.booking.slotCode),
    name: isolate(useOrgName(props.booking.orgId)),
    price: fmt.money(props.booking.price),
  };
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function decide(action: 'approve' | 'reject'): Promise<boolean> {
    setBusy(action);
    setError(null);
    try {
      await api.post(
        `/v1/bookings/${props.booking.bookingId}/${action}`,
        action === 'reject' ? { reason } : undefined,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['bookings', 'expo', props.expoId] }),
        queryClient.invalidateQueries({ queryKey: statsKey(props.expoId) }),
        queryClient.invalidateQueries({ queryKey: floorKey(props.expoId) }),
      ]);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <ConfirmButton
          label={t('action.approve')}
          button={{ size: 'compact-xs', 'data-testid': `approve-${props.booking.slotCode}` }}
          title={t('confirm.bookingApprove.title')}
          message={t('confirm.bookingApprove.body', said)}
          confirmLabel={t('action.approve')}
          pending={busy === 'approve'}
          error={error}
          onConfirm={() => decide('approve')}
        />
        <TextInput
          size="xs"
          aria-label={t('booking.rejectReasonFor', { slot: props.booking.slotCode })}
          placeholder={t('membership.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ConfirmButton
          label={t('action.reject')}
          button={{ size: 'compact-xs', variant: 'default', disabled: !reason.trim() }}
          title={t('confirm.bookingReject.title')}
          message={t('confirm.bookingReject.body', { ...said, reason: isolate(reason.trim()) })}
          confirmLabel={t('action.reject')}
          danger
          pending={busy === 'reject'}
          error={error}
          onConfirm={() => decide('reject')}
        />
      </Group>
      {error ? <ProblemAlert error={error} /> : null}
    </Stack>
  );
}

function Occupancy(props: { expoId: string }) {
  const { t, fmt } = useI18n();
  const stats = useQuery({
    queryKey: statsKey(props.expoId),
    queryFn: () => api.get<ExpoStats>(`/v1/expos/${props.expoId}/stats`),
  });
  return (
    <QueryState query={stats}>
      {(s) => (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('occupancy.title')}
            </Title>
            {s.pavilions.length === 0 ? (
              <Text c="dimmed">{t('floor.noPavilions')}</Text>
            ) : (
              <Stack gap="sm" data-testid="occupancy">
                {s.pavilions.map((p) => (
                  <Stack key={p.pavilionId} gap={2}>
                    <Group justify="space-between">
                      <Text size="sm" fw={600}>
                        {p.name}
                      </Text>
                      <Text size="sm">{fmt.percent(p.occupancy)}</Text>
                    </Group>
                    <Progress value={p.occupancy * 100} aria-label={t('occupancy.of', { name: p.name })} />
                    <Text size="xs" c="dimmed">
                      {t('occupancy.detail', {
                        booked: fmt.number(p.bookedArea),
                        total: fmt.number(p.slotArea),
                        slots: fmt.number(p.slots.total),
                        requested: fmt.number(p.slots.requested),
                      })}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('occupancy.revenue')}
            </Title>
            {s.revenue.length === 0 ? (
              <Text c="dimmed">—</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('park.currency')}</Table.Th>
                    <Table.Th>{t('status.confirmed')}</Table.Th>
                    <Table.Th>{t('status.requested')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.revenue.map((r) => (
                    <Table.Tr key={r.currency}>
                      <Table.Td>{r.currency}</Table.Td>
                      <Table.Td className="numeric">
                        {fmt.money({ amount: r.confirmed, currency: r.currency })}
                      </Table.Td>
                      <Table.Td className="numeric">
                        {fmt.money({ amount: r.pending, currency: r.currency })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </SimpleGrid>
      )}
    </QueryState>
  );
}

/** The operator's desk for one expo: occupancy and revenue, and the bookings to approve. */
export default function ExpoBookingsPage() {
  const { expoId = '' } = useParams();
  const { t, lang, fmt } = useI18n();
  const expo = useExpo(expoId);
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('requested');
  const bookings = useQuery({
    queryKey: [...expoBookingsKey(expoId), filter],
    queryFn: () =>
      allPages<Booking>(`/v1/expos/${expoId}/bookings`, { status: filter === 'all' ? undefined : filter }),
  });
  if (expo.error) return <ProblemAlert error={expo.error} />;
  if (!expo.data) return <Loading />;
  return (
    <Page
      title={t('expo.bookingsOf', { name: localName(expo.data.name, expo.data.names, lang) })}
      actions={
        <Button component={Link} to={`/expos/${expoId}`} variant="default">
          {t('expo.floorPlan')}
        </Button>
      }
    >
      <Occupancy expoId={expoId} />
      <SegmentedControl
        aria-label={t('booking.filter')}
        value={filter}
        onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
        data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('common.all') : t(`status.${f}`) }))}
        w="fit-content"
      />
      <QueryState
        query={bookings}
        isEmpty={(b) => b.length === 0}
        empty={<Empty title={t('booking.noneWithStatus')} />}
      >
        {(list) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm" data-testid="expo-bookings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('booking.slot')}</Table.Th>
                  <Table.Th>{t('membership.firm')}</Table.Th>
                  <Table.Th>{t('booking.displayName')}</Table.Th>
                  <Table.Th>{t('listing.price')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('booking.submittedAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((b) => (
                  <Table.Tr key={b.bookingId} data-testid={`booking-${b.slotCode}`}>
                    <Table.Td>{b.slotCode}</Table.Td>
                    <Table.Td>
                      <OrgName orgId={b.orgId} />
                    </Table.Td>
                    <Table.Td>{b.exhibitor?.displayName ?? '—'}</Table.Td>
                    <Table.Td className="numeric">{fmt.money(b.price)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={b.status} />
                    </Table.Td>
                    <Table.Td>{fmt.dateTime(b.submittedAt, expo.data?.timeZone)}</Table.Td>
                    <Table.Td>
                      {b.status === 'requested' ? (
                        <Decision booking={b} expoId={expoId} />
                      ) : (
                        (b.reason ?? null)
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
