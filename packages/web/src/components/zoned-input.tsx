import { Text, TextInput } from '@mantine/core';
import { zonedInputToUtc } from '../format/zoned-time';
import { useI18n } from '../i18n/i18n';

/**
 * A date and time on the park's clock. The browser's picker is Gregorian; the line under it shows
 * the chosen instant in the user's calendar (Solar Hijri for Persian) and names the zone.
 */
export function ZonedDateTimeInput(props: {
  label: string;
  value: string;
  onChange: (local: string) => void;
  timeZone: string;
  error?: string | undefined;
  required?: boolean;
  testId?: string;
}) {
  const { t, fmt } = useI18n();
  const utc = props.value ? zonedInputToUtc(props.value, props.timeZone) : null;
  return (
    <TextInput
      type="datetime-local"
      label={props.label}
      required={props.required}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      data-testid={props.testId}
      description={
        <Text span size="xs">
          {utc
            ? t('time.inZone', {
                when: fmt.dateTime(utc, props.timeZone),
                zone: fmt.zoneName(props.timeZone),
              })
            : t('time.zoneOnly', { zone: fmt.zoneName(props.timeZone) })}
        </Text>
      }
    />
  );
}
