import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Supplier } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { CategoryLabel } from './category';
import { localName, ParkName } from './park';

/** A firm of the supplier directory: where it is, what it supplies, what an operator verified. */
export function SupplierCard(props: { supplier: Supplier }) {
  const { t, lang, fmt } = useI18n();
  const s = props.supplier;
  const r = s.reputation;
  return (
    <Paper withBorder p="md" data-testid="supplier-card" data-org={s.orgId}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <Stack gap={0}>
            <Text fw={700}>
              <bdi>{localName(s.name, s.names, lang)}</bdi>
            </Text>
            <Text size="sm" c="dimmed">
              {[s.city, s.country].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          <Text size="sm" c="dimmed" data-testid="supplier-reputation">
            {r.averageRating !== null
              ? t('suppliers.rating', {
                  rating: fmt.number(r.averageRating, { maximumFractionDigits: 1 }),
                  count: fmt.number(r.ratingCount),
                })
              : t('suppliers.noRating')}
            {' · '}
            {t('suppliers.deals', { count: fmt.number(r.dealCount) })}
          </Text>
        </Group>
        <Stack gap={2}>
          {s.categories.slice(0, 4).map((c) => (
            <Text size="sm" key={c}>
              <CategoryLabel code={c} />
            </Text>
          ))}
          {s.categories.length > 4 && (
            <Text size="xs" c="dimmed">
              {t('suppliers.moreCategories', { count: fmt.number(s.categories.length - 4) })}
            </Text>
          )}
        </Stack>
        <Group gap={6}>
          {s.certificates.map((c) => (
            <Badge key={c.kind} color="teal" variant="light" size="sm">
              {t(`certificate.kind.${c.kind}`)}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {t('suppliers.listings', { count: fmt.number(s.listingCount) })} · {t('suppliers.parks')}{' '}
            {s.parkIds.slice(0, 3).map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <ParkName parkId={id} />
              </span>
            ))}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
