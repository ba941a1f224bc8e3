import { Group, Text } from '@mantine/core';
import { useCategory } from '../../api/queries';
import type { ChainMap, MapNode, Origin } from '../../api/types';
import { categoryText } from '../../components/category';
import { useI18n } from '../../i18n/i18n';

const COLUMNS: Origin[] = ['imported', 'in_country', 'in_park'];
const WIDTH = 960;
const ROW = 40;
const NODE_W = 200;
const NODE_H = 28;
const COL_X = [20, 300, 600];
const GAP_COL_X = 900;

const truncate = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A gap's code and title in the reader's language; the map itself carries the English title. */
function GapName(props: { code: string; fallback?: string | undefined }) {
  const title = useCategory(props.code).data?.title ?? props.fallback;
  return <>{categoryText({ code: props.code, title: title && truncate(title, 21) })}</>;
}

/**
 * The park's production chains as a graph: suppliers abroad, elsewhere in the country and in the
 * park, left to right; tenants in the park. Declared supply links are dashed, awarded deals solid.
 * Gaps (inputs tenants need that no firm in the park supplies) are red nodes linked to the tenants
 * who need them. Like every map it keeps its left-to-right layout in every language.
 */
export function ChainGraph(props: { map: ChainMap }) {
  const { t, fmt } = useI18n();
  const { map } = props;
  const gapTenants = new Set(map.gaps.flatMap((g) => g.tenants.map((x) => x.orgId)));
  const gapCategories = new Set(map.gaps.map((g) => g.category));
  const byColumn = COLUMNS.map((origin) =>
    map.nodes
      .filter((n) => n.origin === origin)
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'tenant' ? 1 : -1)),
  );
  const gaps = map.gaps.slice(0, 12);
  const rows = Math.max(1, ...byColumn.map((c) => c.length), gaps.length);
  const height = rows * ROW + 60;
  const pos = new Map<string, { x: number; y: number }>();
  for (const [ci, col] of byColumn.entries()) {
    for (const [i, n] of col.entries()) pos.set(n.id, { x: COL_X[ci] as number, y: 40 + i * ROW });
  }
  for (const [i, g] of gaps.entries()) pos.set(`gap:${g.category}`, { x: GAP_COL_X, y: 40 + i * ROW });
  const width = gaps.length ? GAP_COL_X + NODE_W + 20 : WIDTH;

  const path = (fromId: string, toId: string) => {
    const a = pos.get(fromId);
    const b = pos.get(toId);
    if (!a || !b) return null;
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    if (a.x === b.x) {
      // Both in the same column (a tenant supplying another tenant): bow out to the right.
      const x = a.x + NODE_W;
      return `M${x},${y1} C${x + 60},${y1} ${x + 60},${b.y + NODE_H / 2} ${x},${b.y + NODE_H / 2}`;
    }
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
  };
  const gapPath = (gapId: string, tenantId: string) => {
    const g = pos.get(gapId);
    const tn = pos.get(tenantId);
    if (!g || !tn) return null;
    const x1 = g.x;
    const y1 = g.y + NODE_H / 2;
    const x2 = tn.x + NODE_W;
    const y2 = tn.y + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
  };

  const nodeLabel = (n: MapNode) => (n.kind === 'source' ? t(`source.${n.origin}`) : n.name);

  return (
    <div dir="ltr" style={{ overflowX: 'auto' }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        style={{ width: '100%', minWidth: 720, background: '#fff' }}
        role="img"
        aria-label={t('chainMap.graphLabel', {
          nodes: fmt.number(map.nodes.length),
          edges: fmt.number(map.edges.length),
          gaps: fmt.number(map.gaps.length),
        })}
        data-testid="chain-graph"
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#495057" />
          </marker>
          <marker
            id="arrow-gap"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#c92a2a" />
          </marker>
        </defs>
        {COLUMNS.map((origin, ci) => (
          <text
            key={origin}
            x={(COL_X[ci] as number) + NODE_W / 2}
            y={22}
            textAnchor="middle"
            fontSize={13}
            fontWeight={700}
            fill="#343a40"
          >
            {t(`source.${origin}`)}
          </text>
        ))}
        {gaps.length > 0 && (
          <text
            x={GAP_COL_X + NODE_W / 2}
            y={22}
            textAnchor="middle"
            fontSize={13}
            fontWeight={700}
            fill="#c92a2a"
          >
            {t('chainMap.gaps')}
          </text>
        )}
        {map.edges.map((e, i) => {
          const d = path(e.from, e.to);
          if (!d) return null;
          const outsideForGap = gapCategories.has(e.category) && e.origin !== 'in_park';
          return (
            <path
              // biome-ignore lint/suspicious/noArrayIndexKey: edges have no id; their order is the server's
              key={i}
              d={d}
              fill="none"
              stroke={outsideForGap ? '#e03131' : e.kind === 'awarded' ? '#087f5b' : '#868e96'}
              strokeWidth={e.kind === 'awarded' ? Math.min(6, 1.5 + e.deals) : 1.5}
              strokeDasharray={e.kind === 'declared' ? '5 4' : undefined}
              markerEnd={outsideForGap ? 'url(#arrow-gap)' : 'url(#arrow)'}
              opacity={0.85}
            >
              <title>
                {t('chainMap.edgeTitle', {
                  kind: t(`chainMap.edge.${e.kind}`),
                  category: e.category,
                  deals: fmt.number(e.deals),
                })}
              </title>
            </path>
          );
        })}
        {gaps.flatMap((g) =>
          g.tenants.map((tn) => {
            const d = gapPath(`gap:${g.category}`, tn.orgId);
            return d ? (
              <path
                key={`${g.category}-${tn.orgId}`}
                d={d}
                fill="none"
                stroke="#c92a2a"
                strokeWidth={1.5}
                strokeDasharray="2 3"
                markerEnd="url(#arrow-gap)"
              />
            ) : null;
          }),
        )}
        {map.nodes.map((n) => {
          const p = pos.get(n.id);
          if (!p) return null;
          const gap = gapTenants.has(n.id);
          return (
            <g key={n.id} data-testid="chain-node" data-kind={n.kind}>
              <title>{`${nodeLabel(n)} · ${t(`chainMap.kind.${n.kind}`)}`}</title>
              <rect
                x={p.x}
                y={p.y}
                width={NODE_W}
                height={NODE_H}
                rx={6}
                fill={n.kind === 'tenant' ? '#e6fcf5' : n.kind === 'source' ? '#f1f3f5' : '#e7f5ff'}
                stroke={gap ? '#c92a2a' : n.kind === 'tenant' ? '#087f5b' : '#1864ab'}
                strokeWidth={gap ? 2.5 : 1.2}
              />
              <text x={p.x + 10} y={p.y + NODE_H / 2} dominantBaseline="central" fontSize={12} fill="#212529">
                {truncate(nodeLabel(n))}
              </text>
            </g>
          );
        })}
        {gaps.map((g) => {
          const p = pos.get(`gap:${g.category}`);
          if (!p) return null;
          return (
            <g key={g.category} data-testid="chain-gap-node">
              <title>
                {t('chainMap.gapTitle', { category: g.category, tenants: fmt.number(g.demand.tenants) })}
              </title>
              <rect
                x={p.x}
                y={p.y}
                width={NODE_W}
                height={NODE_H}
                rx={6}
                fill="#fff5f5"
                stroke="#c92a2a"
                strokeWidth={2}
                strokeDasharray="4 3"
              />
              <text x={p.x + 10} y={p.y + NODE_H / 2} dominantBaseline="central" fontSize={12} fill="#c92a2a">
                <GapName code={g.category} fallback={g.title} />
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="lg" mt="xs">
        <Text size="xs">
          <span
            aria-hidden
            style={{
              borderTop: '2px dashed #868e96',
              display: 'inline-block',
              width: 28,
              marginInlineEnd: 6,
            }}
          />
          {t('chainMap.edge.declared')}
        </Text>
        <Text size="xs">
          <span
            aria-hidden
            style={{ borderTop: '3px solid #087f5b', display: 'inline-block', width: 28, marginInlineEnd: 6 }}
          />
          {t('chainMap.edge.awarded')}
        </Text>
        <Text size="xs">
          <span
            aria-hidden
            style={{
              border: '2px dashed #c92a2a',
              display: 'inline-block',
              width: 20,
              height: 12,
              marginInlineEnd: 6,
            }}
          />
          {t('chainMap.gapLegend')}
        </Text>
      </Group>
    </div>
  );
}
