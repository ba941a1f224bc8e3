import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** The current time, re-rendered every `everyMs` (a countdown ticks without reloading anything). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * Time left until `until`, ticking every second, in the user's digits. The server decides when a
 * need closes or a hold lapses; this only shows it.
 */
export function Countdown(props: { until: string; testId?: string; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { t, fmt } = useI18n();
  const now = useNow(1000);
  const left = new Date(props.until).getTime() - now;
  const d = fmt.duration(left);
  const text =
    left <= 0
      ? t('time.ended')
      : d.days > 0
        ? t('time.leftDays', {
            days: fmt.number(d.days),
            hours: fmt.twoDigits(d.hours),
            minutes: fmt.twoDigits(d.minutes),
            seconds: fmt.twoDigits(d.seconds),
          })
        : t('time.left', {
            hours: fmt.twoDigits(d.hours),
            minutes: fmt.twoDigits(d.minutes),
            seconds: fmt.twoDigits(d.seconds),
          });
  return (
    <Text
      span
      size={props.size ?? 'sm'}
      fw={700}
      c={left <= 0 ? 'gray.7' : left < 5 * 60_000 ? 'red.9' : undefined}
      data-testid={props.testId}
      data-ms-left={Math.max(0, left)}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {text}
    </Text>
  );
}
