import { describe, expect, it } from 'vitest';
import type { Change } from '../stream/change';
import { becameStatus, isNeedItem, scheduleChanged } from './need-changes';

const need = (over: Record<string, unknown> = {}) => ({
  pk: 'NEED#need_1',
  sk: 'NEED',
  needId: 'need_1',
  status: 'open',
  closesAtMs: 1000,
  amendmentCount: 0,
  ...over,
});
const change = (
  oldImage: Record<string, unknown> | null,
  newImage: Record<string, unknown> | null,
): Change => ({
  id: '1',
  kind: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
  oldImage,
  newImage,
});

describe('need change filters', () => {
  it('recognises only the need item itself, not the items in its partition', () => {
    expect(isNeedItem(change(null, need()))).toBe(true);
    expect(isNeedItem(change(null, { ...need(), sk: 'BID#org_1' }))).toBe(false);
  });

  it('reschedules the close when the status or the effective close changes, not for other edits', () => {
    expect(scheduleChanged(change(null, need()))).toBe(true);
    expect(scheduleChanged(change(need(), need({ closesAtMs: 2000 })))).toBe(true);
    expect(scheduleChanged(change(need(), need({ status: 'cancelled' })))).toBe(true);
    expect(scheduleChanged(change(need(), need({ title: 'x' })))).toBe(false);
  });

  it('sees a status change once: a redelivered or later change in the same status is not another', () => {
    expect(becameStatus(change(need(), need({ status: 'cancelled' })), 'cancelled')).toBe(true);
    expect(
      becameStatus(change(need({ status: 'cancelled' }), need({ status: 'cancelled' })), 'cancelled'),
    ).toBe(false);
  });
});
