import { Group, Text } from '@mantine/core';
import type { Offering } from '../../api/types';
import { CategoryLabel } from '../../components/category';
import { useI18n } from '../../i18n/i18n';

/** What the space is: area, utilities, terms, reserve and mode, in the reader's language. */
export function OfferingFacts(props: { offering: Offering }) {
  const { t, fmt } = useI18n();
  const o = props.offering;
  const u = o.utilities ?? {};
  return (
    <Group gap="lg" wrap="wrap">
      <Text size="sm">{t('offering.areaValue', { area: fmt.number(o.area) })}</Text>
      {u.powerKw !== undefined && (
        <Text size="sm">{t('offering.powerValue', { kw: fmt.number(u.powerKw) })}</Text>
      )}
      {u.waterM3PerDay !== undefined && (
        <Text size="sm">{t('offering.waterValue', { m3: fmt.number(u.waterM3PerDay) })}</Text>
      )}
      {u.gas && <Text size="sm">{t('offering.gas')}</Text>}
      <Text size="sm">
        {o.terms === 'lease'
          ? t('offering.leaseFor', { years: fmt.number(o.leaseYears ?? 0) })
          : t('offering.terms.sale')}
      </Text>
      <Text size="sm">{t('offering.reserveValue', { price: fmt.money(o.reservePrice) })}</Text>
      <Text size="sm">{t(`offering.mode.${o.mode}`)}</Text>
      {o.allowedCategories?.map((c) => (
        <Text key={c} size="sm">
          <CategoryLabel code={c} />
        </Text>
      ))}
    </Group>
  );
}
