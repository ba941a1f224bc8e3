import { Anchor, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { allPages, useParks } from '../../api/queries';
import type { Offering } from '../../api/types';
import { Page } from '../../components/page';
import { parkName } from '../../components/park';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useI18n } from '../../i18n/i18n';
import { OfferingFacts } from './offering-facts';
import { parkOfferingsKey } from './offering-keys';

/** Park space on offer: an investor picks a park and sees its open plots, workshop units and idle units. */
export default function OfferingsPage() {
  const { t, lang, fmt } = useI18n();
  const parks = useParks();
  const [parkId, setParkId] = useState<string>('');
  const chosen = parkId || parks.data?.[0]?.parkId || '';
  const park = parks.data?.find((p) => p.parkId === chosen);
  const offerings = useQuery({
    queryKey: [...parkOfferingsKey(chosen), 'open'],
    queryFn: () => allPages<Offering>(`/v1/parks/${chosen}/offerings`, { status: 'open' }),
    enabled: !!chosen,
  });
  return (
    <Page title={t('offering.browseTitle')}>
      <Text c="dimmed" size="sm">
        {t('offering.browseIntro')}
      </Text>
      <NativeSelect
        label={t('offering.park')}
        value={chosen}
        onChange={(e) => setParkId(e.currentTarget.value)}
        data={(parks.data ?? []).map((p) => ({ value: p.parkId, label: parkName(p, lang) }))}
        maw={420}
        data-testid="offerings-park"
      />
      <QueryState
        query={offerings}
        isEmpty={(l) => l.length === 0}
        empty={<Empty title={t('offering.noneOpen')} />}
      >
        {(items) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="open-offerings">
            {items.map((o) => (
              <Card key={o.offeringId} withBorder padding="md">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Title order={2} size="h5">
                      <Anchor component={Link} to={`/offerings/${o.offeringId}`} data-testid="offering-link">
                        {o.title}
                      </Anchor>
                    </Title>
                    <StatusBadge status={o.status} />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(`offering.kind.${o.kind}`)} ·{' '}
                    {t('offering.closesOn', { at: fmt.dateTime(o.closesAt, park?.timeZone ?? 'UTC') })}
                  </Text>
                  <OfferingFacts offering={o} />
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </Page>
  );
}
