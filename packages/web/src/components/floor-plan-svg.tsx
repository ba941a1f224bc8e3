import type { ReactNode } from 'react';
import type { FloorSlot, Rect, SlotStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';

export const SLOT_COLORS: Record<SlotStatus, { fill: string; stroke: string }> = {
  available: { fill: '#c3fae8', stroke: '#087f5b' },
  held: { fill: '#fff3bf', stroke: '#e67700' },
  requested: { fill: '#d0ebff', stroke: '#1864ab' },
  booked: { fill: '#ffc9c9', stroke: '#c92a2a' },
};

/** A point in floor metres from a pointer event on the SVG (its viewBox is the floor). */
export function floorPoint(svg: SVGSVGElement, clientX: number, clientY: number) {
  const m = svg.getScreenCTM();
  if (!m) return { x: 0, y: 0 };
  const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
  return { x: p.x, y: p.y };
}

/**
 * A pavilion's floor drawn to scale (metres): each slot a rectangle coloured by its status. A floor
 * plan is a physical map, so it is never mirrored in right-to-left languages. Slots are buttons:
 * Tab reaches them, Enter or Space selects.
 */
export function FloorPlanSvg(props: {
  name: string;
  floor: { width: number; depth: number };
  slots: FloorSlot[];
  selectedId?: string | null;
  onSelect?: (slot: FloorSlot) => void;
  svgRef?: (el: SVGSVGElement | null) => void;
  onPointerDown?: (e: React.PointerEvent<SVGSVGElement>) => void;
  onPointerMove?: (e: React.PointerEvent<SVGSVGElement>) => void;
  onPointerUp?: (e: React.PointerEvent<SVGSVGElement>) => void;
  children?: ReactNode;
  testId?: string;
}) {
  const { t, tMaybe, fmt } = useI18n();
  const { width, depth } = props.floor;
  const grid = Math.max(1, Math.round(Math.max(width, depth) / 20));
  const lines: ReactNode[] = [];
  for (let x = grid; x < width; x += grid) lines.push(<line key={`x${x}`} x1={x} y1={0} x2={x} y2={depth} />);
  for (let y = grid; y < depth; y += grid) lines.push(<line key={`y${y}`} x1={0} y1={y} x2={width} y2={y} />);
  return (
    <div dir="ltr" style={{ width: '100%', overflowX: 'auto' }}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing is grouped with role=group; a fieldset cannot hold SVG */}
      <svg
        ref={props.svgRef}
        viewBox={`-0.5 -0.5 ${width + 1} ${depth + 1}`}
        role="group"
        aria-label={t('floor.svgLabel', {
          name: props.name,
          width: fmt.number(width),
          depth: fmt.number(depth),
        })}
        data-testid={props.testId}
        style={{
          width: '100%',
          maxHeight: 560,
          background: '#f8f9fa',
          touchAction: 'none',
          userSelect: 'none',
        }}
        onPointerDown={props.onPointerDown}
        onPointerMove={props.onPointerMove}
        onPointerUp={props.onPointerUp}
      >
        <rect x={0} y={0} width={width} height={depth} fill="#fff" stroke="#495057" strokeWidth={0.15} />
        <g stroke="#e9ecef" strokeWidth={0.05}>
          {lines}
        </g>
        {props.slots.map((s) => {
          const c = SLOT_COLORS[s.status];
          const selected = s.slotId === props.selectedId;
          const label = t('floor.slotLabel', {
            code: s.code,
            status: tMaybe(`status.${s.status}`) ?? s.status,
            area: fmt.number(s.area),
            price: fmt.money(s.price),
          });
          const fontSize = Math.max(0.4, Math.min(s.rect.w, s.rect.h) / 3.2);
          const shape = (
            <>
              <title>{label}</title>
              <rect
                x={s.rect.x}
                y={s.rect.y}
                width={s.rect.w}
                height={s.rect.h}
                fill={c.fill}
                stroke={selected ? '#1c7ed6' : c.stroke}
                strokeWidth={selected ? 0.35 : s.mine ? 0.25 : 0.1}
                strokeDasharray={s.mine && !selected ? '0.4 0.2' : undefined}
              />
              <text
                x={s.rect.x + s.rect.w / 2}
                y={s.rect.y + s.rect.h / 2}
                fontSize={fontSize}
                textAnchor="middle"
                dominantBaseline="central"
                fill="#212529"
                pointerEvents="none"
              >
                {s.code}
              </text>
            </>
          );
          const data = {
            'data-testid': `slot-${s.code}`,
            'data-status': s.status,
            'data-mine': s.mine ? 'true' : 'false',
            'data-slot': s.slotId,
          };
          const onSelect = props.onSelect;
          if (!onSelect) {
            return (
              <g key={s.slotId} {...data}>
                {shape}
              </g>
            );
          }
          return (
            // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; role, tabIndex and Enter/Space make the shape one
            <g
              key={s.slotId}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-current={selected || undefined}
              {...data}
              onClick={() => onSelect(s)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(s);
                }
              }}
              style={{ cursor: 'pointer' }}
            >
              {shape}
            </g>
          );
        })}
        {props.children}
      </svg>
    </div>
  );
}

export function rectArea(r: Rect) {
  return Math.round(r.w * r.h * 100) / 100;
}
