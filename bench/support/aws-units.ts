// What a piece of work costs in DynamoDB's own billing units, as AWS would charge it, measured on
// DynamoDB Local: read and write request units per command, the table's stream records the work
// left behind, and the bytes it added to the table. Used by bench/unit-costs.bench.ts, whose
// figures feed the cost model (bench/cost-model.bench.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Change } from '@parkbridge/jobs';
import type { DynamoDBRecord } from 'aws-lambda';
import { capacityOf, type WriteTarget, writeTargets } from '../../tests/perf/support/metering';

/** Request units one piece of work consumed. */
export interface Units {
  /** DynamoDB commands sent. */
  calls: number;
  /** Read request units (GetItem, Query, BatchGetItem): DynamoDB Local's figure, at least AWS's minimum per read. */
  rru: number;
  /** Write request units as AWS bills them, computed from the items' sizes before and after (see AwsUnitsMeter). */
  wru: number;
  /** The ConditionCheck part of `wru`. */
  conditionCheckWru: number;
  /** What DynamoDB Local itself reported for the writes (it under-reports transactions). */
  localWru: number;
}

export const noUnits = (): Units => ({
  calls: 0,
  rru: 0,
  wru: 0,
  conditionCheckWru: 0,
  localWru: 0,
});

export const addUnits = (a: Units, b: Units): Units => ({
  calls: a.calls + b.calls,
  rru: a.rru + b.rru,
  wru: a.wru + b.wru,
  conditionCheckWru: a.conditionCheckWru + b.conditionCheckWru,
  localWru: a.localWru + b.localWru,
});

const READS = new Set(['GetItem', 'Query', 'BatchGetItem', 'TransactGetItems', 'Scan']);

type Input = Record<string, any>;
type Item = Record<string, unknown>;

/** DynamoDB's item size rules: attribute names plus values (numbers ≈ 1 byte per 2 digits + 1). */
function itemBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value)
      .replace(/[-.]|e.*$/g, '')
      .replace(/^0+/, '').length;
    return Math.ceil(Math.max(1, digits) / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + itemBytes(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + itemBytes(v), 0);
  if (typeof value === 'object')
    return Object.entries(value).reduce((n, [k, v]) => n + Buffer.byteLength(k) + itemBytes(v), 0);
  return 1;
}

const GSIS = [1, 2, 3, 4] as const;

/** The item's key in GSI n, or null when it is not in that index (sparse indexes). */
const indexKeyOf = (item: Item | undefined, n: (typeof GSIS)[number]) =>
  item && item[`gsi${n}pk`] !== undefined && item[`gsi${n}sk`] !== undefined
    ? `${item[`gsi${n}pk`]}|${item[`gsi${n}sk`]}`
    : null;

/** How many of the table's four GSIs an item appears in (projection ALL: each keeps a full copy). */
const indexCopies = (item: Item) => GSIS.filter((n) => indexKeyOf(item, n) !== null).length;

const kb = (item: Item | undefined) => (item ? Math.max(1, Math.ceil(itemBytes(item) / 1024)) : 0);

/**
 * The write units AWS charges for one item write, from the item before and after: the table write
 * (the larger image, 1 unit per KB), plus for each GSI the index writes it causes (a put when the item
 * enters or stays in the index, a delete when it leaves it or its index key changes). A transactional
 * write costs twice as much; index writes of a transaction are doubled too, as DynamoDB Local counts them.
 */
function writeUnits(before: Item | undefined, after: Item | undefined, transactional: boolean): number {
  const factor = transactional ? 2 : 1;
  let units = Math.max(kb(before), kb(after), 1);
  for (const n of GSIS) {
    const was = indexKeyOf(before, n);
    const is = indexKeyOf(after, n);
    if (is !== null) units += kb(after);
    if (was !== null && was !== is) units += kb(before);
  }
  return factor * units;
}

/** Total length of possibly overlapping intervals (lookups of concurrent commands overlap). */
function covered(intervals: [number, number][]): number {
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * A middleware on the document client that adds each command's units to the Units of the work it
 * belongs to (AsyncLocalStorage, so concurrent work is told apart). Reads take DynamoDB Local's
 * ConsumedCapacity, raised to AWS's minimum (0.5 unit per eventually consistent call, 1 per
 * consistent one, also when nothing is found). Writes are computed here from the items' sizes, read
 * before and after the command through `plain`, a second, unmetered client (DynamoDB Local
 * under-reports transactions and leaves ConditionChecks out); the time of those lookups is not counted.
 */
export class AwsUnitsMeter {
  private readonly context = new AsyncLocalStorage<{ units: Units; lookups: [number, number][] }>();

