import { Table } from '@mantine/core';
import { useState } from 'react';

export type SortDir = 'ascending' | 'descending';

/** Column sorting that a keyboard can drive: each header is a button, aria-sort says the order. */
export function useSort<K extends string>(initial: K, dir: SortDir = 'ascending') {
  const [sort, setSort] = useState<{ key: K; dir: SortDir }>({ key: initial, dir });
  const toggle = (key: K) =>
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }));
  function sorted<T>(rows: T[], value: (row: T, key: K) => number | string | null): T[] {
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  }
  return { sort, toggle, sorted };
}

export function SortableTh<K extends string>(props: {
  label: string;
  column: K;
  sort: { key: K; dir: SortDir };
  onSort: (k: K) => void;
  numeric?: boolean;
}) {
  const active = props.sort.key === props.column;
  return (
    <Table.Th
      aria-sort={active ? props.sort.dir : 'none'}
      style={props.numeric ? { textAlign: 'end' } : undefined}
    >
      <button
        type="button"
        className="sortable-th"
        onClick={() => props.onSort(props.column)}
        data-testid={`sort-${props.column}`}
      >
        {props.label} {active ? (props.sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
      </button>
    </Table.Th>
  );
}
