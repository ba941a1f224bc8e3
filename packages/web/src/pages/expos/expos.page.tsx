import { Anchor, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { allPages } from '../../api/queries';
import type { Expo } from '../../api/types';
import { hasRole, useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { localName, ParkName } from '../../components/park';
import { Empty, QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';

/** Every expo, soonest first: any firm may look at a floor plan and hold a slot. */
export default function ExposPage() {
  const { t, lang, fmt } = useI18n();
  const session = useSession();
  const operator = hasRole(session, 'operator');
  const expos = useQuery({ queryKey: ['expos', 'all'], queryFn: () => allPages<Expo>('/v1/expos') });
  return (
    <Page title={t('expo.title')}>
      <QueryState query={expos} isEmpty={(e) => e.length === 0} empty={<Empty title={t('expo.none')} />}>
        {(list) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover data-testid="expos">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('expo.name')}</Table.Th>
                  <Table.Th>{t('membership.park')}</Table.Th>
                  <Table.Th>{t('expo.venue')}</Table.Th>
                  <Table.Th>{t('expo.startsAt')}</Table.Th>
                  <Table.Th>{t('expo.endsAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={e.expoId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/expos/${e.expoId}`}>
                        {localName(e.name, e.names, lang)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ParkName parkId={e.parkId} />
                    </Table.Td>
                    <Table.Td>{e.venue}</Table.Td>
                    <Table.Td>{fmt.dateTime(e.startsAt, e.timeZone)}</Table.Td>
                    <Table.Td>{fmt.dateTime(e.endsAt, e.timeZone)}</Table.Td>
                    {!operator && (
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/expos/${e.expoId}/recommendations`}
                          size="sm"
                          data-testid={`recommendations-${e.expoId}`}
                        >
                          {t('reco.open')}
                        </Anchor>
                      </Table.Td>
                    )}
                    {operator && (
                      <Table.Td>
                        {e.operatorOrgId === session?.orgId && (
                          <Group gap="xs" wrap="nowrap">
                            <Anchor component={Link} to={`/expos/${e.expoId}/edit`} size="sm">
                              {t('expo.editFloor')}
                            </Anchor>
                            <Anchor component={Link} to={`/expos/${e.expoId}/bookings`} size="sm">
                              {t('expo.bookings')}
                            </Anchor>
                          </Group>
                        )}
                      </Table.Td>
                    )}
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
