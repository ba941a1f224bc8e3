import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One DynamoDB call as the wire saw it. */
export interface MeteredCall {
  /** The low-level operation: GetItem, Query, TransactWriteItems, … */
  command: string;
  /** `table` or `table/index` per table the call touched. */
  targets: string[];
  /** What it read or wrote, by the leading word of each partition key (NEED, PARK, ORG…). */
  entities: string[];
  /** Capacity units DynamoDB reported (ReturnConsumedCapacity: TOTAL), summed over tables. */
  capacity: number;
  /**
   * Items DynamoDB read for the call, what it bills by: a Query's or Scan's ScannedCount (items
   * evaluated, filtered out or not), the items a GetItem or batch read found.
   */
  itemsRead: number;
  /** Partition keys a write command changed (or tried to), for "nothing was written" checks. */
  writtenKeys: string[];
  ok: boolean;
  /** The request it belongs to (see Meter.during), when one was running. */
  tag?: number;
  /** The exception's name when the call failed (ConditionalCheckFailedException, …). */
  error?: string;
  /**
   * The membership check every signed-in request makes before its route runs (a strongly
   * consistent GetItem of the person's role, `DynamoMemberRepository.roleOf`): the same for every
   * route, so budgets count it apart.
   */
  membershipCheck: boolean;
}

export const WRITE_COMMANDS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
]);

export const isWrite = (c: MeteredCall) => WRITE_COMMANDS.has(c.command);

type Input = Record<string, any>;
type Capacity = {
  TableName?: string;
  CapacityUnits?: number;
  GlobalSecondaryIndexes?: Record<string, unknown>;
};

/**
 * Records every command the document client sends, asking DynamoDB for the capacity it consumed.
 * It sits on the client's middleware stack (shared by all its commands), at the initialize step:
 * there input and output are the document client's plain values, and `commandName` names the
 * low-level operation (GetItemCommand for a GetCommand).
 */
export class Meter {
  readonly calls: MeteredCall[] = [];
  private readonly context = new AsyncLocalStorage<number>();
  private readonly byTag = new Map<number, MeteredCall[]>();
  private nextTag = 0;

  static attach(doc: DynamoDBDocumentClient): Meter {
    const meter = new Meter();
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Input;
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const command = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        const call: MeteredCall = {
          command,
          targets: targetsOf(command, input),
          entities: entitiesOf(input),
          capacity: 0,
          itemsRead: 0,
          writtenKeys: WRITE_COMMANDS.has(command) ? writtenKeysOf(command, input) : [],
          ok: false,
          membershipCheck: isMembershipCheck(command, input),
        };
        const tag = meter.context.getStore();
        if (tag !== undefined) {
          call.tag = tag;
          meter.byTag.get(tag)?.push(call);
        }
        meter.calls.push(call);
        try {
          const out = await next(args);
          call.ok = true;
          call.capacity = capacityOf((out.output as Input)?.ConsumedCapacity);
          call.itemsRead = itemsReadOf(out.output as Input);
          return out;
        } catch (err) {
          call.error = (err as Error)?.name ?? 'Error';
          throw err;
        }
      },
      { step: 'initialize', name: 'parkbridgeMetering', override: true },
    );
    return meter;
  }

  /**
   * The calls `fn` caused, told apart by async context: requests may run concurrently. (Work a
   * request leaves running after it answers is counted only if it calls DynamoDB before `fn`
   * resolves.)
   */
  async during<T>(fn: () => Promise<T>): Promise<{ result: T; calls: MeteredCall[] }> {
    const tag = ++this.nextTag;
    const calls: MeteredCall[] = [];
    this.byTag.set(tag, calls);
    try {
      return { result: await this.context.run(tag, fn), calls };
    } finally {
      this.byTag.delete(tag);
    }
  }

  /** Forgets what was recorded (long fuzz runs would otherwise keep every call). */
  reset(): void {
    this.calls.length = 0;
  }
}

/** `roleOf`'s read: a GetItem of a `PERSON#` item projecting only its role. */
function isMembershipCheck(command: string, input: Input): boolean {
  return (
    command === 'GetItem' &&
    String(input.Key?.sk ?? '').startsWith('PERSON#') &&
    input.ProjectionExpression === '#role' &&
    input.ConsistentRead === true
  );
}

function targetsOf(command: string, input: Input): string[] {
  if (input.TableName) return [input.IndexName ? `${input.TableName}/${input.IndexName}` : input.TableName];
  if (input.RequestItems) return Object.keys(input.RequestItems);
  if (command === 'TransactWriteItems' || command === 'TransactGetItems') {
    const tables = (input.TransactItems ?? []).map((i: Input) => Object.values(i)[0]?.TableName);
    return [...new Set<string>(tables.filter(Boolean))];
  }
  return [];
}