  static attach(doc: DynamoDBDocumentClient, plain: DynamoDBDocumentClient): AwsUnitsMeter {
    const meter = new AwsUnitsMeter();
    const get = async (t: WriteTarget) =>
      (await plain.send(new GetCommand({ TableName: t.table, Key: t.key, ConsistentRead: true }))).Item;
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const store = meter.context.getStore();
        if (!store) return next(args);
        const input = args.input as Input;
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const command = String(context.commandName ?? '').replace(/Command$/, '');
        store.units.calls++;
        const targets = READS.has(command) ? [] : writeTargets(command, input);
        let t = performance.now();
        const before = await Promise.all(targets.map(get));
        store.lookups.push([t, performance.now()]);
        // A cancelled transaction (a lost race) throws here: AWS charges it, this meter does not.
        const out = await next(args);
        const reported = capacityOf((out.output as Input).ConsumedCapacity);
        if (READS.has(command)) {
          const floor = input.ConsistentRead ? 1 : 0.5;
          const keys =
            command === 'BatchGetItem'
              ? Object.values<Input>(input.RequestItems ?? {}).reduce((n, r) => n + (r.Keys?.length ?? 0), 0)
              : 1;
          store.units.rru += Math.max(reported, floor * keys);
          return out;
        }
        store.units.localWru += reported;
        t = performance.now();
        const transactional = command === 'TransactWriteItems';
        for (const [i, target] of targets.entries()) {
          const old = before[i];
          if (target.op === 'check') {
            const units = 2 * Math.max(1, kb(old));
            store.units.conditionCheckWru += units;
            store.units.wru += units;
            continue;
          }
          const now =
            target.op === 'put' ? target.item : target.op === 'delete' ? undefined : await get(target);
          store.units.wru += writeUnits(old, now, transactional);
        }
        store.lookups.push([t, performance.now()]);
        return out;
      },
      { step: 'initialize', name: 'benchAwsUnits' },
    );
    return meter;
  }

  /** Runs `fn` and returns the units its DynamoDB commands consumed and its wall time. */
  async during<T>(fn: () => Promise<T>): Promise<{ result: T; units: Units; ms: number }> {
    const store = { units: noUnits(), lookups: [] as [number, number][] };
    const t = performance.now();
    const result = await this.context.run(store, fn);
    return { result, units: store.units, ms: performance.now() - t - covered(store.lookups) };
  }
}

/** What a batch of stream records adds to the table's storage (the table and each GSI's copy). */
export function storedBytes(changes: Change[]): number {
  // DynamoDB adds 100 bytes of overhead per item, in the table and in each index holding it.
  const footprint = (item: Record<string, unknown> | null) =>
    item ? (itemBytes(item) + 100) * (1 + indexCopies(item)) : 0;
  return changes.reduce((n, c) => n + footprint(c.newImage) - footprint(c.oldImage), 0);
}

/**
 * Reads the table's stream from "now" on, as a Lambda event source mapping would: `read()` hands
 * back every record written since the last call (shards that appear later are read from their start).
 */
export class StreamTap {
  private readonly iterators = new Map<string, string | undefined>();

  private constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
  ) {}

  static async open(endpoint: string, streamArn: string): Promise<StreamTap> {
    const client = new DynamoDBStreamsClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tap = new StreamTap(client, streamArn);
    for (const shardId of await tap.shards()) {
      tap.iterators.set(shardId, await tap.iterator(shardId, 'LATEST'));
    }
    return tap;
  }

  private async shards(): Promise<string[]> {
    const out = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    return (out.StreamDescription?.Shards ?? []).map((s) => s.ShardId as string);
  }

  private async iterator(shardId: string, type: 'LATEST' | 'TRIM_HORIZON'): Promise<string | undefined> {
    const out = await this.client.send(
      new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: type }),
    );
    return out.ShardIterator;
  }

  async read(): Promise<DynamoDBRecord[]> {
    for (const shardId of await this.shards()) {
      if (!this.iterators.has(shardId))
        this.iterators.set(shardId, await this.iterator(shardId, 'TRIM_HORIZON'));
    }
    const records: DynamoDBRecord[] = [];
    for (const [shardId, start] of this.iterators) {
      let it = start;
      while (it) {
        const out = await this.client.send(new GetRecordsCommand({ ShardIterator: it, Limit: 1000 }));
        const got = (out.Records ?? []) as DynamoDBRecord[];
        records.push(...got);
        it = out.NextShardIterator;
        if (!got.length) break;
      }
      this.iterators.set(shardId, it);
    }
    return records;
  }

  close(): void {
    this.client.destroy();
  }
}
