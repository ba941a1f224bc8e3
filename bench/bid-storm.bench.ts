// Bid storm: 20 suppliers bidding and revising on one need at once, through real HTTP, against
// DynamoDB Local. Prints accepted bids per second, latency percentiles, and the capacity units one
// bid consumes: its transaction's (ReturnConsumedCapacity TOTAL on the bid's TransactWriteItems)
// and the whole request's (every command the request sends, reads included).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import { type Caller, newId } from '@parkbridge/domain/core';
import { rolesForKinds } from '@parkbridge/domain/users';
import { startLocalRuntime } from '../functions/local/local-runtime';
import type { Bench, BenchTable } from './run';

const SUPPLIERS = 20;
const BIDS_EACH = 10;

interface Usage {
  read: number;
  write: number;
  commands: number;
}

interface Sample {
  status: number;
  code: string | undefined;
  ms: number;
  usage: Usage;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0) : 0;
};
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

async function run(): Promise<BenchTable[]> {
  const rt = await startLocalRuntime({ onError: (e) => console.error(e), rules: { minBiddingWindowS: 60 } });
  const usage = new AsyncLocalStorage<Usage>();
  // Ask DynamoDB for the capacity of every command a request sends, and add it to that request.
  rt.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const u = usage.getStore();
      if (u) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      if (u) {
        u.commands++;
        const cc = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        for (const c of (Array.isArray(cc) ? cc : cc ? [cc] : []) as { CapacityUnits?: number }[]) {
          if (/Transact|Put|Update|Delete/.test(context.commandName ?? '')) u.write += c.CapacityUnits ?? 0;
          else u.read += c.CapacityUnits ?? 0;
        }
      }
      return out;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );
  // The bid transaction's own units, as the repository reports them.
  const txUnits: number[] = [];
  const txItems: number[] = [];
  rt.container.bidding.repos.bids.observeCapacity((units, op, items) => {
    if (op === 'bid.create' || op === 'bid.revise') {
      txUnits.push(units);
      txItems.push(items);
    }
  });

  const server = serve({
    fetch: (req) =>
      usage.run({ read: 0, write: 0, commands: 0 }, async () => {
        const res = await rt.app.fetch(req);
        res.headers.set('x-bench-usage', JSON.stringify(usage.getStore()));
        return res;
      }),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function http(method: string, path: string, token: string, body?: unknown): Promise<Sample> {
    const t = performance.now();
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as { code?: string };
    return {
      status: res.status,
      code: json.code,
      ms: performance.now() - t,
      usage: JSON.parse(res.headers.get('x-bench-usage') ?? '{}'),
    };
  }

  try {
    const app = rt.container;
    const now = () => new Date().toISOString();
    const user = (label: string) =>
      app.repos.users.createOrGet({
        userId: newId('user'),
        email: `${label}-${newId('user')}@parkbridge.bench`,
        name: label,
        orgId: null,
        createdAt: now(),
      });
    const opUser = await user('operator');
    const opOrg = await app.repos.orgs.createWithFounder(
      {
        orgId: newId('org'),
        name: 'Bench authority',
        kinds: ['operator'],
        country: 'IR',
        createdAt: now(),
        updatedAt: now(),
        version: 0,
      },
      opUser.userId,
      { action: 'org.created', actor: { userId: 'bench', orgId: null }, before: null, after: null },
    );
    const operator = {
      userId: opUser.userId,
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
    async function firm(kind: 'tenant' | 'supplier') {
      const u = await user(kind);
      const org = await app.orgs.create(
        { userId: u.userId, orgId: null, roles: [], personRole: null },
        {
          name: `Bench ${kind}`,
          kinds: [kind],
          country: 'IR',
        },
      );
      const caller: Caller & { orgId: string } = {
        userId: u.userId,
        orgId: org.orgId,
        roles: rolesForKinds(org.kinds),
        personRole: 'admin',
      };
      await app.memberships.apply(caller, park.parkId, [kind]);
      await app.memberships.decide(operator, park.parkId, org.orgId, 'approved');
      const token = await rt.tokens.issue({
        sub: u.userId,
        org: org.orgId,
        role: 'admin',
        groups: [...caller.roles],
      });
      return { caller, token };
    }
    const owner = await firm('tenant');
    const suppliers = await Promise.all(Array.from({ length: SUPPLIERS }, () => firm('supplier')));

    const rows: (string | number)[][] = [];
    for (const mode of ['sealed', 'auction'] as const) {
      const need = await app.market.needs.create(owner.caller, {
        title: `Bench ${mode} need`,
        description: 'Hot-rolled coil for the bid storm.',
        category: '2410',
        quantity: 1000,
        unit: 't',
        parkId: park.parkId,
        currency: 'IRR',
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        mode,
        ...(mode === 'auction' ? { auction: { minDecrementBps: 10, maxExtensions: 10 } } : {}),
        requiredCertificates: [],
        parkFirstHours: 0,
        visibility: 'public',
      });
      await app.market.needs.publish(owner.caller, need.needId);
      txUnits.length = 0;
      txItems.length = 0;
      const samples: Sample[] = [];
      const started = performance.now();
      await Promise.all(
        suppliers.map(async (s, i) => {
          let placed = false;
          for (let k = 0; k < BIDS_EACH; k++) {
            const body = {
              unitPrice: { amount: 1_000_000 - k * 5_000 - i * 97, currency: 'IRR' },
              quantity: 1000,
              leadTimeDays: 20,
              validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            };
            const path = `/v1/needs/${need.needId}/bids${placed ? '/mine' : ''}`;
            const sample = await http(placed ? 'PUT' : 'POST', path, s.token, body);
            if (sample.status < 300) placed = true;
            samples.push(sample);
          }
        }),
      );
      const wallS = (performance.now() - started) / 1000;
      const accepted = samples.filter((s) => s.status < 300);
      const refused = samples.filter((s) => s.status >= 300);
      const codes = [...new Set(refused.map((r) => `${r.status} ${r.code}`))].join(', ') || '—';
      rows.push([
        mode,
        samples.length,
        accepted.length,
        codes === '—' ? 0 : `${refused.length} (${codes})`,
        (accepted.length / wallS).toFixed(1),
        percentile(
          accepted.map((s) => s.ms),
          50,
        ).toFixed(0),
        percentile(
          accepted.map((s) => s.ms),
          99,
        ).toFixed(0),
        avg(txItems).toFixed(1),
        (2 * avg(txItems)).toFixed(1),
        avg(txUnits).toFixed(1),
        avg(accepted.map((s) => s.usage.read)).toFixed(1),
        avg(accepted.map((s) => s.usage.write)).toFixed(1),
        avg(accepted.map((s) => s.usage.commands)).toFixed(1),
      ]);
    }
    return [
      {
        title: `Bid storm: ${SUPPLIERS} suppliers × ${BIDS_EACH} bids on one need (a first bid, then revisions), all at once`,
        columns: [
          'mode',
          'requests',
          'accepted',
          'refused',
          'accepted bids/s',
          'p50 ms',
          'p99 ms',
          'tx items/bid',
          'tx WCU/bid (AWS)',
          'tx WCU/bid (Local)',
          'request RCU/bid',
          'request WCU/bid',
          'DynamoDB calls/bid',
        ],
        rows,
        notes: [
          'tx items: the bid TransactWriteItems (bid, audit record, revision, ConditionChecks on the need and the membership,',
          'one per required certificate; in auction mode also the auction state). tx WCU (AWS): DynamoDB prices a',
          'transactional write at 2 WCU per item per KB, ConditionChecks included; every item here is under 1 KB unless the',
          "need's own text is long (its ConditionCheck is priced on the need item's size). tx WCU (Local): what DynamoDB Local",
          'returns for ReturnConsumedCapacity TOTAL on that transaction (it under-reports transactions). request RCU/WCU: every',
          'command the request sent as DynamoDB Local reports it (strongly consistent reads of the need, own bid, membership;',
          'in auction mode also the auction state and the need’s bids).',
          'In auction mode every bid must beat its own previous and, to lead, the best by 0.1 %: refusals there are rules.',
          `Timings are DynamoDB Local on a shared ${cpus().length}-core machine; load average at the end: ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' / ')}. They show contention, not AWS latency.`,
        ],
      },
    ];
  } finally {
    server.close();
    await rt.stop();
  }
}

export default { name: 'bid storm', run } satisfies Bench;
