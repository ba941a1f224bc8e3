import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { type Page as ApiPage, CERTIFICATE_KINDS, type Supplier } from '../../api/types';
import { CategoryPicker } from '../../components/category';
import { Page } from '../../components/page';
import { ParkSelect } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { SupplierCard } from '../../components/supplier-card';
import { useI18n } from '../../i18n/i18n';

/** The supplier directory: filters live in the address, so a search can be shared and reloaded. */
export default function SuppliersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    parkId: params.get('parkId') ?? '',
    certificate: params.get('certificate') ?? '',
  };
  const set = (key: keyof typeof filter, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const [q] = useDebouncedValue(filter.q.trim(), 300);
  const query = { ...filter, q };
  const suppliers = useInfiniteQuery({
    queryKey: ['suppliers', query],
    queryFn: ({ pageParam }) =>
      api.get<ApiPage<Supplier>>('/v1/suppliers', { ...query, limit: 20, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = suppliers.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('suppliers.title')}>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('suppliers.q')}
            description={t('suppliers.qHint')}
            value={filter.q}
            onChange={(e) => set('q', e.currentTarget.value)}
            data-testid="suppliers-q"
          />
          <CategoryPicker
            label={t('common.category')}
            value={filter.category}
            onChange={(code) => set('category', code)}
            levels={['section', 'division', 'group', 'class']}
          />
          <ParkSelect
            label={t('membership.park')}
            value={filter.parkId}
            onChange={(id) => set('parkId', id)}
          />
          <NativeSelect
            label={t('certificate.kind')}
            value={filter.certificate}
            onChange={(e) => set('certificate', e.currentTarget.value)}
            data={[
              { value: '', label: t('suppliers.anyCertificate') },
              ...CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certificate.kind.${k}`) })),
            ]}
          />
        </SimpleGrid>
      </Paper>
      {suppliers.error ? (
        <ProblemAlert error={suppliers.error} onRetry={() => suppliers.refetch()} />
      ) : suppliers.isPending ? (
        <Loading />
      ) : items.length === 0 && !suppliers.hasNextPage ? (
        <Empty title={t('suppliers.none')} hint={t('suppliers.noneHint')} />
      ) : (
        <Stack gap="sm" data-testid="suppliers">
          {items.map((s) => (
            <SupplierCard key={s.orgId} supplier={s} />
          ))}
        </Stack>
      )}
      {suppliers.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={suppliers.isFetchingNextPage}
            onClick={() => void suppliers.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
