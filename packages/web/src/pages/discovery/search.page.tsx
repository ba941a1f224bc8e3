import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page as ApiPage, Category, Listing, Need, Supplier } from '../../api/types';
import { CategoryLabel, categoryText } from '../../components/category';
import { OrgName } from '../../components/org-name';
import { Page } from '../../components/page';
import { ParkName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { SupplierCard } from '../../components/supplier-card';
import { useI18n } from '../../i18n/i18n';

const PAGE = 5;

/** One group of results, paginated on its own ("load more" asks the API for its next page). */
function ResultGroup<T>(props: {
  title: string;
  path: string;
  q: string;
  testId: string;
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
}) {
  const { t } = useI18n();
  const found = useInfiniteQuery({
    queryKey: ['search', props.path, props.q],
    queryFn: ({ pageParam }) =>
      api.get<ApiPage<T>>(props.path, { q: props.q, limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = found.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Title order={2} size="h4">
        {props.title}
      </Title>
      {found.error ? (
        <ProblemAlert error={found.error} onRetry={() => found.refetch()} />
      ) : found.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="search-group-empty">
          {t('search.nothing')}
        </Text>
      ) : (
        items.map((i) => <div key={props.keyOf(i)}>{props.render(i)}</div>)
      )}
      {found.hasNextPage && (
        <Group>
          <Button
            size="xs"
            variant="default"
            loading={found.isFetchingNextPage}
            onClick={() => void found.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Categories whose title (in any of the five languages) matches: each opens the directory on it. */
function CategoryMatches(props: { q: string }) {
  const { t, lang } = useI18n();
  const found = useQuery({
    queryKey: ['categories', 'search', props.q, lang, 'top'],
    queryFn: () => api.get<ApiPage<Category>>('/v1/categories', { q: props.q, lang, limit: 6 }),
    retry: false,
  });
  const items = found.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Stack gap={4} data-testid="search-categories">
      <Text size="sm" fw={700}>
        {t('search.categories')}
      </Text>
      <Group gap="xs">
        {items.map((c) => (
          <Button
            key={c.code}
            component={Link}
            to={`/suppliers?category=${c.code}`}
            size="compact-sm"
            variant="light"
            title={categoryText(c)}
          >
            <CategoryLabel code={c.code} />
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** The header's search: needs, listings and suppliers matching the words, in any script. */
export default function SearchPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  return (
    <Page title={q ? t('search.title', { q }) : t('search.label')}>
      {!q ? (
        <Text c="dimmed">{t('search.empty')}</Text>
      ) : (
        <Stack gap="xl" data-testid="search-results">
          <CategoryMatches q={q} />
          <ResultGroup<Need>
            title={t('search.needs')}
            path="/v1/needs"
            q={q}
            testId="search-needs"
            keyOf={(n) => n.needId}
            render={(n) => (
              <Paper withBorder p="sm" data-testid="search-need">
                <Anchor component={Link} to={`/needs/${n.needId}`} fw={600}>
                  <bdi>{n.title}</bdi>
                </Anchor>
                <Text size="sm" c="dimmed">
                  <CategoryLabel code={n.category} /> · <ParkName parkId={n.parkId} />
                </Text>
              </Paper>
            )}
          />
          <ResultGroup<Listing>
            title={t('search.listings')}
            path="/v1/listings"
            q={q}
            testId="search-listings"
            keyOf={(l) => l.listingId}
            render={(l) => (
              <Paper withBorder p="sm" data-testid="search-listing">
                <Text fw={600}>
                  <bdi>{l.title}</bdi>
                </Text>
                <Text size="sm" c="dimmed">
                  <CategoryLabel code={l.category} /> · <OrgName orgId={l.supplierOrgId} />
                </Text>
              </Paper>
            )}
          />
          <ResultGroup<Supplier>
            title={t('search.suppliers')}
            path="/v1/suppliers"
            q={q}
            testId="search-suppliers"
            keyOf={(s) => s.orgId}
            render={(s) => <SupplierCard supplier={s} />}
          />
        </Stack>
      )}
    </Page>
  );
}
