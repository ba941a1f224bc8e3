import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type {
  BoothRecommendation,
  FloorPlan,
  PavilionRecommendation,
  RecommendationReason,
  Recommendations,
} from '../../api/types';
import { hasRole, useSession } from '../../auth/session';
import { CategoryLabel } from '../../components/category';
import { Page } from '../../components/page';
import { localName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';
import { useExpo, useFloorPlan } from './use-expo';

export const recommendationsKey = (expoId: string) => ['expos', expoId, 'recommendations'] as const;

/** How many free slots a pavilion card offers to hold directly. */
const FREE_SLOTS_SHOWN = 6;

/**
 * One reason, worded in the reader's language from its code; figures come from the
 * recommendation's own data. The server's English detail stays in a tooltip.
 */
function ReasonItem(props: { reason: RecommendationReason; label: string }) {
  return (
    <List.Item>
      <Tooltip label={props.reason.detail} withArrow multiline maw={360}>
        <Text span size="sm" tabIndex={0} data-testid="reco-reason" data-code={props.reason.code}>
          {props.label}
        </Text>
      </Tooltip>
    </List.Item>
  );
}

function PavilionCard(props: {
  expoId: string;
  rank: number;
  rec: PavilionRecommendation;
  plan: FloorPlan | undefined;
}) {
  const { t, tMaybe, fmt, lang } = useI18n();
  const { rec } = props;
  const pavilion = props.plan?.pavilions.find((p) => p.pavilionId === rec.pavilionId);
  const free = (pavilion?.slots ?? []).filter((s) => s.status === 'available' && s.slices.length === 0);
  const withFreeSlices = (pavilion?.slots ?? []).filter((s) =>
    s.slices.some((x) => x.status === 'available'),
  );
  const offers = [...free, ...withFreeSlices].slice(0, FREE_SLOTS_SHOWN);
  // Several listings can meet the themes: the theme reason is shown once, with the categories.
  const reasons = rec.reasons.filter(
    (r, i) => r.code !== 'theme.match' || rec.reasons.findIndex((x) => x.code === r.code) === i,
  );
  const label = (r: RecommendationReason) => {
    switch (r.code) {
      case 'theme.match':
        return t('reco.reason.themeMatch', { count: fmt.number(rec.matchedListingIds.length) });
      case 'demand.open_needs':
        return t('reco.reason.openNeeds', {
          needs: fmt.number(rec.demand.openNeeds),
          tenants: fmt.number(rec.demand.tenants),
        });
      case 'demand.none':
        return t('reco.reason.noDemand');
      case 'slots.available':
        return t('reco.reason.slotsFree', {
          available: fmt.number(rec.slots.available),
          total: fmt.number(rec.slots.total),
        });
      case 'slots.none_free':
        return t('reco.reason.noneFree');
      default:
        return tMaybe(`reason.${r.code}`) ?? r.detail;
    }
  };
  const name = pavilion ? localName(pavilion.name, pavilion.names, lang) : rec.name;
  return (
    <Card withBorder padding="md" data-testid="reco-pavilion" data-pavilion={rec.pavilionId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4">
            {t('reco.rank', { rank: fmt.number(props.rank) })} {name}
          </Title>
          <Badge variant="light" color={rec.slots.available ? 'teal' : 'gray'} tt="none">
            {t('reco.freeOf', {
              available: fmt.number(rec.slots.available),
              total: fmt.number(rec.slots.total),
            })}
          </Badge>
        </Group>
        <Group gap="xs">
          {rec.categories.map((c) => (
            <Badge key={c} variant="outline" color="gray" tt="none">
              <CategoryLabel code={c} />
            </Badge>
          ))}
        </Group>
        <List spacing={4} size="sm">
          {reasons.map((r) => (
            <ReasonItem key={`${r.code}|${r.detail}`} reason={r} label={label(r)} />
          ))}
        </List>
        {offers.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('reco.holdOne')}
            </Text>
            <Group gap="xs">
              {offers.map((s) => (
                <Button
                  key={s.slotId}
                  component={Link}
                  to={`/expos/${props.expoId}?pavilion=${rec.pavilionId}&slot=${s.slotId}`}
                  size="compact-sm"
                  variant="light"
                  data-testid={`reco-slot-${s.code}`}
                  aria-label={t('reco.holdSlot', { code: s.code, price: fmt.money(s.price) })}
                >
                  {s.code} · {fmt.money(s.price)}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('reco.noFreeSlot')}
          </Text>
        )}
        <Anchor component={Link} to={`/expos/${props.expoId}?pavilion=${rec.pavilionId}`} size="sm">
          {t('reco.openPavilion')}
        </Anchor>
      </Stack>
    </Card>
  );
}

function BoothCard(props: { expoId: string; rank: number; rec: BoothRecommendation }) {
  const { t, tMaybe, fmt } = useI18n();
  const { rec } = props;
  const label = (r: RecommendationReason) => {
    if (r.code === 'need.match') {
      // One need.match per answered need, in the order of rec.needs.
      const i = rec.reasons.filter((x) => x.code === 'need.match').indexOf(r);
      const need = rec.needs[i];
      return need
        ? t('reco.reason.needMatch', { title: need.title, score: fmt.number(need.score) })
        : (tMaybe('reason.need.match') ?? r.detail);
    }
    return tMaybe(`reason.${r.code}`) ?? r.detail;
  };
  return (
    <Card withBorder padding="md" data-testid="reco-booth" data-slot={rec.slotId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4">
            {t('reco.rank', { rank: fmt.number(props.rank) })} {rec.exhibitor.displayName}
          </Title>
          <Badge variant="light" color="teal" tt="none">
            {t('reco.score', { score: fmt.number(rec.score) })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('reco.boothAt', { code: rec.code, pavilion: rec.pavilionName })} · {rec.exhibitor.name}
        </Text>
        <List spacing={4} size="sm">
          {rec.reasons.map((r) => (
            <ReasonItem key={`${r.code}|${r.detail}`} reason={r} label={label(r)} />
          ))}
        </List>
        <Group gap="md">
          <Anchor
            component={Link}
            to={`/expos/${props.expoId}?pavilion=${rec.pavilionId}&slot=${rec.slotId}`}
            size="sm"
            data-testid={`reco-booth-${rec.code}`}
          >
            {t('reco.seeBooth')}
          </Anchor>
          {rec.needs.map((n) => (
            <Anchor key={n.needId} component={Link} to={`/needs/${n.needId}`} size="sm">
              {n.title}
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * What an expo holds for the signed-in firm: for a supplier, the pavilions whose themes meet its
 * listings ranked by the park's open demand, each with free slots to hold; for a tenant, the
 * booths of suppliers matched to its open needs. A firm that is both sees both.
 */
export default function RecommendationsPage() {
  const { expoId = '' } = useParams();
  const { t, lang } = useI18n();
  const session = useSession();
  const expo = useExpo(expoId);
  const plan = useFloorPlan(expoId, 30_000);
  const recs = useQuery({
    queryKey: recommendationsKey(expoId),
    queryFn: () => api.get<Recommendations>('/v1/pavilion-recommendations', { expoId }),
  });
  const supplier = hasRole(session, 'supplier');
  const tenant = hasRole(session, 'tenant');
  if (expo.error) return <ProblemAlert error={expo.error} onRetry={() => expo.refetch()} />;
  if (recs.error) return <ProblemAlert error={recs.error} onRetry={() => recs.refetch()} />;
  if (!expo.data || !recs.data) return <Loading />;
  const { pavilions, booths } = recs.data;
  return (
    <Page
      title={t('reco.title', { name: localName(expo.data.name, expo.data.names, lang) })}
      actions={
        <Button component={Link} to={`/expos/${expoId}`} variant="default">
          {t('expo.floorPlan')}
        </Button>
      }
    >
      {supplier && (
        <Stack gap="sm" data-testid="reco-pavilions">
          <Title order={2} size="h3">
            {t('reco.pavilionsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reco.pavilionsHint')}
          </Text>
          {pavilions.length === 0 ? (
            <Empty
              title={t('reco.noPavilions')}
              hint={t('reco.noPavilionsHint')}
              action={
                <Anchor component={Link} to="/listings" size="sm">
                  {t('nav.listings')}
                </Anchor>
              }
            />
          ) : (
            pavilions.map((p, i) => (
              <PavilionCard key={p.pavilionId} expoId={expoId} rank={i + 1} rec={p} plan={plan.data} />
            ))
          )}
        </Stack>
      )}
      {tenant && (
        <Stack gap="sm" data-testid="reco-booths">
          <Title order={2} size="h3">
            {t('reco.boothsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reco.boothsHint')}
          </Text>
          {booths.length === 0 ? (
            <Empty
              title={t('reco.noBooths')}
              hint={t('reco.noBoothsHint')}
              action={
                <Anchor component={Link} to="/needs" size="sm">
                  {t('nav.needs')}
                </Anchor>
              }
            />
          ) : (
            booths.map((b, i) => (
              <BoothCard key={`${b.slotId}/${b.sliceId ?? ''}`} expoId={expoId} rank={i + 1} rec={b} />
            ))
          )}
        </Stack>
      )}
    </Page>
  );
}
