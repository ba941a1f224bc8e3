import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page as ApiPage, PublicFirm, PublicPark } from '../../api/types';
import { rememberParkToJoin } from '../../app/join-park';
import { usePageMeta } from '../../components/page-meta';
import { localName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';
import { ParkKindAndPlace } from './park-kind';

function Figure(props: { label: string; value: number; testId: string }) {
  const { fmt } = useI18n();
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {props.label}
      </Text>
      <Text size="xl" fw={800} className="numeric" data-testid={props.testId}>
        {fmt.number(props.value)}
      </Text>
    </Paper>
  );
}

function Firms(props: { parkId: string }) {
  const { t, lang } = useI18n();
  const firms = useInfiniteQuery({
    queryKey: ['public', 'parks', props.parkId, 'firms'],
    queryFn: ({ pageParam }) =>
      api.get<ApiPage<PublicFirm>>(`/v1/public/parks/${props.parkId}/firms`, {
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = firms.data?.pages.flatMap((p) => p.items) ?? [];
  if (firms.isPending) return <Loading />;
  if (firms.error) return <ProblemAlert error={firms.error} />;
  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('public.park.noFirms')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" data-testid="public-firms">
          {items.map((f) => (
            <Paper key={f.orgId} withBorder p="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm">
                  <bdi>{localName(f.name, f.names, lang)}</bdi>
                </Text>
                <Group gap={4} wrap="nowrap">
                  {f.as.map((r) => (
                    <Badge key={r} size="xs" variant="outline" color="gray">
                      {t(`role.${r}`)}
                    </Badge>
                  ))}
                </Group>
              </Group>
              {f.city ? (
                <Text size="xs" c="dimmed">
                  {f.city}
                </Text>
              ) : null}
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {firms.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void firms.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

/** One park's public page: what it makes and buys, its open expos, its firms, and how to join. */
export default function PublicParkPage() {
  const { parkId = '' } = useParams();
  const { t, lang, fmt } = useI18n();
  const navigate = useNavigate();
  const park = useQuery({
    queryKey: ['public', 'parks', parkId],
    queryFn: () => api.get<PublicPark>(`/v1/public/parks/${parkId}`),
  });
  const p = park.data;
  const name = p ? localName(p.name, p.names, lang) : t('public.parks.title');
  usePageMeta(
    name,
    p
      ? t('public.park.meta', {
          name,
          place: [p.city, p.country].filter(Boolean).join(', '),
          firms: fmt.number(p.memberFirms),
          needs: fmt.number(p.openNeeds),
        })
      : t('public.parks.description'),
  );
  if (park.isPending) return <Loading />;
  if (park.error || !p) return <ProblemAlert error={park.error} onRetry={() => park.refetch()} />;
  const join = () => {
    rememberParkToJoin(p.parkId);
    navigate(`/org?join=${encodeURIComponent(p.parkId)}`);
  };
  const { lat, lon } = p.location;
  return (
    <Stack gap="lg" data-testid="public-park">
      <Anchor component={Link} to="/explore" size="sm">
        {t('park.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ flex: '1 1 320px' }}>
          <Title order={1} size="h2">
            <bdi>{name}</bdi>
          </Title>
          <ParkKindAndPlace park={p} />
          {p.description ? <Text>{p.description}</Text> : null}
          <Text size="sm">
            {t('public.park.location')}:{' '}
            <Anchor
              href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=13/${lat}/${lon}`}
              target="_blank"
              rel="noopener noreferrer"
              underline="always"
            >
              <bdi dir="ltr">
                {fmt.number(lat, { maximumFractionDigits: 4 })},{' '}
                {fmt.number(lon, { maximumFractionDigits: 4 })}
              </bdi>
            </Anchor>
          </Text>
        </Stack>
        <Paper withBorder p="md" maw={360} bg="teal.0">
          <Stack gap="xs">
            <Text fw={700}>{t('public.park.join')}</Text>
            <Text size="sm">{t('public.park.joinHint')}</Text>
            <Button onClick={join} data-testid="join-park">
              {t('public.park.join')}
            </Button>
          </Stack>
        </Paper>
      </Group>

      <SimpleGrid cols={{ base: 3 }} spacing="sm">
        <Figure label={t('public.park.memberFirms')} value={p.memberFirms} testId="park-member-firms" />
        <Figure label={t('public.park.chains')} value={p.chains} testId="park-chains" />
        <Figure label={t('public.park.openNeeds')} value={p.openNeeds} testId="park-open-needs" />
      </SimpleGrid>

      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('public.park.sectors')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('public.park.sectorsHint')}
        </Text>
        {p.sectors.length === 0 ? (
          <Empty title={t('public.park.noSectors')} />
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table striped data-testid="park-sectors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.category')}</Table.Th>
                  <Table.Th className="numeric">{t('public.park.listings')}</Table.Th>
                  <Table.Th className="numeric">{t('public.park.inputs')}</Table.Th>
                  <Table.Th className="numeric">{t('public.park.openNeeds')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.sectors.map((s) => (
                  <Table.Tr key={s.division} data-testid="park-sector" data-code={s.division}>
                    <Table.Td>
                      <Text component="bdi" ff="monospace" size="sm" c="dimmed">
                        {s.division}
                      </Text>
                      {' · '}
                      <bdi lang={lang}>{s.titles[lang] ?? s.titles.en ?? ''}</bdi>
                    </Table.Td>
                    <Table.Td className="numeric">{fmt.number(s.inParkListings)}</Table.Td>
                    <Table.Td className="numeric">{fmt.number(s.declaredInputs)}</Table.Td>
                    <Table.Td className="numeric">{fmt.number(s.openNeeds)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('public.park.expos')}
        </Title>
        {p.openExpos.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('public.park.noExpos')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="park-expos">
            {p.openExpos.map((e) => (
              <Paper key={e.expoId} withBorder p="sm">
                <Text fw={600}>
                  <bdi>{localName(e.name, e.names, lang)}</bdi>
                </Text>
                <Text size="sm" c="dimmed">
                  {fmt.dateTime(e.startsAt, e.timeZone)} – {fmt.dateTime(e.endsAt, e.timeZone)} ·{' '}
                  {fmt.zoneName(e.timeZone)} · {e.venue}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('public.park.firms')}
        </Title>
        <Firms parkId={p.parkId} />
      </Stack>
    </Stack>
  );
}