/** Partition keys look like `NEED#need_…`; their first word says what kind of item it is. */
function entitiesOf(input: Input): string[] {
  const pks: unknown[] = [];
  const fromKey = (k: Input | undefined) => k?.pk !== undefined && pks.push(k.pk);
  fromKey(input.Key);
  fromKey(input.Item);
  const values = input.ExpressionAttributeValues as Input | undefined;
  if (input.KeyConditionExpression && values?.[':pk'] !== undefined) pks.push(values[':pk']);
  for (const req of Object.values<Input>(input.RequestItems ?? {})) {
    if (Array.isArray(req)) for (const r of req) fromKey(r.PutRequest?.Item ?? r.DeleteRequest?.Key);
    else for (const k of req.Keys ?? []) fromKey(k);
  }
  for (const t of input.TransactItems ?? []) {
    const op = Object.values<Input>(t)[0];
    fromKey(op?.Key ?? op?.Item);
  }
  return [...new Set(pks.map((pk) => String(pk).split('#')[0] ?? ''))];
}

/** One item a write command changes or checks (a transaction's ConditionCheck: `check`). */
export interface WriteTarget {
  table: string;
  key: Input;
  op: 'put' | 'update' | 'delete' | 'check';
  /** The whole item, for a put. */
  item?: Input;
}

const keyOfItem = (item: Input) => ({ pk: item.pk, sk: item.sk });

/** The items a write command changes or checks; none for a PartiQL statement (not parsed). */
export function writeTargets(command: string, input: Input): WriteTarget[] {
  switch (command) {
    case 'PutItem':
      return [{ table: input.TableName, key: keyOfItem(input.Item), op: 'put', item: input.Item }];
    case 'UpdateItem':
      return [{ table: input.TableName, key: input.Key, op: 'update' }];
    case 'DeleteItem':
      return [{ table: input.TableName, key: input.Key, op: 'delete' }];
    case 'BatchWriteItem':
      return Object.entries<Input[]>(input.RequestItems ?? {}).flatMap(([table, reqs]) =>
        reqs.map(
          (r): WriteTarget =>
            r.PutRequest
              ? { table, key: keyOfItem(r.PutRequest.Item), op: 'put', item: r.PutRequest.Item }
              : { table, key: r.DeleteRequest.Key, op: 'delete' },
        ),
      );
    case 'TransactWriteItems':
      return (input.TransactItems ?? []).map((t: Input): WriteTarget => {
        if (t.Put) return { table: t.Put.TableName, key: keyOfItem(t.Put.Item), op: 'put', item: t.Put.Item };
        if (t.Update) return { table: t.Update.TableName, key: t.Update.Key, op: 'update' };
        if (t.Delete) return { table: t.Delete.TableName, key: t.Delete.Key, op: 'delete' };
        return { table: t.ConditionCheck.TableName, key: t.ConditionCheck.Key, op: 'check' };
      });
    default:
      return [];
  }
}

function writtenKeysOf(command: string, input: Input): string[] {
  if (command === 'ExecuteStatement' || command === 'BatchExecuteStatement') return ['<statement>'];
  return writeTargets(command, input)
    .filter((t) => t.op !== 'check' && t.key?.pk !== undefined)
    .map((t) => String(t.key.pk));
}

/** Items a read command's output says DynamoDB read: evaluated for a Query or Scan, found for the rest. */
export function itemsReadOf(output: Input | undefined): number {
  if (!output) return 0;
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if (output.Item) return 1;
  if (Array.isArray(output.Responses)) return output.Responses.length;
  if (output.Responses && typeof output.Responses === 'object')
    return Object.values<unknown[]>(output.Responses).reduce((n, items) => n + items.length, 0);
  return 0;
}

/** The capacity units DynamoDB reported for a command, summed over tables. */
export function capacityOf(consumed: Capacity | Capacity[] | undefined): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

/** A one-line summary such as `GetItem + TransactWriteItems`. */
export function describeCalls(calls: MeteredCall[]): string {
  if (!calls.length) return '—';
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c.command, (counts.get(c.command) ?? 0) + 1);
  return [...counts].map(([cmd, n]) => (n > 1 ? `${n}× ${cmd}` : cmd)).join(' + ');
}

/** Each call in order with what it touched: `GetItem NEED → Query NEED → BatchGetItem ORG`. */
export function traceCalls(calls: MeteredCall[]): string {
  if (!calls.length) return '—';
  return calls
    .map((c) => {
      const index = c.targets.find((t) => t.includes('/'))?.split('/')[1];
      const what = [c.entities.join(','), index ? `(${index})` : ''].filter(Boolean).join(' ');
      return what ? `${c.command} ${what}` : c.command;
    })
    .join(' → ');
}
