import { describe, expect, it } from 'vitest';
import { amendmentChanges } from './amendment';
import type { Need } from './need';
import { NeedAmendmentInput, NeedDraftPatch } from './need-requests';
import { audienceOf, canSee, type Viewer } from './visibility';

const need = {
  needId: 'need_1',
  ownerOrgId: 'org_buyer',
  status: 'open',
  parkId: 'park_1',
  visibility: 'public',
  title: 'Pipe',
  description: 'DN50',
  category: '2420',
  quantity: 10,
  unit: 't',
  requiredCertificates: ['iso_9001', 'halal'],
} as unknown as Need;

const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  orgId: 'org_x',
  supplierParkIds: new Set(),
  operatedParkIds: new Set(),
  ...over,
});

describe('canSee', () => {
  it('shows a draft to its owner alone', () => {
    const draft = { ...need, status: 'draft' as const };
    expect(canSee(draft, viewer({ orgId: 'org_buyer' }))).toBe(true);
    expect(canSee(draft, viewer({ operatedParkIds: new Set(['park_1']) }))).toBe(false);
    expect(canSee(draft, viewer({ supplierParkIds: new Set(['park_1']) }))).toBe(false);
  });

  it('shows a public need to any approved supplier and a park-only one to the park’s', () => {
    const elsewhere = viewer({ supplierParkIds: new Set(['park_2']) });
    expect(canSee(need, elsewhere)).toBe(true);
    expect(canSee({ ...need, visibility: 'park' }, elsewhere)).toBe(false);
    expect(canSee({ ...need, visibility: 'park' }, viewer({ supplierParkIds: new Set(['park_1']) }))).toBe(
      true,
    );
    expect(canSee(need, viewer())).toBe(false);
    expect(canSee(need, viewer({ operatedParkIds: new Set(['park_1']) }))).toBe(true);
  });

  it('turns the same rule into a search audience', () => {
    expect(
      audienceOf(viewer({ supplierParkIds: new Set(['p1']), operatedParkIds: new Set(['p2']) })),
    ).toEqual({
      orgId: 'org_x',
      parkIds: ['p1', 'p2'],
      publicNeeds: true,
    });
    expect(audienceOf(viewer()).publicNeeds).toBe(false);
  });
});

describe('amendmentChanges', () => {
  it('lists only the fields that really change', () => {
    const input = NeedAmendmentInput.parse({
      quantity: 10,
      title: 'Pipe, seamless',
      requiredCertificates: ['halal', 'iso_9001'],
      reason: 'clarify',
    });
    expect(amendmentChanges(need, input)).toEqual([
      { field: 'title', before: 'Pipe', after: 'Pipe, seamless' },
    ]);
  });

  it('refuses an amendment without a material field, or with a field that is not amendable', () => {
    expect(NeedAmendmentInput.safeParse({ reason: 'x' }).success).toBe(false);
    expect(NeedAmendmentInput.safeParse({ closesAt: '2030-01-01T00:00:00Z', reason: 'x' }).success).toBe(
      false,
    );
  });
});

describe('NeedDraftPatch', () => {
  it('does not fill defaults into fields the caller left out', () => {
    expect(NeedDraftPatch.parse({ quantity: 3 })).toEqual({ quantity: 3 });
  });
});
