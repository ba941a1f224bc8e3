import { Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { CERTIFICATE_KINDS, PERIODS, UNITS } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** A price typed in major units (any digits), kept as text until parsed into minor units on submit. */
export function MoneyInput(props: {
  label: string;
  value: string;
  currency: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  required?: boolean;
  testId?: string;
}) {
  return (
    <TextInput
      label={props.label}
      inputMode="decimal"
      required={props.required}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      rightSection={props.currency}
      rightSectionWidth={52}
      data-testid={props.testId}
    />
  );
}

export function UnitSelect(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  withEmpty?: boolean;
  /** In a table row the column header names it: the label is for screen readers only. */
  hiddenLabel?: boolean;
}) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={props.hiddenLabel ? undefined : props.label}
      aria-label={props.hiddenLabel ? props.label : undefined}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      data={[
        ...(props.withEmpty ? [{ value: '', label: '—' }] : []),
        ...UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) })),
      ]}
    />
  );
}

export function PeriodSelect(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  withEmpty?: boolean;
  /** In a table row the column header names it: the label is for screen readers only. */
  hiddenLabel?: boolean;
}) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={props.hiddenLabel ? undefined : props.label}
      aria-label={props.hiddenLabel ? props.label : undefined}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      data={[
        ...(props.withEmpty ? [{ value: '', label: '—' }] : []),
        ...PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) })),
      ]}
    />
  );
}

/** Which certificate kinds a need requires or a listing holds: one checkbox per kind. */
export function CertificateKindsInput(props: {
  label: string;
  description?: string;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Checkbox.Group
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    >
      <Group mt="xs" gap="md">
        {CERTIFICATE_KINDS.map((k) => (
          <Checkbox key={k} value={k} label={t(`certificate.kind.${k}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** "If-Match" from the version a read returned (the API's ETag is "v<version>"). */
export const etagFor = (v: { version: number }) => `"v${v.version}"`;
