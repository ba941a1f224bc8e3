import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, PageRequest, Stored } from '@parkbridge/domain/core';
import { conflict, DomainError } from '@parkbridge/domain/core';
import type { AttachmentChange } from '@parkbridge/domain/documents';
import type { CategoryRange } from '@parkbridge/domain/matching';
import { searchTextOf } from '@parkbridge/domain/matching';
import {
  type AmendmentPage,
  accessOf,
  type Need,
  type NeedAccess,
  type NeedAmendment,
  type NeedGuard,
  type NeedRepository,
  type NeedSearch,
  type OwnNeedSearch,
} from '@parkbridge/domain/needs';
import type { QuotaCharge } from '@parkbridge/domain/quotas';
import {
  batchGet,
  cursorScope,
  type Db,
  getItem,
  type Item,
  stripKeys,
  type TxItem,
  transact,
  writeVersioned,
} from '../core';
import { allOf, categoryRangePage, type Filter, filteredPage, termsFilter } from '../core/filtered-query';
import { writeWithRoster } from '../core/roster';
import { attachmentWrites } from '../documents/upload.repository';
import { quotaWrites } from '../quotas/quota.repository';
import { AMENDMENT_PREFIX, amendmentKey, needIndexKeys, needKey } from './need.keys';
import { demandWrites } from './park-demand';

type Audit = Omit<AuditEntry, 'entityId'>;

/** Everything stored on a need item besides the entity: keys, type and its search text. */
export function needItemAttributes(need: Need) {
  return {
    ...needKey(need.needId),
    ...needIndexKeys(need),
    type: 'need',
    searchText: searchTextOf(need.title, need.description),
  };
}

/** Whether a stored need item's index keys or search text no longer follow from its fields. */
export function indexStale(item: Item): boolean {
  const { pk: _pk, sk: _sk, type: _type, ...wanted } = needItemAttributes(toNeed(item));
  return Object.entries(wanted).some(([k, v]) => (item[k] ?? undefined) !== v);
}

/** The need's access rule, copied onto each amendment (it never changes once a need is open). */
const accessCopy = (need: Need) => {
  const a = accessOf(need);
  return { needOwnerOrgId: a.ownerOrgId, needParkId: a.parkId, needVisibility: a.visibility };
};

function toAmendment(item: Item): NeedAmendment {
  const {
    needOwnerOrgId: _o,
    needParkId: _p,
    needVisibility: _v,
    ...rest
  } = stripKeys<NeedAmendment & Record<string, unknown>>(item);
  return rest as NeedAmendment;
}

function accessOfAmendment(item: Item): NeedAccess | null {
  if (typeof item.needOwnerOrgId !== 'string') return null;
  return {
    ownerOrgId: item.needOwnerOrgId,
    parkId: String(item.needParkId),
    visibility: item.needVisibility as NeedAccess['visibility'],
    draft: false,
  };
}

export function toNeed(item: Item): Stored<Need> {
  const { searchText: _text, ...need } = stripKeys<Stored<Need> & { searchText?: string }>(item);
  return { ...need, attachments: need.attachments ?? [] };
}

export class DynamoNeedRepository implements NeedRepository {
  constructor(private readonly db: Db) {}

  async get(needId: string, consistent = false) {
    const item = await getItem(this.db, needKey(needId).pk, 'NEED', consistent);
    return item ? toNeed(item) : null;
  }

  async getMany(needIds: string[]) {
    return (await batchGet(this.db, needIds.map(needKey))).map(toNeed);
  }

  /**
   * The need with its index keys, its audit record and its place on its park's demand roster
   * (park-demand.ts), in one transaction.
   */
  async save(
    next: Need,
    prev: Stored<Need> | null,
    audit: Audit,
    guard?: NeedGuard,
    files?: AttachmentChange | null,
    charges?: readonly QuotaCharge[],
    extra: TxItem[] = [],
  ) {
    const { pk, sk, type, searchText, ...indexKeys } = needItemAttributes(next);
    const write = (withDemand: boolean) =>
      writeVersioned(this.db, {
        keys: { pk, sk, ...indexKeys },
        entityId: next.needId,
        next: next as Stored<Need>,
        prev,
        audit,
        extra: { type, searchText },
        condition: prev && guard ? guardCondition(guard) : undefined,
        onExists: () => conflict('need.exists', 'The need exists already.'),
        with: [
          ...extra,
          ...(withDemand ? demandWrites(this.db, next, prev) : []),
          ...attachmentWrites(this.db, files, this.db.clock.now()),
          ...quotaWrites(this.db, charges),
        ],
      });
    return writeWithRoster(write);
  }

