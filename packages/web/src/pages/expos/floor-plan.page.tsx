import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Booking, FloorPavilion, FloorSlot } from '../../api/types';
import { abilitiesOf } from '../../auth/abilities';
import { useSession } from '../../auth/session';
import { CategoryLabel } from '../../components/category';
import { FloorLegend } from '../../components/floor-legend';
import { FloorPlanSvg } from '../../components/floor-plan-svg';
import { Page } from '../../components/page';
import { localName, ParkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { Countdown } from '../../components/time';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';
import { floorKey, myBookingsKey } from './expo-keys';
import { SubmitBookingForm } from './submit-booking-form';
import { useExpo, useFloorPlan } from './use-expo';

function SlotPanel(props: {
  expoId: string;
  slot: FloorSlot;
  bookings: Booking[];
  canBook: boolean;
  timeZone: string;
}) {
  const { t, fmt } = useI18n();
  const queryClient = useQueryClient();
  const { slot } = props;
  const [waitlisted, setWaitlisted] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: floorKey(props.expoId) });
    await queryClient.invalidateQueries({ queryKey: myBookingsKey });
  };
  // Which time slice the hold is for (null: the whole slot); read when the request is made.
  const slice = useRef<string | null>(null);
  const [sliceId, setSliceId] = useState<string | null>(null);
  const hold = useSubmit(
    (key) =>
      api.post<Booking>(
        `/v1/slots/${slot.slotId}/hold`,
        slice.current ? { sliceId: slice.current } : undefined,
        {
          idempotencyKey: key,
        },
      ),
    { onSuccess: () => void refresh() },
  );
  const waitlist = useSubmit(
    (key) => api.post(`/v1/slots/${slot.slotId}/waitlist`, undefined, { idempotencyKey: key }),
    {
      onSuccess: () => setWaitlisted(true),
    },
  );
  const mine = props.bookings.find(
    (b) => b.slotId === slot.slotId && ['held', 'requested', 'confirmed'].includes(b.status),
  );
  const held = mine?.status === 'held' && new Date(mine.expiresAt).getTime() > Date.now() ? mine : null;
  return (
    <Paper withBorder p="md" data-testid="slot-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('floor.slot', { code: slot.code })}
          </Title>
          <StatusBadge status={slot.status} />
        </Group>
        <Text size="sm">
          {t(`slot.kind.${slot.kind}`)} · {t('floor.area', { area: fmt.number(slot.area) })} ·{' '}
          {fmt.money(slot.price)}
        </Text>
        {slot.exhibitor && (
          <Text size="sm" data-testid="slot-exhibitor">
            {t('floor.exhibitor', { name: slot.exhibitor.displayName })}
          </Text>
        )}
        {mine && (
          <Badge variant="light" color="blue" w="fit-content">
            {t('floor.yours', { status: t(`status.${mine.status}`) })}
          </Badge>
        )}
        {held && (
          <Alert color="yellow" title={t('booking.heldTitle')}>
            <Stack gap="xs">
              <Text size="sm">
                {t('booking.heldUntil', { at: fmt.dateTime(held.expiresAt, props.timeZone) })} ·{' '}
                <Countdown until={held.expiresAt} testId="hold-countdown" />
              </Text>
              {props.canBook ? <SubmitBookingForm booking={held} onDone={() => void refresh()} /> : null}
            </Stack>
          </Alert>
        )}
        {props.canBook && slot.status === 'available' && !mine && slot.slices.length === 0 && (
          <Button
            loading={hold.pending}
            onClick={() => {
              slice.current = null;
              void hold.submit();
            }}
            data-testid="slot-hold"
          >
            {t('floor.hold')}
          </Button>
        )}
        {hold.error ? <ProblemAlert error={hold.error} /> : null}
        {hold.error instanceof ApiError && hold.error.status === 409 && (
          <Text size="sm" c="dimmed">
            {t('floor.takenMeanwhile')}
          </Text>
        )}
        {props.canBook && slot.status !== 'available' && !slot.mine && !waitlisted && (
          <Button
            variant="default"
            loading={waitlist.pending}
            onClick={() => void waitlist.submit()}
            data-testid="slot-waitlist"
          >
            {t('floor.joinWaitlist')}
          </Button>
        )}
        {waitlisted && <Alert color="blue">{t('floor.waitlisted')}</Alert>}
        {waitlist.error ? <ProblemAlert error={waitlist.error} /> : null}
        {slot.slices.length > 0 && (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('floor.slice')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('listing.price')}</Table.Th>
                {props.canBook && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slot.slices.map((sl) => (
                <Table.Tr key={sl.sliceId}>
                  <Table.Td>
                    {sl.label ??
                      `${fmt.dateTime(sl.startsAt, props.timeZone)} – ${fmt.dateTime(sl.endsAt, props.timeZone)}`}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={sl.status} />
                  </Table.Td>
                  <Table.Td>{fmt.money(sl.price)}</Table.Td>
                  {props.canBook && (
                    <Table.Td>
                      {sl.status === 'available' && !sl.mine && (
                        <Button
                          size="compact-xs"
                          loading={hold.pending && sliceId === sl.sliceId}
                          onClick={() => {
                            slice.current = sl.sliceId;
                            setSliceId(sl.sliceId);
                            void hold.submit();
                          }}
                        >
                          {t('floor.hold')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function PavilionView(props: {
  expoId: string;
  pavilion: FloorPavilion;
  bookings: Booking[];
  canBook: boolean;
  timeZone: string;
}) {
  const { t, lang, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const selected = props.pavilion.slots.find((s) => s.slotId === params.get('slot')) ?? null;
  const select = (s: FloorSlot) =>
    setParams({ pavilion: props.pavilion.pavilionId, slot: s.slotId }, { replace: true });
  const counts: Record<string, number> = {};
  for (const s of props.pavilion.slots) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="xs">
          <Group gap="xs">
            {props.pavilion.themes.map((c) => (
              <Badge key={c} variant="outline" color="gray" tt="none">
                <CategoryLabel code={c} />
              </Badge>
            ))}
          </Group>
          <FloorPlanSvg
            name={localName(props.pavilion.name, props.pavilion.names, lang)}
            floor={props.pavilion.floor}
            slots={props.pavilion.slots}
            selectedId={selected?.slotId}
            onSelect={select}
            testId="floor-plan"
          />
          <FloorLegend />
          <Text size="xs" c="dimmed">
            {t('floor.counts', {
              available: fmt.number(counts.available ?? 0),
              held: fmt.number(counts.held ?? 0),
              requested: fmt.number(counts.requested ?? 0),
              booked: fmt.number(counts.booked ?? 0),
            })}
          </Text>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        {selected ? (
          <SlotPanel
            expoId={props.expoId}
            slot={selected}
            bookings={props.bookings}
            canBook={props.canBook}
            timeZone={props.timeZone}
          />
        ) : (
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('floor.pick')}
            </Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}

/** An expo's floor plan for everyone: slot statuses, and for firms hold, submit and waitlist. */
export default function FloorPlanPage() {
  const { expoId = '' } = useParams();
  const { t, lang, fmt } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const expo = useExpo(expoId);
  const plan = useFloorPlan(expoId);
  // Bookings are a firm's sellers' (and admins'); a viewer and a buyer only look.
  const canBook = abilitiesOf(session).book;
  const bookings = useQuery({
    queryKey: myBookingsKey,
    queryFn: () => allPages<Booking>('/v1/bookings', { mine: 'true' }, 3),
    enabled: canBook,
  });
  if (expo.error) return <ProblemAlert error={expo.error} onRetry={() => expo.refetch()} />;
  if (plan.error) return <ProblemAlert error={plan.error} onRetry={() => plan.refetch()} />;
  if (!expo.data || !plan.data) return <Loading />;
  const e = expo.data;
  const pavilions = plan.data.pavilions;
  const current = params.get('pavilion') ?? pavilions[0]?.pavilionId ?? null;
  const operates = e.operatorOrgId === session?.orgId;
  return (
    <Page
      title={localName(e.name, e.names, lang)}
      actions={
        operates ? (
          <Group gap="sm">
            <Button component={Link} to={`/expos/${expoId}/edit`} variant="default">
              {t('expo.editFloor')}
            </Button>
            <Button component={Link} to={`/expos/${expoId}/bookings`} variant="light">
              {t('expo.bookings')}
            </Button>
          </Group>
        ) : canBook ? (
          <Button
            component={Link}
            to={`/expos/${expoId}/recommendations`}
            variant="light"
            data-testid="open-recommendations"
          >
            {t('reco.open')}
          </Button>
        ) : undefined
      }
    >
      <Text c="dimmed" size="sm">
        <ParkName parkId={e.parkId} /> · {e.venue} · {fmt.dateTime(e.startsAt, e.timeZone)} –{' '}
        {fmt.dateTime(e.endsAt, e.timeZone)}
      </Text>
      {canBook && (
        <Anchor component={Link} to="/bookings" size="sm">
          {t('nav.bookings')}
        </Anchor>
      )}
      {pavilions.length === 0 ? (
        <Empty title={t('floor.noPavilions')} />
      ) : (
        <Tabs
          value={current}
          onChange={(v) => setParams(v ? { pavilion: v } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            {pavilions.map((p) => (
              <Tabs.Tab key={p.pavilionId} value={p.pavilionId}>
                {localName(p.name, p.names, lang)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {pavilions.map((p) => (
            <Tabs.Panel key={p.pavilionId} value={p.pavilionId} pt="md">
              <PavilionView
                expoId={expoId}
                pavilion={p}
                bookings={bookings.data ?? []}
                canBook={canBook}
                timeZone={e.timeZone}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Page>
  );
}
