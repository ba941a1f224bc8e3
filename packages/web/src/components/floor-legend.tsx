import { Group, Text } from '@mantine/core';
import type { SlotStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { SLOT_COLORS } from './floor-plan-svg';

export function FloorLegend() {
  const { t } = useI18n();
  return (
    <Group gap="md" aria-label={t('floor.legend')}>
      {(Object.keys(SLOT_COLORS) as SlotStatus[]).map((s) => (
        <Group key={s} gap={6}>
          <span
            aria-hidden
            style={{
              width: 14,
              height: 14,
              display: 'inline-block',
              background: SLOT_COLORS[s].fill,
              border: `2px solid ${SLOT_COLORS[s].stroke}`,
            }}
          />
          <Text size="sm">{t(`status.${s}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
