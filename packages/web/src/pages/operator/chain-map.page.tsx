import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, downloadWithAuth } from '../../api/client';
import { usePark } from '../../api/queries';
import type { ChainMap, Money, QuantityInUnit } from '../../api/types';
import { CategoryLabel } from '../../components/category';
import { Page } from '../../components/page';
import { parkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { useQuantityText } from '../../components/quantity';
import { Empty, QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';
import { ChainGraph } from './chain-graph';

/** The current and the three previous quarters, and this year: periods in the park's calendar. */
function periodChoices(now = new Date()): string[] {
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 4; i++) {
    const qq = ((q - 1 - i + 8) % 4) + 1;
    const yy = y - (q - 1 - i < 0 ? 1 : 0);
    out.push(`${yy}-Q${qq}`);
  }
  return [...out, String(y), String(y - 1)];
}

function Stat(props: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="xl" data-testid={props.testId}>
        {props.value}
      </Text>
    </Paper>
  );
}

/** The operator's view of the park's production chains: local sourcing, gaps, idle capacity. */
export default function ChainMapPage() {
  const { parkId = '' } = useParams();
  const { t, tMaybe, lang, fmt } = useI18n();
  const quantityText = useQuantityText();
  const { park } = usePark(parkId);
  const [period, setPeriod] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const map = useQuery({
    queryKey: ['chain-map', parkId, period],
    queryFn: () => api.get<ChainMap>(`/v1/parks/${parkId}/chain-map`, { period: period || undefined }),
  });
  const moneyList = (list: Money[]) => (list.length ? list.map((m) => fmt.money(m)).join(' + ') : '—');
  const qtyList = (list: QuantityInUnit[]) =>
    list.length ? list.map((q) => quantityText(q.quantity, q.unit)).join(' + ') : '—';
  const csvPath = `/v1/parks/${parkId}/chain-map.csv${period ? `?period=${encodeURIComponent(period)}` : ''}`;

  return (
    <Page
      title={t('chainMap.title', { park: park ? parkName(park, lang) : '' })}
      actions={
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t('chainMap.period')}
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            data={[
              { value: '', label: t('chainMap.currentQuarter') },
              ...periodChoices().map((p) => ({ value: p, label: p })),
            ]}
            size="sm"
          />
          <Button
            component="a"
            href={csvPath}
            variant="light"
            data-testid="chain-map-csv"
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              setDownloadError(null);
              downloadWithAuth(csvPath, `chain-map-${parkId}${period ? `-${period}` : ''}.csv`).catch(
                setDownloadError,
              );
            }}
          >
            {t('chainMap.csv')}
          </Button>
        </Group>
      }
    >
      {downloadError ? <ProblemAlert error={downloadError} /> : null}
      <QueryState query={map}>
        {(m) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
              <Stat label={t('chainMap.tenants')} value={fmt.number(m.summary.tenants)} />
              <Stat label={t('chainMap.chains')} value={fmt.number(m.summary.chains)} />
              <Stat label={t('chainMap.deals')} value={fmt.number(m.summary.deals)} />
              <Stat label={t('chainMap.dealsInPark')} value={fmt.number(m.summary.dealsInPark)} />
              <Stat
                label={t('chainMap.gaps')}
                value={fmt.number(m.summary.gaps)}
                testId="chain-map-gap-count"
              />
              <Stat label={t('chainMap.idle')} value={fmt.number(m.summary.idleCapacityListings)} />
            </SimpleGrid>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('chainMap.localSourcing')}
              </Title>
              {m.localSourcingRatio.awarded.length === 0 && m.localSourcingRatio.declared.length === 0 ? (
                <Text c="dimmed">{t('chainMap.noSourcing')}</Text>
              ) : (
                <Table data-testid="local-sourcing">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('chainMap.basis')}</Table.Th>
                      <Table.Th>{t('chainMap.inPark')}</Table.Th>
                      <Table.Th>{t('chainMap.total')}</Table.Th>
                      <Table.Th>{t('chainMap.ratio')}</Table.Th>
                      <Table.Th>{t('chainMap.change')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {m.localSourcingRatio.awarded.map((r) => {
                      const change =
                        m.trend.ratioChange.find((c) => c.currency === r.currency)?.change ?? null;
                      return (
                        <Table.Tr key={`a-${r.currency}`}>
                          <Table.Td>{t('chainMap.awardedIn', { currency: r.currency })}</Table.Td>
                          <Table.Td className="numeric">{fmt.money(r.inPark)}</Table.Td>
                          <Table.Td className="numeric">{fmt.money(r.total)}</Table.Td>
                          <Table.Td className="numeric" fw={700}>
                            {r.ratio === null ? '—' : fmt.percent(r.ratio)}
                          </Table.Td>
                          <Table.Td className="numeric">
                            {change === null ? '—' : `${change > 0 ? '+' : ''}${fmt.percent(change)}`}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                    {m.localSourcingRatio.declared.map((r) => (
                      <Table.Tr key={`d-${r.unit}`}>
                        <Table.Td>
                          {t('chainMap.declaredIn', { unit: tMaybe(`unit.${r.unit}`) ?? r.unit })}
                        </Table.Td>
                        <Table.Td className="numeric">{quantityText(r.inPark, r.unit)}</Table.Td>
                        <Table.Td className="numeric">{quantityText(r.total, r.unit)}</Table.Td>
                        <Table.Td className="numeric" fw={700}>
                          {r.ratio === null ? '—' : fmt.percent(r.ratio)}
                        </Table.Td>
                        <Table.Td />
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('chainMap.graph')}
              </Title>
              {m.nodes.length === 0 ? (
                <Empty title={t('chainMap.empty')} hint={t('chainMap.emptyHint')} />
              ) : (
                <ChainGraph map={m} />
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('chainMap.gaps')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('chainMap.gapsHint')}
              </Text>
              {m.gaps.length === 0 ? (
                <Text c="dimmed">{t('chainMap.noGaps')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped data-testid="gaps">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>#</Table.Th>
                        <Table.Th>{t('common.category')}</Table.Th>
                        <Table.Th>{t('chainMap.tenants')}</Table.Th>
                        <Table.Th>{t('chainMap.openNeeds')}</Table.Th>
                        <Table.Th>{t('chainMap.declared')}</Table.Th>
                        <Table.Th>{t('chainMap.boughtOutside')}</Table.Th>
                        <Table.Th>{t('chainMap.nearestOutside')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {m.gaps.map((g) => (
                        <Table.Tr key={g.category}>
                          <Table.Td>{fmt.number(g.rank)}</Table.Td>
                          <Table.Td>
                            <CategoryLabel code={g.category} />
                          </Table.Td>
                          <Table.Td>
                            {fmt.number(g.demand.tenants)}
                            <Text size="xs" c="dimmed">
                              {g.tenants.map((x) => x.name).join(', ')}
                            </Text>
                          </Table.Td>
                          <Table.Td className="numeric">{fmt.number(g.demand.openNeeds)}</Table.Td>
                          <Table.Td>{qtyList(g.demand.declared)}</Table.Td>
                          <Table.Td>{moneyList(g.demand.awardedFromOutside)}</Table.Td>
                          <Table.Td>
                            {(g.nearestOutsideSuppliers ?? []).slice(0, 3).map((s) => (
                              <Text key={`${s.orgId}-${s.title}`} size="xs">
                                {s.name}
                                {s.distanceKm !== null
                                  ? ` · ${t('match.distance', { km: fmt.number(Math.round(s.distanceKm)) })}`
                                  : ''}
                              </Text>
                            ))}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('chainMap.idle')}
              </Title>
              {m.idleCapacity.length === 0 ? (
                <Text c="dimmed">{t('chainMap.noIdle')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped data-testid="idle-capacity">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('match.supplier')}</Table.Th>
                        <Table.Th>{t('listing.titleField')}</Table.Th>
                        <Table.Th>{t('listing.machineClass')}</Table.Th>
                        <Table.Th>{t('chainMap.free')}</Table.Th>
                        <Table.Th>{t('chainMap.available')}</Table.Th>
                        <Table.Th>{t('chainMap.demandNearby')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {m.idleCapacity.map((c) => (
                        <Table.Tr key={c.listingId}>
                          <Table.Td>{c.supplier.name}</Table.Td>
                          <Table.Td>
                            {c.title}
                            <Text size="xs" c="dimmed">
                              <CategoryLabel code={c.category} />
                            </Text>
                          </Table.Td>
                          <Table.Td>{c.machineClass ?? '—'}</Table.Td>
                          <Table.Td className="numeric">
                            {quantityText(c.free.quantity, c.free.unit)}
                          </Table.Td>
                          <Table.Td>
                            {c.availableFrom || c.availableUntil
                              ? `${fmt.date(c.availableFrom)} – ${fmt.date(c.availableUntil)}`
                              : '—'}
                          </Table.Td>
                          <Table.Td>
                            {c.demand.length === 0
                              ? '—'
                              : c.demand.map((d) => (
                                  <Text key={d.category} size="xs">
                                    {t('chainMap.demandLine', {
                                      category: d.category,
                                      tenants: fmt.number(d.tenants),
                                      needs: fmt.number(d.openNeeds),
                                    })}
                                  </Text>
                                ))}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
            <Text size="xs" c="dimmed">
              {t('chainMap.periodNote', { period: m.period.key, zone: fmt.zoneName(m.period.timeZone) })}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
