import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { allPages } from '../../api/queries';
import type { Match, Need } from '../../api/types';
import { Empty, QueryState } from '../../components/query-state';
import { MatchReasons } from '../../components/reasons';
import { useI18n } from '../../i18n/i18n';
import { matchesKey } from './need-keys';

/** The suppliers ranked for the owner's need, each with the reasons for its score. */
export function MatchesPanel(props: { need: Need }) {
  const { t, tMaybe, fmt } = useI18n();
  const matches = useQuery({
    queryKey: matchesKey(props.need.needId),
    queryFn: () => allPages<Match>(`/v1/needs/${props.need.needId}/matches`),
    // Matching runs right after publishing: look again shortly while the list is still empty.
    refetchInterval: (q) => (props.need.status === 'open' && !q.state.data?.length ? 2000 : false),
  });
  return (
    <QueryState
      query={matches}
      isEmpty={(m) => m.length === 0}
      empty={
        <Empty
          title={t('match.none')}
          hint={props.need.status === 'draft' ? t('match.noneDraft') : t('match.noneHint')}
        />
      }
    >
      {(list) => (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" data-testid="matches">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('match.score')}</Table.Th>
                <Table.Th>{t('match.supplier')}</Table.Th>
                <Table.Th>{t('match.listing')}</Table.Th>
                <Table.Th>{t('match.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((m) => (
                <Table.Tr key={m.listingId}>
                  <Table.Td>
                    <Badge
                      size="lg"
                      miw="max-content"
                      variant="filled"
                      color={m.score >= 70 ? 'teal' : m.score >= 40 ? 'yellow' : 'gray'}
                      aria-label={t('match.scoreOf', { score: m.score })}
                    >
                      {fmt.number(m.score)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {m.supplierName ?? m.supplierOrgId}
                    </Text>
                    {m.distanceKm !== null && (
                      <Text size="xs" c="dimmed">
                        {t('match.distance', { km: fmt.number(Math.round(m.distanceKm)) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.listingTitle ?? m.listingId}</Text>
                    <Text size="xs" c="dimmed">
                      {m.listingKind ? (tMaybe(`listing.kind.${m.listingKind}`) ?? m.listingKind) : ''} ·{' '}
                      {t(`match.level.${m.level}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <MatchReasons reasons={m.reasons} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}
