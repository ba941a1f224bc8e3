import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import { startScenarioRuntime } from '../../tests/security/support/runtime';
import { bidBody, listingBody } from '../../tests/security/support/scenario';
import type { BenchTable } from '../run';

interface CannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface CannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  statusCodeStats: Record<string, { count: number }>;
}

// autocannon ships no types; this is the part of its API the bench uses.
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests: (CannonRequest & { setupRequest?: (req: CannonRequest) => CannonRequest })[];
}) => Promise<CannonResult>;

export interface LoadScenario {
  name: string;
  route: string;
  /** Seconds for reads; a fixed number of requests for writes (each one a new bid or hold). */
  duration?: number;
  amount?: number;
  /** Seeding this scenario alone needs, run just before it is measured (after the ones before it). */
  prepare?: () => Promise<void>;
  request: () => CannonRequest;
}

export interface LoadOptions {
  connections?: number;
  duration?: number;
  needs?: number;
  suppliers?: number;
  slots?: number;
}

/**
 * The local server (the same app, in process, on @hono/node-server) on a free port over its own
 * DynamoDB Local, seeded through the API, then driven by autocannon on the hottest reads (needs
 * search, supplier inbox, floor plan) and writes (bids, holds) that exist in the OpenAPI document.
 */
export async function runLoad(opts: LoadOptions = {}): Promise<BenchTable> {
  const connections = opts.connections ?? 10;
  const duration = opts.duration ?? 10;
  const rt = await startScenarioRuntime();
  const server = serve({ fetch: rt.runtime.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const s = await rt.scenario();
    const h = s.h;
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const json = (token: string) => ({ ...auth(token), 'content-type': 'application/json' });
    const approvedIn = { parkId: s.a.parkId, operatorToken: s.a.operator.token };
    const suppliers = await Promise.all(
      Array.from({ length: opts.suppliers ?? 8 }, () => h.firm({ kinds: ['supplier'], approvedIn })),
    );
    const has = (key: string) => key in rt.doc.routes;
    const scenarios: LoadScenario[] = [];
    let needIds: string[] = [];
    if (has('POST /v1/listings')) {
      for (const sup of [s.a.supplier, ...suppliers]) {
        await h.must(201, 'POST', '/v1/listings', { token: sup.token, body: listingBody() });
      }
    }
    needIds = await Promise.all(Array.from({ length: opts.needs ?? 40 }, () => s.need()));
    const matching = (h.container as any).market?.matching;
    if (typeof matching?.matchNeed === 'function') for (const id of needIds) await matching.matchNeed(id);

    if (has('GET /v1/needs')) {
      scenarios.push({
        name: 'needs search',
        route: 'GET /v1/needs?category=24&q=steel',
        duration,
        request: () => ({
          method: 'GET',
          path: `/v1/needs?category=24&q=steel&parkId=${s.a.parkId}`,
          headers: auth(s.a.supplier.token),
        }),
      });
    }
    if (has('GET /v1/matches')) {
      scenarios.push({
        name: 'supplier inbox',
        route: 'GET /v1/matches',
        duration,
        request: () => ({ method: 'GET', path: '/v1/matches', headers: auth(s.a.supplier.token) }),
      });
    }
    if (has('GET /v1/expos/{expoId}/floorplan')) {
      const expoId = await s.expo();
      for (let i = 0; i < 40; i++) await s.slot();
      for (let i = 0; i < 10; i++) await s.hold();
      // Named from the floor as read now. The hold scenario's slots go into this same expo, so they
      // are added only after this scenario ran (its prepare): the floor measured is this one.
      const plan = await h.must(200, 'GET', `/v1/expos/${expoId}/floorplan`, { token: s.a.tenant.token });
      const slots: { status: string }[] = plan.body.pavilions.flatMap((p: { slots: unknown[] }) => p.slots);
      const held = slots.filter((x) => x.status !== 'available').length;
      scenarios.push({
        name: `floor plan (${slots.length} slots, ${held} held)`,
        route: 'GET /v1/expos/{expoId}/floorplan',
        duration,
        request: () => ({
          method: 'GET',
          path: `/v1/expos/${expoId}/floorplan`,
          headers: auth(s.a.tenant.token),
        }),
      });
    }
    if (has('POST /v1/needs/{needId}/bids')) {
      // Every request a new bid: each supplier once on each need.
      const pairs = suppliers.flatMap((sup) => needIds.map((needId) => ({ sup, needId })));
      let next = 0;
      scenarios.push({
        name: 'place a bid',
        route: 'POST /v1/needs/{needId}/bids',
        amount: pairs.length,
        request: () => {
          const { sup, needId } = pairs[next++ % pairs.length]!;
          return {
            method: 'POST',
            path: `/v1/needs/${needId}/bids`,
            headers: json(sup.token),
            body: JSON.stringify(bidBody(1000)),
          };
        },
      });
    }
    if (has('POST /v1/slots/{slotId}/hold')) {
      const count = opts.slots ?? 300;
      const slotIds: string[] = [];
      const holders = [s.a.tenant, s.a.supplier, ...suppliers];
      let next = 0;
      scenarios.push({
        name: `hold a slot (${count} free slots)`,
        route: 'POST /v1/slots/{slotId}/hold',
        amount: count,
        prepare: async () => {
          for (let i = 0; i < count; i++) slotIds.push(await s.slot());
        },
        request: () => {
          const i = next++;
          return {
            method: 'POST',
            path: `/v1/slots/${slotIds[i % slotIds.length]}/hold`,
            headers: auth(holders[i % holders.length]!.token),
          };
        },
      });
    }

    const rows: (string | number)[][] = [];
    for (const sc of scenarios) {
      await sc.prepare?.();
      const first = sc.request();
      const result = await autocannon({
        url,
        connections,
        ...(sc.amount ? { amount: sc.amount } : { duration: sc.duration ?? duration }),
        // Merged into autocannon's own request: it carries the Host header HTTP/1.1 requires.
        requests: [
          {
            ...first,
            setupRequest: (req) => {
              const next = sc.request();
              return { ...req, ...next, headers: { ...req.headers, ...next.headers } };
            },
          },
        ],
      });
      const statuses = Object.entries(result.statusCodeStats)
        .map(([code, { count }]) => `${code}×${count}`)
        .join(' ');
      rows.push([
        sc.name,
        sc.route,
        result.requests.total,
        (result.requests.total / Math.max(result.duration, 0.001)).toFixed(0),
        `${result.latency.p50} ms`,
        `${result.latency.p99} ms`,
        statuses + (result.errors ? ` errors×${result.errors}` : ''),
      ]);
    }
    return {
      title: `Load: the local server (in process, @hono/node-server) over DynamoDB Local, autocannon with ${connections} connections`,
      columns: ['scenario', 'route', 'requests', 'req/s', 'p50', 'p99', 'statuses'],
      rows,
      notes: [
        `Reads run ${duration} s each; writes run until every prepared bid (${suppliers.length} suppliers × ${needIds.length} needs) or hold (one per slot) was sent once. Load average while measuring: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(
            ' / ',
          )}; DynamoDB Local, not DynamoDB: the figures compare routes and releases, not production capacity.`,
      ],
    };
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await rt.stop();
  }
}
