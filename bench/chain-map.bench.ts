// `npm run bench -- chain-map`: what reading a park's production-chain map costs as the park grows.
// Loads parks of 50, 500 and 2,000 tenants (each with a declared chain of three inputs, three deals
// in two quarters and two currencies, open needs, in-park and idle-capacity listings, and outside
// suppliers) into a DynamoDB Local that the bench starts, builds each park's aggregates with the
// rebuild, then reads the map through ChainMapService with every DynamoDB call metered
// (ReturnConsumedCapacity TOTAL). It also meters the stream consumer applying one award.
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseRules } from '@parkbridge/config';
import { batchWrite, createDb, createDocumentClient, type Db, getItem, type Item } from '@parkbridge/db';
import { chainKeys } from '@parkbridge/db/chains';
import { listingItem } from '@parkbridge/db/listings';
import { ensureTable, startDynamoDbLocal } from '@parkbridge/db/local';
import { needItemAttributes } from '@parkbridge/db/needs';
import { membershipKeys, orgKey } from '@parkbridge/db/orgs';
import { parkKeys } from '@parkbridge/db/parks';
import type { Chain } from '@parkbridge/domain/chains';
import { type Caller, fixedClock, type Stored } from '@parkbridge/domain/core';
import type { Listing } from '@parkbridge/domain/listings';
import type { Need } from '@parkbridge/domain/needs';
import type { Membership, Org } from '@parkbridge/domain/orgs';
import type { Park } from '@parkbridge/domain/parks';
import { createContainer } from '@parkbridge/runtime';
import type { Bench, BenchTable } from './run';

const SIZES = (process.env.CHAIN_MAP_BENCH_SIZES ?? '50,500,2000').split(',').map(Number);
const READS = 5;
const NOW = '2026-05-10T08:00:00.000Z';
const OPERATOR: Caller = {
  userId: 'usr_BENCHOP',
  orgId: 'org_BENCHOP',
  roles: ['operator'],
  personRole: 'admin',
};
const ESHTEHARD = { lat: 35.72472, lon: 50.37167 };
/** Forty input categories (ISIC classes of divisions 20–28); the first 25 are supplied in park. */
const POOL = [
  '2011',
  '2012',
  '2013',
  '2021',
  '2022',
  '2023',
  '2029',
  '2030',
  '2211',
  '2219',
  '2220',
  '2310',
  '2391',
  '2392',
  '2393',
  '2394',
  '2395',
  '2396',
  '2399',
  '2410',
  '2420',
  '2431',
  '2432',
  '2511',
  '2512',
  '2513',
  '2520',
  '2591',
  '2592',
  '2593',
  '2599',
  '2610',
  '2620',
  '2710',
  '2720',
  '2731',
  '2732',
  '2733',
  '2740',
  '2750',
];
const IN_PARK_CATEGORIES = 25;
const OUTSIDE_SUPPLIERS = 10;

type Meter = { calls: Map<string, number>; capacity: number; byCall: Map<string, number> };

/** Asks DynamoDB for the capacity each call consumed, and counts calls by operation. */
function metered(doc: DynamoDBDocumentClient): Meter {
  const meter: Meter = { calls: new Map(), capacity: 0, byCall: new Map() };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const name = String(context.commandName).replace(/Command$/, '');
      meter.calls.set(name, (meter.calls.get(name) ?? 0) + 1);
      const out = await next(args);
      const used = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const input = args.input as { IndexName?: string; ExpressionAttributeValues?: Record<string, unknown> };
      const what = `${name} ${input.IndexName ?? ''} ${String(input.ExpressionAttributeValues?.[':pk'] ?? '').replace(/park_BENCH\d+/, 'P')}`;
      for (const c of Array.isArray(used) ? used : used ? [used] : []) {
        const units = Number((c as { CapacityUnits?: number }).CapacityUnits ?? 0);
        meter.capacity += units;
        meter.byCall.set(what, (meter.byCall.get(what) ?? 0) + units);
      }
      return out;
    },
    { step: 'initialize', name: 'chainMapBenchMeter' },
  );
  return meter;
}

const reset = (m: Meter) => {
  m.calls.clear();
  m.byCall.clear();
  m.capacity = 0;
};
const callCount = (m: Meter, op?: string) =>
  op ? (m.calls.get(op) ?? 0) : [...m.calls.values()].reduce((a, b) => a + b, 0);

