import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { useCategory } from '../api/queries';
import type { Category, Page } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** "2420 · Manufacture of basic precious and other non-ferrous metals", in the user's language. */
export function CategoryLabel(props: { code: string | null | undefined; withCode?: boolean }) {
  const q = useCategory(props.code);
  if (!props.code) return <>—</>;
  const title = q.data?.title;
  return (
    <span>
      {props.withCode !== false && (
        <Text span ff="monospace" size="sm" c="dimmed">
          {props.code}
        </Text>
      )}
      {title && <> · {title}</>}
    </span>
  );
}

export function useCategoryTitle(code: string | null | undefined): string {
  const q = useCategory(code);
  return q.data?.title ?? code ?? '';
}

/**
 * ISIC picker: type a code or words in any language; the API searches titles across scripts.
 * `levels` limits what can be chosen (needs take divisions to classes; themes divisions or groups).
 */
export function CategoryPicker(props: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  required?: boolean;
  levels?: Category['level'][];
  description?: string;
}) {
  const { t, lang } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useCategory(props.value || null);
  const found = useQuery({
    queryKey: ['categories', 'search', debounced, lang],
    queryFn: () =>
      /^[A-U]$|^\d{2,4}$/.test(debounced)
        ? api
            .get<Category>(`/v1/categories/${debounced}`, { lang })
            .then((c) => ({ items: [c], nextCursor: null }))
        : api.get<Page<Category>>('/v1/categories', { q: debounced, lang, limit: 30 }),
    enabled: debounced.length >= 2 && debounced !== labelOf(selected.data),
    retry: false,
    staleTime: 60_000,
  });
  const levels = props.levels ?? ['division', 'group', 'class'];
  const options = (found.data?.items ?? []).filter((c) => levels.includes(c.level));
  if (selected.data && !options.some((o) => o.code === selected.data.code)) options.unshift(selected.data);
  if (props.value && !selected.data && !options.some((o) => o.code === props.value)) {
    options.unshift({ code: props.value, title: props.value } as Category);
  }
  return (
    <Select
      label={props.label}
      description={props.description ?? t('category.pickerHint')}
      required={props.required}
      searchable
      clearable
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      data={options.map((c) => ({ value: c.code, label: labelOf(c) }))}
      nothingFoundMessage={debounced.length >= 2 && !found.isFetching ? t('category.noneFound') : undefined}
      error={props.error}
      maxDropdownHeight={280}
    />
  );
}

const labelOf = (c: Category | undefined) => (c ? `${c.code} · ${c.title}` : '');
