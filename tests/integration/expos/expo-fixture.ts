import type { TestRuntime } from '../../support/test-runtime';

const DAY = 86_400_000;

/** An operator's park with one expo (starting in `startsInDays`, lasting `days`) and one pavilion. */
export async function expoWithPavilion(
  rt: TestRuntime,
  opts: {
    themes?: string[];
    floor?: { width: number; depth: number };
    days?: number;
    startsInDays?: number;
  } = {},
) {
  const { parkId, operator } = await rt.park();
  const start = rt.container.clock.now().getTime() + (opts.startsInDays ?? 30) * DAY;
  const expo = await rt.call('POST', '/v1/expos', {
    token: operator.token,
    body: {
      parkId,
      name: 'Industrial supply expo',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + (opts.days ?? 3) * DAY).toISOString(),
      venue: 'Park exhibition centre',
    },
  });
  if (expo.status !== 201) throw new Error(`expo failed: ${JSON.stringify(expo.body)}`);
  const pavilion = await rt.call('POST', `/v1/expos/${expo.body.expoId}/pavilions`, {
    token: operator.token,
    body: {
      name: 'Hall A',
      themes: opts.themes ?? ['24', '25'],
      floor: opts.floor ?? { width: 100, depth: 40 },
    },
  });
  if (pavilion.status !== 201) throw new Error(`pavilion failed: ${JSON.stringify(pavilion.body)}`);
  return {
    parkId,
    operator,
    expoId: expo.body.expoId as string,
    expo: expo.body,
    pavilionId: pavilion.body.pavilionId as string,
  };
}

/** Adds a 3 × 3 m inline slot at column `n` of the pavilion's first row (or where `rect` says). */
export async function addSlot(
  rt: TestRuntime,
  operatorToken: string,
  pavilionId: string,
  n: number,
  extra: Record<string, unknown> = {},
) {
  const res = await rt.call('POST', `/v1/pavilions/${pavilionId}/slots`, {
    token: operatorToken,
    body: {
      code: `A-${n}`,
      kind: 'inline',
      area: 9,
      rect: { x: n * 3, y: 0, w: 3, h: 3 },
      price: { amount: 150_000_000, currency: 'IRR' },
      ...extra,
    },
  });
  if (res.status !== 201) throw new Error(`slot failed: ${JSON.stringify(res.body)}`);
  return res.body as { slotId: string; slices: { sliceId: string }[] } & Record<string, unknown>;
}

export const exhibitor = (name = 'Booth of a firm') => ({
  exhibitor: { displayName: name, contact: { name: 'Sales desk', email: 'sales@example.com' } },
});
