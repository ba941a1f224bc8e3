import { Anchor, Button, Collapse, Group, Paper, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Expo, Park } from '../../api/types';
import { localName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { ZonedDateTimeInput } from '../../components/zoned-input';
import { zonedInputToUtc } from '../../format/zoned-time';
import { useI18n } from '../../i18n/i18n';

export const exposKey = (parkId: string) => ['expos', parkId] as const;

function CreateExpoForm(props: { park: Park; onDone: () => void }) {
  const { t } = useI18n();
  const tz = props.park.timeZone;
  const draft = useDraft(`expo.${props.park.parkId}`, () => ({
    name: '',
    venue: '',
    startsAt: '',
    endsAt: '',
  }));
  const v = draft.value;
  const s = useSubmit(
    (key) =>
      api.post<Expo>(
        '/v1/expos',
        {
          parkId: props.park.parkId,
          name: v.name,
          venue: v.venue,
          startsAt: zonedInputToUtc(v.startsAt, tz) ?? v.startsAt,
          endsAt: zonedInputToUtc(v.endsAt, tz) ?? v.endsAt,
        },
        { idempotencyKey: key },
      ),
    {
      invalidate: [exposKey(props.park.parkId)],
      onSuccess: () => {
        draft.clear();
        props.onDone();
      },
    },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('expo.name')}
            required
            value={v.name}
            onChange={(e) => draft.set('name', e.currentTarget.value)}
            error={s.fieldError('name')}
          />
          <TextInput
            label={t('expo.venue')}
            required
            value={v.venue}
            onChange={(e) => draft.set('venue', e.currentTarget.value)}
            error={s.fieldError('venue')}
          />
          <ZonedDateTimeInput
            label={t('expo.startsAt')}
            required
            timeZone={tz}
            value={v.startsAt}
            onChange={(x) => draft.set('startsAt', x)}
            error={s.fieldError('startsAt')}
          />
          <ZonedDateTimeInput
            label={t('expo.endsAt')}
            required
            timeZone={tz}
            value={v.endsAt}
            onChange={(x) => draft.set('endsAt', x)}
            error={s.fieldError('endsAt')}
          />
        </SimpleGrid>
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={s.pending}>
            {t('expo.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The operator's expos of one park, with links to the floor-plan editor and the bookings. */
export function ParkExposPanel(props: { park: Park }) {
  const { t, lang, fmt } = useI18n();
  const [open, { toggle, close }] = useDisclosure(false);
  const expos = useQuery({
    queryKey: exposKey(props.park.parkId),
    queryFn: () => allPages<Expo>('/v1/expos', { parkId: props.park.parkId }),
  });
  return (
    <Stack>
      <Group>
        <Button onClick={toggle} variant={open ? 'default' : 'light'} aria-expanded={open}>
          {t('expo.new')}
        </Button>
      </Group>
      <Collapse expanded={open}>
        <Paper withBorder p="md">
          <CreateExpoForm park={props.park} onDone={close} />
        </Paper>
      </Collapse>
      <QueryState query={expos} isEmpty={(l) => l.length === 0} empty={<Empty title={t('expo.none')} />}>
        {(list) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="park-expos">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('expo.name')}</Table.Th>
                  <Table.Th>{t('expo.venue')}</Table.Th>
                  <Table.Th>{t('expo.startsAt')}</Table.Th>
                  <Table.Th>{t('expo.endsAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={e.expoId}>
                    <Table.Td>{localName(e.name, e.names, lang)}</Table.Td>
                    <Table.Td>{e.venue}</Table.Td>
                    <Table.Td>{fmt.dateTime(e.startsAt, e.timeZone)}</Table.Td>
                    <Table.Td>{fmt.dateTime(e.endsAt, e.timeZone)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/expos/${e.expoId}/edit`} size="sm">
                          {t('expo.editFloor')}
                        </Anchor>
                        <Anchor component={Link} to={`/expos/${e.expoId}/bookings`} size="sm">
                          {t('expo.bookings')}
                        </Anchor>
                        <Anchor component={Link} to={`/expos/${e.expoId}`} size="sm">
                          {t('expo.floorPlan')}
                        </Anchor>
                      </Group>
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
