import {
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { type FloorPavilion, type FloorSlot, type Rect, SLOT_KINDS, type Slot } from '../../api/types';
import { FloorLegend } from '../../components/floor-legend';
import { FloorPlanSvg, floorPoint, rectArea } from '../../components/floor-plan-svg';
import { etagFor, MoneyInput } from '../../components/inputs';
import { Page } from '../../components/page';
import { localName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, Loading } from '../../components/query-state';
import { useSubmit } from '../../components/use-submit';
import { asciiDigits } from '../../format/digits';
import { moneyInputValue, parseMoneyInput } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { floorKey } from './expo-keys';
import { PavilionForm } from './pavilion-form';
import { useExpo, useFloorPlan } from './use-expo';

const SNAP = 0.5;
const snap = (v: number) => Math.round(v / SNAP) * SNAP;
const round2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

type Drag = { mode: 'draw' | 'move' | 'resize'; start: { x: number; y: number }; orig: Rect };

function fit(r: Rect, floor: { width: number; depth: number }): Rect {
  const w = clamp(r.w, SNAP, floor.width);
  const h = clamp(r.h, SNAP, floor.depth);
  return {
    x: round2(clamp(r.x, 0, floor.width - w)),
    y: round2(clamp(r.y, 0, floor.depth - h)),
    w: round2(w),
    h: round2(h),
  };
}

const emptyForm = { code: '', kind: 'inline', area: '', price: '' };

/**
 * Draw a slot on the pavilion floor (drag on an empty spot), then move it (drag it, or arrow keys)
 * and resize it (drag its corner, or Shift+arrows), or type its exact rectangle; then save it.
 * Choosing a saved slot on the plan loads it into the same form to move, resize or reprice it
 * (PATCH with the ETag it was read with). The server refuses a rectangle outside the floor or
 * overlapping another slot, and a new rectangle or price while a firm holds or booked the slot.
 */
function SlotEditor(props: { expoId: string; pavilion: FloorPavilion; currency: string }) {
  const { t, fmt } = useI18n();
  const { pavilion } = props;
  const svg = useRef<SVGSVGElement | null>(null);
  const [draft, setDraft] = useState<Rect | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [form, setForm] = useState(emptyForm);
  // The saved slot being edited, as read when the form was filled from it.
  const [editing, setEditing] = useState<Slot | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const startEdit = async (slot: FloorSlot) => {
    setLoadError(null);
    try {
      // A fresh read: its version is what the save is conditioned on (412 if someone changed it since).
      const x = await api.get<Slot>(`/v1/slots/${slot.slotId}`);
      setEditing(x);
      setDraft(x.rect);
      setForm({
        code: x.code,
        kind: x.kind,
        area: String(x.area),
        price: moneyInputValue(x.price.amount, x.price.currency),
      });
      s.reset();
    } catch (err) {
      setLoadError(err);
    }
  };
  const stopEdit = () => {
    setEditing(null);
    setDraft(null);
    setForm(emptyForm);
    s.reset();
  };
  const at = (e: React.PointerEvent) => {
    const p = svg.current ? floorPoint(svg.current, e.clientX, e.clientY) : { x: 0, y: 0 };
    return { x: snap(p.x), y: snap(p.y) };
  };
  const begin = (mode: Drag['mode'], e: React.PointerEvent) => {
    // Drawing starts on empty floor only: a press on an existing slot is not a new slot.
    if (mode === 'draw' && (e.target as Element).closest('[data-slot]')) return;
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    const p = at(e);
    const orig = mode === 'draw' ? { x: p.x, y: p.y, w: 0, h: 0 } : (draft as Rect);
    setDrag({ mode, start: p, orig });
    if (mode === 'draw') setDraft(null);
  };
  const move = (e: React.PointerEvent) => {
    if (!drag) return;
    const p = at(e);
    const dx = p.x - drag.start.x;
    const dy = p.y - drag.start.y;
    const o = drag.orig;
    if (drag.mode === 'draw') {
      const r = { x: Math.min(o.x, p.x), y: Math.min(o.y, p.y), w: Math.abs(dx), h: Math.abs(dy) };
      if (r.w >= SNAP && r.h >= SNAP) setDraft(fit(r, pavilion.floor));
    } else if (drag.mode === 'move') setDraft(fit({ ...o, x: o.x + dx, y: o.y + dy }, pavilion.floor));
    else setDraft(fit({ ...o, w: Math.max(SNAP, o.w + dx), h: Math.max(SNAP, o.h + dy) }, pavilion.floor));
  };
  const end = () => setDrag(null);
  const onKey = (e: React.KeyboardEvent) => {
    if (!draft) return;
    const step: Record<string, [number, number]> = {
      ArrowLeft: [-SNAP, 0],
      ArrowRight: [SNAP, 0],
      ArrowUp: [0, -SNAP],
      ArrowDown: [0, SNAP],
    };
    const d = step[e.key];
    if (!d) return;
    e.preventDefault();
    setDraft(
      fit(
        e.shiftKey
          ? { ...draft, w: Math.max(SNAP, draft.w + d[0]), h: Math.max(SNAP, draft.h + d[1]) }
          : { ...draft, x: draft.x + d[0], y: draft.y + d[1] },
        pavilion.floor,
      ),
    );
  };
  const setField = (k: keyof Rect, v: string) => {
    const n = Number(asciiDigits(v).replace(',', '.'));
    const base = draft ?? { x: 0, y: 0, w: 3, h: 3 };
    if (Number.isFinite(n)) setDraft({ ...base, [k]: n });
  };
  const area = form.area.trim()
    ? Number(asciiDigits(form.area).replace(',', '.'))
    : draft
      ? rectArea(draft)
      : 0;
  const body = () => ({
    code: form.code,
    kind: form.kind,
    area,
    rect: draft,
    price: {
      amount: parseMoneyInput(form.price, props.currency, fmt.locale) ?? form.price,
      currency: props.currency,
    },
  });
  const s = useSubmit(
    (key) =>
      editing
        ? api.patch(`/v1/slots/${editing.slotId}`, body(), { ifMatch: etagFor(editing) })
        : api.post(`/v1/pavilions/${pavilion.pavilionId}/slots`, body(), { idempotencyKey: key }),
    {
      invalidate: [floorKey(props.expoId)],
      onSuccess: () => {
        setDraft(null);
        if (editing) {
          setEditing(null);
          setForm(emptyForm);
        } else setForm((f) => ({ ...f, code: nextCode(f.code), area: '' }));
      },
    },
  );
  const handle = Math.max(0.4, Math.min(pavilion.floor.width, pavilion.floor.depth) / 40);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('editor.hint')}
          </Text>
          <FloorPlanSvg
            name={pavilion.name}
            floor={pavilion.floor}
            slots={pavilion.slots.filter((x) => x.slotId !== editing?.slotId)}
            onSelect={(x) => void startEdit(x)}
            svgRef={(el) => {
              svg.current = el;
            }}
            onPointerDown={(e) => begin('draw', e)}
            onPointerMove={move}
            onPointerUp={end}
            testId="floor-editor"
          >
            {draft && (
              <g>
                {/* biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the draft is focusable and moved with the arrow keys */}
                <rect
                  x={draft.x}
                  y={draft.y}
                  width={draft.w}
                  height={draft.h}
                  fill="rgba(28,126,214,0.25)"
                  stroke="#1864ab"
                  strokeWidth={0.15}
                  strokeDasharray="0.4 0.2"
                  tabIndex={0}
                  role="button"
                  aria-label={t(editing ? 'editor.editLabel' : 'editor.draftLabel', {
                    code: editing?.code ?? '',
                    x: fmt.number(draft.x),
                    y: fmt.number(draft.y),
                    w: fmt.number(draft.w),
                    h: fmt.number(draft.h),
                  })}
                  onKeyDown={onKey}
                  onPointerDown={(e) => begin('move', e)}
                  style={{ cursor: 'move' }}
                  data-testid="draft-slot"
                />
                <rect
                  x={draft.x + draft.w - handle / 2}
                  y={draft.y + draft.h - handle / 2}
                  width={handle}
                  height={handle}
                  fill="#1864ab"
                  onPointerDown={(e) => begin('resize', e)}
                  style={{ cursor: 'nwse-resize' }}
                  aria-hidden
                  data-testid="draft-resize"
                />
              </g>
            )}
          </FloorPlanSvg>
          <FloorLegend />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md">
          <form onSubmit={s.onSubmit}>
            <Stack gap="sm">
              <Title order={2} size="h4" data-testid="slot-form-title">
                {editing ? t('editor.editSlot', { code: editing.code }) : t('editor.newSlot')}
              </Title>
              {editing && (
                <Text size="xs" c="dimmed">
                  {t('editor.editHint')}
                </Text>
              )}
              {loadError ? <ProblemAlert error={loadError} /> : null}
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('editor.x')}
                  inputMode="decimal"
                  value={draft ? String(draft.x) : ''}
                  onChange={(e) => setField('x', e.currentTarget.value)}
                  data-testid="rect-x"
                />
                <TextInput
                  label={t('editor.y')}
                  inputMode="decimal"
                  value={draft ? String(draft.y) : ''}
                  onChange={(e) => setField('y', e.currentTarget.value)}
                  data-testid="rect-y"
                />
                <TextInput
                  label={t('editor.w')}
                  inputMode="decimal"
                  value={draft ? String(draft.w) : ''}
                  onChange={(e) => setField('w', e.currentTarget.value)}
                  data-testid="rect-w"
                />
                <TextInput
                  label={t('editor.h')}
                  inputMode="decimal"
                  value={draft ? String(draft.h) : ''}
                  onChange={(e) => setField('h', e.currentTarget.value)}
                  data-testid="rect-h"
                />
              </SimpleGrid>
              {s.fieldError('rect') && (
                <Text size="xs" c="red.9" role="alert">
                  {s.fieldError('rect')}
                </Text>
              )}
              <TextInput
                label={t('editor.code')}
                required
                value={form.code}
                onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
                error={s.fieldError('code')}
                data-testid="slot-code"
              />
              <NativeSelect
                label={t('editor.kind')}
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.currentTarget.value })}
                data={SLOT_KINDS.map((k) => ({ value: k, label: t(`slot.kind.${k}`) }))}
                error={s.fieldError('kind')}
              />
              <TextInput
                label={t('editor.area')}
                description={t('editor.areaHint', { area: fmt.number(draft ? rectArea(draft) : 0) })}
                inputMode="decimal"
                value={form.area}
                onChange={(e) => setForm({ ...form, area: e.currentTarget.value })}
                error={s.fieldError('area')}
              />
              <MoneyInput
                label={t('listing.price')}
                required
                currency={props.currency}
                value={form.price}
                onChange={(v) => setForm({ ...form, price: v })}
                error={s.fieldError('price')}
                testId="slot-price"
              />
              {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
              <Group justify="space-between">
                {editing ? (
                  <Button variant="default" onClick={stopEdit} data-testid="slot-edit-cancel">
                    {t('editor.cancelEdit')}
                  </Button>
                ) : (
                  <Button variant="default" onClick={() => setDraft(null)} disabled={!draft}>
                    {t('editor.discard')}
                  </Button>
                )}
                <Button type="submit" loading={s.pending} disabled={!draft} data-testid="slot-save">
                  {editing ? t('editor.saveChanges') : t('editor.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

/** "A7" → "A8": the next code, so drawing a row of booths is quick. */
function nextCode(code: string): string {
  const m = /^(.*?)(\d+)$/.exec(code);
  return m ? `${m[1]}${Number(m[2]) + 1}` : code;
}

export default function ExpoEditorPage() {
  const { expoId = '' } = useParams();
  const { t, lang } = useI18n();
  const expo = useExpo(expoId);
  const plan = useFloorPlan(expoId, 30_000);
  const [current, setCurrent] = useState<string | null>(null);
  if (expo.error) return <ProblemAlert error={expo.error} />;
  if (plan.error) return <ProblemAlert error={plan.error} onRetry={() => plan.refetch()} />;
  if (!expo.data || !plan.data) return <Loading />;
  const pavilions = plan.data.pavilions;
  const pavilion = pavilions.find((p) => p.pavilionId === current) ?? pavilions[0];
  return (
    <Page
      title={t('editor.title', { name: localName(expo.data.name, expo.data.names, lang) })}
      actions={
        <Group gap="sm">
          <Button component={Link} to={`/expos/${expoId}`} variant="default">
            {t('expo.floorPlan')}
          </Button>
          <Button component={Link} to={`/expos/${expoId}/bookings`} variant="light">
            {t('expo.bookings')}
          </Button>
        </Group>
      }
    >
      {pavilions.length === 0 ? (
        <Empty title={t('floor.noPavilions')} hint={t('editor.firstPavilion')} />
      ) : (
        <Stack>
          {pavilions.length > 1 && (
            <SegmentedControl
              aria-label={t('editor.pavilion')}
              value={pavilion?.pavilionId ?? ''}
              onChange={setCurrent}
              data={pavilions.map((p) => ({ value: p.pavilionId, label: localName(p.name, p.names, lang) }))}
              w="fit-content"
            />
          )}
          {pavilion && (
            <SlotEditor
              key={pavilion.pavilionId}
              expoId={expoId}
              pavilion={pavilion}
              currency={expo.data.currency}
            />
          )}
        </Stack>
      )}
      <Paper withBorder p="md">
        <PavilionForm expoId={expoId} onCreated={(p) => setCurrent(p.pavilionId)} />
      </Paper>
    </Page>
  );
}
