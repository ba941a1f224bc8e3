import { Badge, Group, Tooltip } from '@mantine/core';
import type { MatchReason } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * Why a match ranks where it does. Each reason code has its own wording; the server's English
 * detail is kept in a tooltip (it carries figures such as the distance).
 */
export function MatchReasons(props: { reasons: MatchReason[] }) {
  const { tMaybe, fmt } = useI18n();
  return (
    <Group gap={4}>
      {props.reasons.map((r) => {
        const label = tMaybe(`reason.${r.code}`) ?? r.detail;
        return (
          <Tooltip key={r.code} label={r.detail} withArrow>
            <Badge
              variant="light"
              color={(r.points ?? 1) > 0 ? 'teal' : 'gray'}
              radius="sm"
              tt="none"
              tabIndex={0}
            >
              {label}
              {r.points !== undefined ? ` +${fmt.number(Math.round(r.points))}` : ''}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}
