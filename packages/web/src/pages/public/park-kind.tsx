import { Badge, Group, Text } from '@mantine/core';
import type { PublicParkSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** What kind of park it is and where: the line under its name in the directory and on its page. */
export function ParkKindAndPlace(props: { park: Pick<PublicParkSummary, 'kind' | 'city' | 'country'> }) {
  const { t } = useI18n();
  const p = props.park;
  return (
    <Group gap={6}>
      <Badge variant="light" color="teal" size="sm">
        {t(`park.kind.${p.kind}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {[p.city, p.country].filter(Boolean).join(' · ')}
      </Text>
    </Group>
  );
}
