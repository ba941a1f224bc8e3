import { Anchor, Button, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { allPages } from '../../api/queries';
import type { Chain } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { CategoryLabel } from '../../components/category';
import { Page } from '../../components/page';
import { ParkName } from '../../components/park';
import { Empty, QueryState } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';

export const chainsKey = ['chains', 'mine'] as const;

export default function ChainsPage() {
  const { t, fmt } = useI18n();
  const can = useAbilities();
  const chains = useQuery({
    queryKey: chainsKey,
    queryFn: () => allPages<Chain>('/v1/chains', { mine: 'true' }),
  });
  return (
    <Page
      title={t('chain.title')}
      actions={
        can.buy ? (
          <Button component={Link} to="/chains/new" data-testid="new-chain">
            {t('chain.new')}
          </Button>
        ) : undefined
      }
    >
      <QueryState
        query={chains}
        isEmpty={(c) => c.length === 0}
        empty={<Empty title={t('chain.none')} hint={t('chain.noneHint')} />}
      >
        {(list) => (
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover data-testid="chains">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('chain.output')}</Table.Th>
                  <Table.Th>{t('common.category')}</Table.Th>
                  <Table.Th>{t('membership.park')}</Table.Th>
                  <Table.Th>{t('chain.inputs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => (
                  <Table.Tr key={c.chainId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/chains/${c.chainId}`}>
                        {c.output.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <CategoryLabel code={c.output.category} />
                    </Table.Td>
                    <Table.Td>
                      <ParkName parkId={c.parkId} />
                    </Table.Td>
                    <Table.Td>{fmt.number(c.inputs.length)}</Table.Td>
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
