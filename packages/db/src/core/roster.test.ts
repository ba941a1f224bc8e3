import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { conflict, staleVersion } from '@parkbridge/domain/core';
import { describe, expect, it, vi } from 'vitest';
import { reportRosterFull, rosterMove, writeWithRoster } from './roster';

const db = { tableName: 't' } as Parameters<typeof rosterMove>[0];
const key = (sk: string) => ({ pk: 'DEMAND#park_1', sk });
const cancelled = (code: string, message?: string) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: code, Message: message }],
  });

describe('roster writes', () => {
  it('sets a member on its roster, moves it between rosters, and drops it', () => {
    const names = (items: ReturnType<typeof rosterMove>) =>
      items.map((i) => [i.item.Update?.Key?.sk, i.item.Update?.UpdateExpression]);
    expect(
      names(rosterMove(db, 'park-demand', 'n_1', key('DIV#24'), { key: key('DIV#24'), value: 1 })),
    ).toEqual([['DIV#24', 'SET #type = :type, #m = :v']]);
    expect(
      names(rosterMove(db, 'park-demand', 'n_1', key('DIV#24'), { key: key('DIV#25'), value: 1 })),
    ).toEqual([
      ['DIV#24', 'SET #type = :type REMOVE #m'],
      ['DIV#25', 'SET #type = :type, #m = :v'],
    ]);
    expect(names(rosterMove(db, 'park-demand', 'n_1', key('DIV#24'), null))).toEqual([
      ['DIV#24', 'SET #type = :type REMOVE #m'],
    ]);
    expect(rosterMove(db, 'park-demand', 'n_1', null, null)).toEqual([]);
    for (const i of rosterMove(db, 'park-demand', 'n_1', key('DIV#24'), { key: key('DIV#25'), value: 1 }))
      expect(i.item.Update?.ConditionExpression).toBeUndefined();
  });

  it('retries a write cancelled by a concurrent one, and drops the roster write that would pass 400 KB', async () => {
    const calls: boolean[] = [];
    const flaky = async (withRoster: boolean) => {
      calls.push(withRoster);
      if (calls.length < 3) throw conflict('write.concurrent', 'at the same time');
      return 'saved';
    };
    expect(await writeWithRoster(flaky)).toBe('saved');
    expect(calls).toEqual([true, true, true]);

    const sizes: boolean[] = [];
    const full = async (withRoster: boolean) => {
      sizes.push(withRoster);
      if (withRoster)
        throw cancelled('ValidationError', 'Item size to update has exceeded the maximum allowed size');
      return 'saved';
    };
    const reported: unknown[] = [];
    expect(await writeWithRoster(full, (err) => reported.push(err))).toBe('saved');
    expect(sizes).toEqual([true, false]);
    // The bound is reported, not passed over in silence.
    expect(reported).toHaveLength(1);
  });

  it('does not retry a lost race on the entity itself, nor other failures', async () => {
    let n = 0;
    await expect(
      writeWithRoster(async () => {
        n++;
        throw staleVersion();
      }),
    ).rejects.toMatchObject({ code: 'version.stale' });
    expect(n).toBe(1);
    await expect(
      writeWithRoster(async () => {
        throw cancelled('ValidationError', 'One or more parameter values were invalid');
      }),
    ).rejects.toBeInstanceOf(TransactionCanceledException);
  });
  it('reports a full roster as one structured warning a log metric can count', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      reportRosterFull(cancelled('ValidationError', 'Item size has exceeded the maximum allowed size'));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(JSON.parse(String(warn.mock.calls[0]?.[0]))).toMatchObject({
        level: 'WARN',
        message: 'roster.full',
        reasons: ['None', 'Item size has exceeded the maximum allowed size'],
      });
    } finally {
      warn.mockRestore();
    }
  });
});
