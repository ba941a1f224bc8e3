// Booking storm: many organisations holding slots at once through real HTTP, against DynamoDB
// Local. Prints holds per second, latency percentiles, and capacity units per hold as DynamoDB
// reports them (ReturnConsumedCapacity TOTAL on every command a request sends).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import { newId } from '@parkbridge/domain/core';
import { rolesForKinds } from '@parkbridge/domain/users';
import { startLocalRuntime } from '../functions/local/local-runtime';
import type { Bench, BenchTable } from './run';

const ORGS = 50;
const STORM_ROUNDS = 10;
const DAY = 86_400_000;

interface Usage {
  read: number;
  write: number;
  commands: number;
  failedTransactions: number;
}

interface Sample {
  status: number;
  ms: number;
  usage: Usage;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0) : 0;
};
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const fixed = (n: number, d = 1) => n.toFixed(d);

async function run(): Promise<BenchTable[]> {
  const rt = await startLocalRuntime({ onError: (e) => console.error(e) });
  const usage = new AsyncLocalStorage<Usage>();
  // Ask DynamoDB for the capacity of every command, and add it to the request that sent it.
  rt.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const u = usage.getStore();
      const input = args.input as Record<string, unknown>;
      if (u) input.ReturnConsumedCapacity = 'TOTAL';
      try {
        const out = await next(args);
        if (u) {
          u.commands++;
          const cc = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
          for (const c of (Array.isArray(cc) ? cc : cc ? [cc] : []) as { CapacityUnits?: number }[]) {
            const units = c.CapacityUnits ?? 0;
            if (/Transact|Put|Update|Delete/.test(context.commandName ?? '')) u.write += units;
            else u.read += units;
          }
        }
        return out;
      } catch (err) {
        if (u) {
          u.commands++;
          if ((context.commandName ?? '').startsWith('TransactWrite')) u.failedTransactions++;
        }
        throw err;
      }
    },
    { step: 'initialize', name: 'consumedCapacity' },
  );
  const server = serve({
    fetch: (req) =>
      usage.run({ read: 0, write: 0, commands: 0, failedTransactions: 0 }, async () => {
        const res = await rt.app.fetch(req);
        const u = usage.getStore()!;
        res.headers.set('x-bench-usage', JSON.stringify(u));
        return res;
      }),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function http(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<Sample & { body: any }> {
    const t = performance.now();
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    return {
      status: res.status,
      ms: performance.now() - t,
      usage: JSON.parse(res.headers.get('x-bench-usage') ?? '{}'),
      body: json,
    };
  }

  try {
    const app = rt.container;
    const operatorUser = await app.repos.users.createOrGet({
      userId: newId('user'),
      email: 'bench-operator@parkbridge.bench',
      name: 'Bench operator',
      orgId: null,
      createdAt: new Date().toISOString(),
    });
    const now = new Date().toISOString();
    const opOrg = await app.repos.orgs.createWithFounder(
      {
        orgId: newId('org'),
        name: 'Bench park authority',
        kinds: ['operator'],
        country: 'IR',
        createdAt: now,
        updatedAt: now,
        version: 0,
      },
      operatorUser.userId,
      { action: 'org.created', actor: { userId: 'bench', orgId: null }, before: null, after: null },
    );
    const operator = {
      userId: operatorUser.userId,
      orgId: opOrg.orgId,
      roles: ['operator' as const],
      personRole: 'admin' as const,
    };
    const park = await app.parks.create(operator, {
      name: 'Bench park',
      kind: 'industrial_park',
      country: 'IR',
      location: { lat: 35.7, lon: 50.4 },
      currency: 'IRR',
      timeZone: 'Asia/Tehran',
    });
    const start = Date.now() + 30 * DAY;
    const expo = await app.expos.expos.create(operator, {
      parkId: park.parkId,
      name: 'Bench expo',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3 * DAY).toISOString(),
      venue: 'Hall',
    });
    const pav = await app.expos.expos.addPavilion(operator, expo.expoId, {
      name: 'Hall A',
      themes: ['24'],
      floor: { width: 200, depth: 50 },
    });
    const slots: string[] = [];
    for (let i = 0; i < ORGS * 3 + 1; i++) {
      const s = await app.expos.expos.addSlot(operator, pav.pavilionId, {
        code: `S-${i}`,
        kind: 'inline',
        area: 9,
        rect: { x: (i % 50) * 4, y: Math.floor(i / 50) * 4, w: 3, h: 3 },
        price: { amount: 100_000_000, currency: 'IRR' },
      });
      slots.push(s.slotId);
    }
    const firms: { token: string; orgId: string }[] = [];
    for (let i = 0; i < ORGS; i++) {
      const u = await app.repos.users.createOrGet({
        userId: newId('user'),
        email: `bench-${i}@parkbridge.bench`,
        name: `Bench firm ${i}`,
        orgId: null,
        createdAt: new Date().toISOString(),
      });
      const org = await app.orgs.create(
        { userId: u.userId, orgId: null, roles: [], personRole: null },
        {
          name: `Bench firm ${i}`,
          kinds: ['supplier'],
          country: 'IR',
        },
      );
      const token = await rt.tokens.issue({
        sub: u.userId,
        org: org.orgId,
        role: 'admin',
        groups: rolesForKinds(org.kinds),
      });
      firms.push({ token, orgId: org.orgId });
    }

    // 1. Storm: every organisation holds the same slot at once; the winner cancels between rounds.
    const storm: Sample[] = [];
    let stormMs = 0;
    const contested = slots[ORGS * 3]!;
    for (let round = 0; round < STORM_ROUNDS; round++) {
      const t = performance.now();
      const results = await Promise.all(
        firms.map((f) => http('POST', `/v1/slots/${contested}/hold`, f.token)),
      );
      stormMs += performance.now() - t;
      storm.push(...results);
      const won = results.filter((r) => r.status === 201);
      if (won.length !== 1) throw new Error(`round ${round}: ${won.length} holds won`);
      const owner = firms.find((f) => f.orgId === won[0]!.body.orgId)!;
      await http('POST', `/v1/bookings/${won[0]!.body.bookingId}/cancel`, owner.token);
    }

    // 2. Spread: every organisation holds three slots of its own at once (150 holds, no contention).
    const t2 = performance.now();
    const spread = await Promise.all(
      firms.flatMap((f, i) =>
        [0, 1, 2].map((k) => http('POST', `/v1/slots/${slots[i * 3 + k]}/hold`, f.token)),
      ),
    );
    const spreadMs = performance.now() - t2;

    // 3. Past the limit: each organisation tries a fourth slot (its ledger refuses it).
    const t3 = performance.now();
    const limited = await Promise.all(firms.map((f) => http('POST', `/v1/slots/${contested}/hold`, f.token)));
    const limitedMs = performance.now() - t3;

    const row = (name: string, samples: Sample[], ms: number) => {
      const ok = samples.filter((s) => s.status === 201);
      const refused = samples.filter((s) => s.status !== 201);
      const cu = (xs: Sample[], k: 'read' | 'write') => fixed(avg(xs.map((s) => s.usage[k] ?? 0)));
      return [
        name,
        samples.length,
        `${ok.length} / ${samples.filter((s) => s.status === 409).length} / ${samples.filter((s) => s.status === 422).length}`,
        fixed((ok.length / ms) * 1000),
        fixed((samples.length / ms) * 1000),
        fixed(
          percentile(
            samples.map((s) => s.ms),
            50,
          ),
          0,
        ),
        fixed(
          percentile(
            samples.map((s) => s.ms),
            99,
          ),
          0,
        ),
        ok.length ? `${cu(ok, 'read')} + ${cu(ok, 'write')}` : '—',
        refused.length ? `${cu(refused, 'read')} + ${cu(refused, 'write')}` : '—',
        fixed(avg(samples.map((s) => s.usage.failedTransactions ?? 0)), 2),
      ];
    };
    return [
      {
        title: `Booking storm (${ORGS} organisations, real HTTP, DynamoDB Local)`,
        columns: [
          'scenario',
          'requests',
          '201 / 409 / 422',
          'holds/s',
          'requests/s',
          'p50 ms',
          'p99 ms',
          'CU per hold (read + write)',
          'CU per refusal (read + write)',
          'cancelled tx per request',
        ],
        rows: [
          row(`storm: ${ORGS} orgs × 1 slot × ${STORM_ROUNDS} rounds`, storm, stormMs),
          row(`spread: ${ORGS} orgs × 3 own slots at once`, spread, spreadMs),
          row(`limit: ${ORGS} orgs, 4th hold each`, limited, limitedMs),
        ],
        notes: [
          'CU as DynamoDB Local reports them (ReturnConsumedCapacity TOTAL on every command of a request): a',
          'transactional write costs 2 WCU per KB of each item; a consistent read 1 RCU per 4 KB. A cancelled',
          'transaction reports no capacity here; in AWS it is charged as if it had written, so the last column',
          'counts them (in the storm: requests that read the slot free and lost the race in the condition; in',
          'the spread: retries after a sibling hold of the same organisation moved its ledger). A refusal',
          'otherwise costs reads only: the hold reads the claim first and refuses a taken slot without a transaction.',
          `Timings are on a shared ${cpus().length}-core machine; load average at the end: ${loadavg()
            .map((l) => l.toFixed(1))
            .join(', ')}.`,
        ],
      },
    ];
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await rt.stop();
  }
}

const bench: Bench = { name: 'booking storm: concurrent holds on one slot and on many', run };
export default bench;
