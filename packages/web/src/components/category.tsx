import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { useCategory } from '../api/queries';
import type { Category, Page } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * A code and a title, each isolated from the other and from the text around them (`<bdi>`), so a
 * right-to-left page keeps the code at the start of the line (on the right) whatever the title's
 * script, and digits never join a neighbouring Latin or Persian run.
 */
function CodeAndTitle(props: { code: string; title?: string | undefined; withCode?: boolean }) {
  const { lang } = useI18n();
  const withCode = props.withCode !== false;
  return (
    <>
      {withCode && (
        <Text component="bdi" ff="monospace" size="sm" c="dimmed" data-testid="category-code">
          {props.code}
        </Text>
      )}
      {withCode && props.title && ' · '}
      {props.title && (
        <bdi lang={lang} data-testid="category-title">
          {props.title}
        </bdi>
      )}
    </>
  );
}

/** "2420 · Manufacture of basic precious and other non-ferrous metals", in the user's language. */
export function CategoryLabel(props: { code: string | null | undefined; withCode?: boolean }) {
  const q = useCategory(props.code);
  if (!props.code) return <>—</>;
  return (
    <span data-testid="category-label" data-code={props.code}>
      <CodeAndTitle code={props.code} title={q.data?.title} withCode={props.withCode ?? true} />
    </span>
  );
}

export function useCategoryTitle(code: string | null | undefined): string {
  const q = useCategory(code);
  return q.data?.title ?? code ?? '';
}

// First-strong isolate and pop: <bdi> for the picker's input, which holds plain text only.
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A category as plain text (the picker's input, SVG): code and title isolated as CodeAndTitle does
 * with <bdi>; the code alone while the title is unknown.
 */
export function categoryText(c: { code: string; title?: string | undefined } | undefined): string {
  if (!c) return '';
  const code = `${FSI}${c.code}${PDI}`;
  return c.title && c.title !== c.code ? `${code} · ${FSI}${c.title}${PDI}` : code;
}

/** Two characters are too few to search by, except in Chinese, where one is a word (钢, steel). */
const searchable = (text: string) => text.length >= 2 || /\p{Script=Han}/u.test(text);

/**
 * ISIC picker: type a code or words in any of the five languages; the API searches every title and
 * answers the best matches first. `levels` limits what can be chosen (needs take divisions to
 * classes; themes divisions or groups).
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
    enabled: searchable(debounced) && debounced !== categoryText(selected.data),
    retry: false,
    staleTime: 60_000,
  });
  const levels = props.levels ?? ['division', 'group', 'class'];
  const options = (found.data?.items ?? []).filter((c) => levels.includes(c.level));
  if (selected.data && !options.some((o) => o.code === selected.data.code)) options.unshift(selected.data);
  if (props.value && !selected.data && !options.some((o) => o.code === props.value)) {
    options.unshift({ code: props.value, title: props.value } as Category);
  }
  const byCode = new Map(options.map((c) => [c.code, c]));
  // A chosen code whose node has not loaded yet stands in with its code as its title.
  const titleOf = (c: Category | undefined) => (c && c.title !== c.code ? c.title : undefined);
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
      data={options.map((c) => ({ value: c.code, label: categoryText(c) }))}
      renderOption={({ option }) => (
        <span data-testid="category-option">
          <CodeAndTitle code={option.value} title={titleOf(byCode.get(option.value))} />
        </span>
      )}
      nothingFoundMessage={searchable(debounced) && !found.isFetching ? t('category.noneFound') : undefined}
      error={props.error}
      maxDropdownHeight={280}
    />
  );
}