  saveAmended(
    next: Need,
    prev: Stored<Need>,
    audit: Audit,
    amendment: NeedAmendment,
    guard: NeedGuard,
    files?: AttachmentChange | null,
  ) {
    return this.save(next, prev, audit, guard, files, undefined, [
      {
        item: {
          Put: {
            TableName: this.db.tableName,
            Item: {
              ...amendmentKey(amendment.needId, amendment.seq),
              type: 'need-amendment',
              ...amendment,
              ...accessCopy(next),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => conflict('write.concurrent', 'Another amendment was made at the same time.'),
      },
    ]);
  }

  /**
   * Rewrites the index keys and search text of the need as stored, and its place on its park's
   * demand roster, when another context changed the item with an UpdateItem (the bidding context
   * moves the close against sniping, and closes and awards). One transaction, conditioned on the
   * version read: a newer write brings its own stream record.
   */
  async refreshIndex(needId: string): Promise<boolean> {
    const item = await getItem(this.db, needKey(needId).pk, 'NEED', true);
    if (!item || !indexStale(item)) return false;
    const need = toNeed(item);
    const { pk: _pk, sk: _sk, type: _type, ...wanted } = needItemAttributes(need);
    const set = Object.entries(wanted).filter(([, v]) => v !== undefined);
    const remove = Object.entries(wanted)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':version': need.version };
    set.forEach(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
    });
    remove.forEach((k, i) => {
      names[`#r${i}`] = k;
    });
    const clauses = [
      set.length ? `SET ${set.map((_, i) => `#s${i} = :s${i}`).join(', ')}` : '',
      remove.length ? `REMOVE ${remove.map((_, i) => `#r${i}`).join(', ')}` : '',
    ];
    const index: TxItem = {
      item: {
        Update: {
          TableName: this.db.tableName,
          Key: needKey(needId),
          UpdateExpression: clauses.filter(Boolean).join(' '),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: () => conflict('need.moved', 'The need changed since it was read.'),
    };
    try {
      await writeWithRoster((withDemand) =>
        transact(this.db, [index, ...(withDemand ? demandWrites(this.db, need, need) : [])]),
      );
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'need.moved') return false;
      throw err;
    }
  }

  async getAmendment(needId: string, seq: number) {
    const key = amendmentKey(needId, seq);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? toAmendment(item) : null;
  }

  /**
   * One Query per page, consistent (an owner lists right after amending). The first page reads
   * `begins_with(sk, 'NEED')`: the need item, then its amendments (Limit one more for the need).
   * Later pages read the amendments after the signed cursor, and take the access rule from their
   * copy; an empty later page (the cursor was the last amendment) reads the need to decide. A
   * first page without the need item means there is no such need.
   */
  async listAmendments(needId: string, page: PageRequest): Promise<AmendmentPage> {
    const { pk } = needKey(needId);
    const scope = cursorScope({ pk, skPrefix: AMENDMENT_PREFIX });
    const start = page.cursor ? this.db.cursors.decode(page.cursor, scope) : undefined;
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': start ? AMENDMENT_PREFIX : 'NEED' },
        ConsistentRead: true,
        Limit: start ? page.limit : page.limit + 1,
        ExclusiveStartKey: start,
      }),
    );
    const items = out.Items ?? [];
    const needItem = items[0]?.sk === 'NEED' ? items[0] : undefined;
    const amendments = needItem ? items.slice(1) : items;
    let access: NeedAccess | null = needItem ? accessOf(toNeed(needItem)) : null;
    if (!access && amendments[0]) access = accessOfAmendment(amendments[0]);
    if (!access && start) {
      const need = await this.get(needId, true);
      access = need ? accessOf(need) : null;
    }
    const last = out.LastEvaluatedKey;
    return {
      access,
      items: amendments.map(toAmendment),
      nextCursor: last && last.sk !== 'NEED' ? this.db.cursors.encode(last, scope) : null,
    };
  }

  /** The market: the narrowest partition first (park, else status), category as a key prefix. */
  async search(query: NeedSearch, page: PageRequest) {
    const res = await filteredPage(
      this.db,
      {
        index: query.parkId ? 'gsi2' : 'gsi1',
        pk: query.parkId ? `PARK#${query.parkId}#NEEDS#${query.status}` : `NEEDS#${query.status}`,
        sk: query.category ? { prefix: query.category } : undefined,
        descending: true,
        filter: allOf(termsFilter(query.terms), audienceFilter(query.audience)),
      },
      page,
    );
    return { items: res.items.map(toNeed), nextCursor: res.nextCursor };
  }

  /** A buyer's own needs, newest first; its partition is small, so the rest are filters. */
  async searchOwn(query: OwnNeedSearch, page: PageRequest) {
    const filters: Filter[] = [];
    if (query.status)
      filters.push({
        expression: '#status = :status',
        names: { '#status': 'status' },
        values: { ':status': query.status },
      });
    if (query.category)
      filters.push({
        expression: 'begins_with(#category, :category)',
        names: { '#category': 'category' },
        values: { ':category': query.category },
      });
    if (query.parkId)
      filters.push({
        expression: '#parkId = :parkId',
        names: { '#parkId': 'parkId' },
        values: { ':parkId': query.parkId },
      });
    const res = await filteredPage(
      this.db,
      {
        index: 'gsi3',
        pk: `ORG#${query.ownerOrgId}#NEEDS`,
        descending: true,
        filter: allOf(termsFilter(query.terms), ...filters),
      },
      page,
    );
    return { items: res.items.map(toNeed), nextCursor: res.nextCursor };
  }

  async openInRange(range: CategoryRange, page: PageRequest) {
    const got = await categoryRangePage(this.db, { index: 'gsi1', pk: 'NEEDS#open', range }, page);
    return { items: got.items.map(toNeed), nextCursor: got.nextCursor };
  }
}