const at = NOW;
const org = (orgId: string, name: string, country = 'IR', location = ESHTEHARD): Item => {
  const o: Stored<Org> = {
    orgId,
    name,
    kinds: ['tenant', 'supplier'],
    country,
    location,
    createdAt: at,
    updatedAt: at,
    version: 1,
    auditHash: 'bench',
  };
  return { ...orgKey(orgId), type: 'org', ...o };
};

const membership = (parkId: string, orgId: string, as: ('tenant' | 'supplier')[]): Item => {
  const m: Stored<Membership> = {
    parkId,
    orgId,
    as,
    status: 'approved',
    suspended: false,
    reason: null,
    history: [],
    appliedAt: at,
    decidedAt: at,
    version: 2,
    auditHash: 'bench',
  };
  return { ...membershipKeys(m), type: 'membership', ...m };
};

const listing = (
  id: string,
  supplierOrgId: string,
  category: string,
  parkId: string | null,
  over: Partial<Listing> = {},
) =>
  listingItem({
    listingId: id,
    supplierOrgId,
    status: 'active',
    kind: 'product',
    title: `Listing ${id}`,
    description: 'Bench listing.',
    category,
    unit: 't',
    leadTimeDays: 7,
    serviceArea: { scope: 'national' },
    certificates: [],
    parkId,
    location: ESHTEHARD,
    country: 'IR',
    createdAt: at,
    updatedAt: at,
    version: 1,
    auditHash: 'bench',
    ...over,
  } as Stored<Listing>);

const outsideId = (i: number) => `org_BENCH_OUT${i}`;

/** The outside suppliers: each lists every input category, from its own location. */
function marketRecords(): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < OUTSIDE_SUPPLIERS; i++) {
    const location = { lat: 30 + i, lon: 45 + i };
    const country = i < 7 ? 'IR' : 'TR';
    items.push(org(outsideId(i), `Outside supplier ${i}`, country, location));
    for (const [k, category] of POOL.entries())
      items.push(listing(`lst_BENCH_OUT${i}_${k}`, outsideId(i), category, null, { location, country }));
  }
  return items;
}

/** A park of `tenants` tenants and everything the map is computed from. */
function parkRecords(parkId: string, tenants: number): Item[] {
  const items: Item[] = [];
  const park: Stored<Park> = {
    parkId,
    name: `Bench park ${tenants}`,
    kind: 'industrial_park',
    country: 'IR',
    location: ESHTEHARD,
    currency: 'IRR',
    timeZone: 'Asia/Tehran',
    operatorOrgId: OPERATOR.orgId as string,
    createdAt: at,
    updatedAt: at,
    version: 1,
    auditHash: 'bench',
  };
  items.push({ ...parkKeys(park), type: 'park', ...park });
  const tenantId = (i: number) => `org_${parkId}_T${String(i).padStart(5, '0')}`;
  // The same outside suppliers serve every park: the market around the parks does not grow with them.
  for (let i = 0; i < OUTSIDE_SUPPLIERS; i++) items.push(membership(parkId, outsideId(i), ['supplier']));
  const sources = ['in_park', 'in_country', 'imported'] as const;
  for (let i = 0; i < tenants; i++) {
    const id = tenantId(i);
    items.push(org(id, `Tenant ${i}`), membership(parkId, id, ['tenant', 'supplier']));
    const chain: Stored<Chain> = {
      chainId: `chain_${parkId}_${i}`,
      ownerOrgId: id,
      parkId,
      output: { category: POOL[(i * 7) % POOL.length]!, name: `Product ${i}` },
      inputs: [0, 1, 2].map((k) => ({
        inputId: `inp_${i}_${k}`,
        category: POOL[(i * 3 + k) % POOL.length]!,
        quantity: 1 + ((i + k) % 9),
        unit: k === 2 ? 'pcs' : 't',
        period: 'month',
        source: sources[(i + k) % 3]!,
      })),
      createdAt: at,
      updatedAt: at,
      version: 1,
      auditHash: 'bench',
    };
    items.push({ ...chainKeys(chain), type: 'chain', ...chain });
    if (i < Math.max(IN_PARK_CATEGORIES, tenants / 10))
      items.push(listing(`lst_${parkId}_T${i}`, id, POOL[i % IN_PARK_CATEGORIES]!, parkId));
    if (i % 20 === 0)
      items.push(
        listing(`lst_${parkId}_CAP${i}`, id, POOL[i % POOL.length]!, parkId, {
          kind: 'capacity',
          capacityPerPeriod: 100,
          unit: 'h',
          period: 'month',
          machineClass: 'CNC machining centre',
          serviceArea: { scope: 'park' },
        }),
      );
    if (i % 5 === 0) {
      const need = {
        needId: `need_${parkId}_${i}`,
        ownerOrgId: id,
        title: `Need ${i}`,
        description: 'Bench need.',
        category: POOL[(i * 3) % POOL.length]!,
        quantity: 5,
        unit: 't',
        parkId,
        currency: 'IRR',
        mode: 'sealed',
        status: 'open',
        closesAt: '2026-06-01T00:00:00.000Z',
        closesAtMs: Date.parse('2026-06-01T00:00:00.000Z'),
        version: 2,
      } as unknown as Need;
      items.push({ ...needItemAttributes(need), ...need });
    }
    for (const [k, awardedAt] of [
      '2026-04-15T08:00:00.000Z',
      '2026-05-02T08:00:00.000Z',
      '2026-02-10T08:00:00.000Z',
    ].entries()) {
      const seller =
        (i + k) % 3 === 0 ? outsideId((i + k) % OUTSIDE_SUPPLIERS) : tenantId((i + 1 + k) % tenants);
      const currency = (i + k) % 7 === 0 ? 'USD' : 'IRR';
      const dealId = `deal_${parkId}_${i}_${k}`;
      const quantity = 1 + (k % 3);
      const unitPrice = { amount: currency === 'USD' ? 1_000 : 1_000_000, currency };
      items.push({
        pk: `DEAL#${dealId}`,
        sk: 'DEAL',
        gsi1pk: `ORG#${id}#DEALS#buyer`,
        gsi1sk: `${awardedAt}#${dealId}`,
        gsi2pk: `ORG#${seller}#DEALS#seller`,
        gsi2sk: `${awardedAt}#${dealId}`,
        type: 'deal',
        dealId,
        parkId,
        buyerOrgId: id,
        sellerOrgId: seller,
        category: POOL[(i * 3 + k) % POOL.length],
        quantity,
        unit: 't',
        unitPrice,
        total: { amount: unitPrice.amount * quantity, currency },
        status: 'awarded',
        awardedAt,
        version: 1,
      });
    }
  }
  return items;
}

