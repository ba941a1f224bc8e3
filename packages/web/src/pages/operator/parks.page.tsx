import {
  Anchor,
  Button,
  Collapse,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { keys, useOperatedParks } from '../../api/queries';
import type { Park } from '../../api/types';
import { Page } from '../../components/page';
import { parkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';

const KINDS = ['industrial_park', 'cluster', 'technology_park'] as const;

function CreateParkForm(props: { onDone: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const draft = useDraft('park', () => ({
    name: '',
    kind: 'industrial_park',
    country: '',
    city: '',
    lat: '',
    lon: '',
    currency: '',
    timeZone: '',
    description: '',
  }));
  const v = draft.value;
  const s = useSubmit(
    (key) =>
      api.post<Park>(
        '/v1/parks',
        {
          name: v.name,
          kind: v.kind,
          country: v.country,
          ...(v.city.trim() ? { city: v.city } : {}),
          location: { lat: Number(v.lat), lon: Number(v.lon) },
          currency: v.currency,
          timeZone: v.timeZone,
          ...(v.description.trim() ? { description: v.description } : {}),
        },
        { idempotencyKey: key },
      ),
    {
      invalidate: [keys.parks],
      onSuccess: (park) => {
        draft.clear();
        props.onDone();
        navigate(`/parks/${park.parkId}`);
      },
    },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('park.name')}
            required
            value={v.name}
            onChange={(e) => draft.set('name', e.currentTarget.value)}
            error={s.fieldError('name')}
          />
          <NativeSelect
            label={t('park.kind')}
            value={v.kind}
            onChange={(e) => draft.set('kind', e.currentTarget.value)}
            data={KINDS.map((k) => ({ value: k, label: t(`park.kind.${k}`) }))}
            error={s.fieldError('kind')}
          />
          <TextInput
            label={t('org.country')}
            description={t('org.countryHint')}
            required
            maxLength={2}
            value={v.country}
            onChange={(e) => draft.set('country', e.currentTarget.value.toUpperCase())}
            error={s.fieldError('country')}
          />
          <TextInput
            label={t('org.city')}
            value={v.city}
            onChange={(e) => draft.set('city', e.currentTarget.value)}
            error={s.fieldError('city')}
          />
          <TextInput
            label={t('park.lat')}
            required
            inputMode="decimal"
            value={v.lat}
            onChange={(e) => draft.set('lat', e.currentTarget.value)}
            error={s.fieldError('location.lat', 'location')}
          />
          <TextInput
            label={t('park.lon')}
            required
            inputMode="decimal"
            value={v.lon}
            onChange={(e) => draft.set('lon', e.currentTarget.value)}
            error={s.fieldError('location.lon')}
          />
          <TextInput
            label={t('park.currency')}
            description={t('park.currencyHint')}
            required
            maxLength={3}
            value={v.currency}
            onChange={(e) => draft.set('currency', e.currentTarget.value.toUpperCase())}
            error={s.fieldError('currency')}
          />
          <TextInput
            label={t('park.timeZone')}
            description={t('park.timeZoneHint')}
            required
            value={v.timeZone}
            onChange={(e) => draft.set('timeZone', e.currentTarget.value)}
            error={s.fieldError('timeZone')}
          />
        </SimpleGrid>
        <Textarea
          label={t('common.description')}
          value={v.description}
          onChange={(e) => draft.set('description', e.currentTarget.value)}
          error={s.fieldError('description')}
          autosize
          minRows={2}
        />
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={s.pending}>
            {t('park.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function ParksPage() {
  const { t, lang, fmt } = useI18n();
  const parks = useOperatedParks();
  const [open, { toggle, close }] = useDisclosure(false);
  return (
    <Page
      title={t('park.title')}
      actions={
        <Button onClick={toggle} variant={open ? 'default' : 'filled'} aria-expanded={open}>
          {t('park.new')}
        </Button>
      }
    >
      <Collapse expanded={open}>
        <Paper withBorder p="md">
          <CreateParkForm onDone={close} />
        </Paper>
      </Collapse>
      <QueryState query={parks} isEmpty={(p) => p.length === 0} empty={<Empty title={t('park.none')} />}>
        {(list) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover data-testid="parks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('park.name')}</Table.Th>
                  <Table.Th>{t('park.kind')}</Table.Th>
                  <Table.Th>{t('org.country')}</Table.Th>
                  <Table.Th>{t('park.currency')}</Table.Th>
                  <Table.Th>{t('park.timeZone')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => (
                  <Table.Tr key={p.parkId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/parks/${p.parkId}`}>
                        {parkName(p, lang)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`park.kind.${p.kind}`)}</Table.Td>
                    <Table.Td>{p.country}</Table.Td>
                    <Table.Td>{p.currency}</Table.Td>
                    <Table.Td>{fmt.zoneName(p.timeZone)}</Table.Td>
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
