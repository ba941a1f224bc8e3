import { NativeSelect } from '@mantine/core';
import { usePark, useParks } from '../api/queries';
import type { LocalizedText, Park } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Lang } from '../i18n/languages';

/** A name in the reader's language where the data has one. */
export const localName = (name: string, names: LocalizedText | undefined, lang: Lang) =>
  names?.[lang] ?? name;

export const parkName = (park: Park | undefined, lang: Lang) =>
  park ? localName(park.name, park.names, lang) : '';

export function ParkName(props: { parkId: string | null | undefined }) {
  const { lang } = useI18n();
  const { park } = usePark(props.parkId ?? undefined);
  return <>{park ? parkName(park, lang) : (props.parkId ?? '—')}</>;
}

export function ParkSelect(props: {
  label: string;
  value: string;
  onChange: (parkId: string) => void;
  parks?: Park[];
  error?: string | undefined;
  required?: boolean;
  /** The empty choice's words: "Choose a park…" unless a filter means "any park". */
  emptyLabel?: string;
}) {
  const { t, lang } = useI18n();
  const all = useParks();
  const parks = props.parks ?? all.data ?? [];
  return (
    <NativeSelect
      label={props.label}
      required={props.required}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      data={[
        { value: '', label: props.emptyLabel ?? t('park.choose') },
        ...parks.map((p) => ({ value: p.parkId, label: parkName(p, lang) })),
      ]}
    />
  );
}
