import { Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { usePark } from '../../api/queries';
import { Page } from '../../components/page';
import { parkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';
import { ParkExposPanel } from '../expos/park-expos-panel';
import { ParkOfferingsPanel } from '../offerings/park-offerings-panel';
import { MembershipsPanel } from './memberships-panel';

export default function ParkPage() {
  const { parkId = '' } = useParams();
  const { t, lang, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const { park, isPending, error } = usePark(parkId);
  if (error) return <ProblemAlert error={error} />;
  if (isPending || !park) return <Loading />;
  const tab = params.get('tab') ?? 'memberships';
  return (
    <Page
      title={parkName(park, lang)}
      actions={
        <>
          <Button
            component={Link}
            to={`/parks/${parkId}/chain-map`}
            variant="light"
            data-testid="open-chain-map"
          >
            {t('chainMap.open')}
          </Button>
          <Button component={Link} to={`/audit?entityId=${parkId}`} variant="default">
            {t('audit.open')}
          </Button>
        </>
      }
    >
      <Stack gap={2}>
        <Text c="dimmed" size="sm">
          {t(`park.kind.${park.kind}`)} · {park.city ?? park.country} · {park.currency} ·{' '}
          {fmt.zoneName(park.timeZone)}
        </Text>
        {park.description && <Text size="sm">{park.description}</Text>}
      </Stack>
      <Tabs
        value={tab}
        onChange={(v) => setParams({ tab: v ?? 'memberships' }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="memberships">{t('membership.title')}</Tabs.Tab>
          <Tabs.Tab value="expos">{t('expo.title')}</Tabs.Tab>
          <Tabs.Tab value="offerings" data-testid="tab-offerings">
            {t('offering.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="memberships" pt="md">
          <MembershipsPanel parkId={parkId} />
        </Tabs.Panel>
        <Tabs.Panel value="expos" pt="md">
          <ParkExposPanel park={park} />
        </Tabs.Panel>
        <Tabs.Panel value="offerings" pt="md">
          <ParkOfferingsPanel park={park} />
        </Tabs.Panel>
      </Tabs>
      <Group>
        <Anchor component={Link} to="/parks" size="sm">
          {t('park.back')}
        </Anchor>
      </Group>
    </Page>
  );
}