function guardCondition(guard: NeedGuard) {
  const values: Record<string, unknown> = {};
  const statuses = guard.status.map((s, i) => {
    values[`:guardStatus${i}`] = s;
    return `:guardStatus${i}`;
  });
  let expression = `#guardStatus IN (${statuses.join(', ')})`;
  if (guard.beforeCloseAt) {
    values[':guardNow'] = guard.beforeCloseAt.getTime();
    expression += ' AND closesAtMs > :guardNow';
  }
  return {
    expression,
    names: { '#guardStatus': 'status' },
    values,
    onFailed: (old: Record<string, unknown> | undefined) =>
      old && guard.status.includes(old.status as Need['status'])
        ? conflict('need.closed', 'The need has reached its close.')
        : conflict('need.state_changed', `The need is ${String(old?.status ?? 'gone')} now.`),
  };
}

/** The visibility rule of needs as a filter: own needs, needs of the viewer's parks, public needs. */
function audienceFilter(audience: NeedSearch['audience']): Filter {
  const values: Record<string, unknown> = { ':me': audience.orgId };
  const names: Record<string, string> = { '#owner': 'ownerOrgId' };
  const parts = ['#owner = :me'];
  if (audience.parkIds.length) {
    names['#park'] = 'parkId';
    const refs = audience.parkIds.slice(0, 99).map((p, i) => {
      values[`:aud${i}`] = p;
      return `:aud${i}`;
    });
    parts.push(`#park IN (${refs.join(', ')})`);
  }
  if (audience.publicNeeds) {
    names['#visibility'] = 'visibility';
    values[':public'] = 'public';
    parts.push('#visibility = :public');
  }
  return { expression: parts.join(' OR '), names, values };
}