const bench: Bench = {
  name: 'Reading a park’s production-chain map as the park grows',
  async run(): Promise<BenchTable[]> {
    const ddb = await startDynamoDbLocal();
    const tableName = 'chain-map-bench';
    const raw = new DynamoDBClient({
      endpoint: ddb.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      await ensureTable(raw, tableName);
      const cursorSecret = randomBytes(24).toString('hex');
      const clock = fixedClock(NOW);
      const loaderDoc = createDocumentClient({ endpoint: ddb.endpoint });
      const loader: Db = createDb({ tableName, cursorSecret, doc: loaderDoc, clock });
      const plain = createContainer(loader, parseRules({}));
      const meteredDoc = createDocumentClient({ endpoint: ddb.endpoint });
      const meter = metered(meteredDoc);
      const app = createContainer(
        createDb({ tableName, cursorSecret, doc: meteredDoc, clock }),
        parseRules({}),
      );

      await batchWrite(
        loader,
        marketRecords().map((put) => ({ put })),
      );
      const rows: (string | number)[][] = [];
      const writeRows: (string | number)[][] = [];
      for (const size of SIZES) {
        const parkId = `park_BENCH${size}`;
        const records = parkRecords(parkId, size);
        let t = Date.now();
        await batchWrite(
          loader,
          records.map((put) => ({ put })),
        );
        const loadS = (Date.now() - t) / 1000;
        t = Date.now();
        const report = await plain.chainMap.rebuild.rebuild(parkId);
        const rebuildS = (Date.now() - t) / 1000;

        const timings: number[] = [];
        let map = await app.chainMap.maps.map(OPERATOR, parkId, '2026-Q2');
        reset(meter);
        for (let r = 0; r < READS; r++) {
          t = performance.now();
          map = await app.chainMap.maps.map(OPERATOR, parkId, '2026-Q2');
          timings.push(performance.now() - t);
        }
        const per = (n: number) => Math.round((n / READS) * 10) / 10;
        if (process.env.CHAIN_MAP_BENCH_DEBUG)
          console.log(size, [...meter.byCall].map(([k, v]) => `${k}: ${per(v)}`).join('\n'));
        timings.sort((a, b) => a - b);
        rows.push([
          size,
          records.length,
          report.contributions,
          per(callCount(meter)),
          per(callCount(meter, 'Query')),
          per(callCount(meter, 'GetItem')),
          per(callCount(meter, 'BatchGetItem')),
          per(meter.capacity),
          Math.round(timings[Math.floor(READS / 2)]!),
          `${map.edges.length} (+${map.edgesNextCursor.declared ? 'more' : '0'})`,
          map.summary.gaps,
          `${loadS.toFixed(1)} / ${rebuildS.toFixed(1)}`,
        ]);

        // The stream path: one award applied by the consumer, whatever the park's size.
        const dealId = `deal_${parkId}_EXTRA`;
        const deal = {
          pk: `DEAL#${dealId}`,
          sk: 'DEAL',
          type: 'deal',
          dealId,
          parkId,
          buyerOrgId: `org_${parkId}_T00001`,
          sellerOrgId: `org_${parkId}_T00002`,
          category: '2420',
          quantity: 2,
          unit: 't',
          unitPrice: { amount: 1_000_000, currency: 'IRR' },
          total: { amount: 2_000_000, currency: 'IRR' },
          status: 'awarded',
          awardedAt: '2026-05-09T08:00:00.000Z',
          version: 1,
        };
        reset(meter);
        await app.chainMap.updater.onDeal(null, deal);
        const applied = {
          calls: callCount(meter),
          capacity: meter.capacity,
          tx: meter.calls.get('TransactWriteItems') ?? 0,
        };
        reset(meter);
        await app.chainMap.updater.onDeal(null, deal);
        writeRows.push([
          size,
          'award (deal INSERT)',
          applied.calls,
          applied.tx,
          Math.round(applied.capacity * 10) / 10,
          `${callCount(meter)} / ${Math.round(meter.capacity * 10) / 10}`,
        ]);
        // A declared input's quantity changes: the first tenant's rows are inside the map's first
        // page of declared edges (its head is refreshed), the last tenant's past it (it is not).
        for (const [label, i] of [
          ['declared input, inside the head', 0],
          ['declared input, past the head', size - 1],
        ] as const) {
          const chainId = `chain_${parkId}_${i}`;
          const before = (await getItem(loader, `CHAIN#${chainId}`, 'CHAIN', true)) as Item;
          const inputs = before.inputs as { quantity: number }[];
          const after = {
            ...before,
            version: Number(before.version) + 1,
            inputs: [{ ...inputs[0]!, quantity: inputs[0]!.quantity + 1 }, ...inputs.slice(1)],
          };
          await batchWrite(loader, [{ put: after }]);
          reset(meter);
          await app.chainMap.updater.onChain(before, after);
          writeRows.push([
            size,
            label,
            callCount(meter),
            meter.calls.get('TransactWriteItems') ?? 0,
            Math.round(meter.capacity * 10) / 10,
            '',
          ]);
        }
      }
      loaderDoc.destroy();
      meteredDoc.destroy();
      return [
        {
          title: `GET /v1/parks/{parkId}/chain-map?period=2026-Q2 (ChainMapService.map), median of ${READS} reads per size, DynamoDB Local`,
          columns: [
            'tenants',
            'source items',
            'contributions',
            'calls/read',
            'Query',
            'GetItem',
            'BatchGetItem',
            'capacity units/read',
            'median ms',
            'edges in map',
            'gaps',
            'load / rebuild s',
          ],
          rows,
          notes: [
            'Calls and capacity are per map read (ReturnConsumedCapacity TOTAL, summed over every call).',
            'Reads: one Query of the park’s partition from the park item on (the park, its current aggregates,',
            'the first 100 declared edges and 50 idle-capacity rows as kept by the consumer, the nearest outside',
            'suppliers per category), and one Query of the period’s prefix with a Limit (its aggregates, the',
            'previous period’s totals, the first 101 awarded edges).',
          ],
        },
        {
          title: 'The chain-map consumer applying one change (and an award redelivered)',
          columns: [
            'tenants',
            'change',
            'calls',
            'TransactWriteItems',
            'capacity units',
            'redelivered: calls / units',
          ],
          rows: writeRows,
          notes: [
            'A redelivered record reads the stored contribution, finds its version held, and writes nothing.',
            'A change inside the first page of declared edges (or idle capacity) refreshes that page’s copy',
            'after its transaction: one consistent GetItem of the small state item, one Query of up to 100',
            'rows and one transaction writing the copy. A change past a full page only bumps the state.',
          ],
        },
      ];
    } finally {
      raw.destroy();
      await ddb.stop();
    }
  },
};

export default bench;
