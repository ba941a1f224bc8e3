import { Group, Input, NativeSelect, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { fromJalali, jalaliMonthLength, jalaliMonthNames, toJalali } from '../format/jalali';
import { utcToZonedInput, zonedInputToUtc } from '../format/zoned-time';
import { useI18n } from '../i18n/i18n';

interface Props {
  label: string;
  value: string;
  onChange: (local: string) => void;
  timeZone: string;
  error?: string | undefined;
  required?: boolean;
  testId?: string;
}

/**
 * A date and time on the park's clock, in the user's calendar: Persian users pick a Solar Hijri
 * day, month and year; others get the browser's (Gregorian) picker. Either way the value is the
 * park's wall clock ("2026-11-20T16:00"), sent as UTC by the form, and the line under it names the
 * chosen instant and the zone.
 */
export function ZonedDateTimeInput(props: Props) {
  const { t, fmt, lang } = useI18n();
  const utc = props.value ? zonedInputToUtc(props.value, props.timeZone) : null;
  const description = (
    <Text span size="xs" data-testid={props.testId ? `${props.testId}-echo` : undefined}>
      {utc
        ? t('time.inZone', { when: fmt.dateTime(utc, props.timeZone), zone: fmt.zoneName(props.timeZone) })
        : t('time.zoneOnly', { zone: fmt.zoneName(props.timeZone) })}
    </Text>
  );
  if (lang === 'fa') return <JalaliDateTimeInput {...props} description={description} />;
  return (
    <TextInput
      type="datetime-local"
      label={props.label}
      required={props.required}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      data-testid={props.testId}
      description={description}
    />
  );
}

/** Day, month (by name) and year of the Solar Hijri calendar, and the time of day. */
function JalaliDateTimeInput(props: Props & { description: ReactNode }) {
  const { t, fmt } = useI18n();
  const fallback = utcToZonedInput(new Date().toISOString(), props.timeZone);
  const current = props.value || fallback;
  const date = current.slice(0, 10);
  const time = props.value ? current.slice(11, 16) : '';
  const j = toJalali(date) ?? { year: 1405, month: 1, day: 1 };
  const months = jalaliMonthNames(fmt.locale);
  const days = jalaliMonthLength(j.year, j.month);
  const digits = (n: number) => fmt.number(n, { useGrouping: false });
  const nowYear = (toJalali(fallback.slice(0, 10)) ?? j).year;
  const years = Array.from({ length: 8 }, (_, i) => nowYear - 2 + i);
  if (!years.includes(j.year)) years.push(j.year);
  const set = (next: { year?: number; month?: number; day?: number; time?: string }) => {
    const year = next.year ?? j.year;
    const month = next.month ?? j.month;
    const day = Math.min(next.day ?? j.day, jalaliMonthLength(year, month));
    const iso = fromJalali({ year, month, day });
    if (iso) props.onChange(`${iso}T${next.time ?? (time || '12:00')}`);
  };
  const id = props.testId ?? 'jalali';
  return (
    <Input.Wrapper
      label={props.label}
      required={props.required}
      error={props.error}
      description={props.description}
      labelElement="div"
      data-testid={props.testId}
    >
      <Group gap={6} wrap="wrap" mt={4}>
        <NativeSelect
          aria-label={t('time.day')}
          data-testid={`${id}-day`}
          value={String(j.day)}
          onChange={(e) => set({ day: Number(e.currentTarget.value) })}
          data={Array.from({ length: days }, (_, i) => ({ value: String(i + 1), label: digits(i + 1) }))}
          error={!!props.error}
          w={76}
        />
        <NativeSelect
          aria-label={t('time.month')}
          data-testid={`${id}-month`}
          value={String(j.month)}
          onChange={(e) => set({ month: Number(e.currentTarget.value) })}
          data={months.map((name, i) => ({ value: String(i + 1), label: name }))}
          error={!!props.error}
          miw={120}
          style={{ flex: 1 }}
        />
        <NativeSelect
          aria-label={t('time.year')}
          data-testid={`${id}-year`}
          value={String(j.year)}
          onChange={(e) => set({ year: Number(e.currentTarget.value) })}
          data={years.map((y) => ({ value: String(y), label: digits(y) }))}
          error={!!props.error}
          w={96}
        />
        <TextInput
          type="time"
          aria-label={t('time.clock')}
          data-testid={`${id}-time`}
          value={time}
          onChange={(e) => e.currentTarget.value && set({ time: e.currentTarget.value })}
          error={!!props.error}
          dir="ltr"
          w={140}
        />
      </Group>
    </Input.Wrapper>
  );
}
