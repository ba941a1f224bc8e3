import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimit, type PageRequest } from '@parkbridge/domain/core';
import type { InboxEntry, Match, MatchRepository } from '@parkbridge/domain/matching';
import { batchGet, batchWrite, type Db, queryAll, queryPage, stripKeys } from '../core';
import { buyerMatchesPk, inboxKey, inboxKeys, matchKey, matchKeys } from './match.keys';

/** Matches of one need or listing are bounded by matching's candidate budgets. */
const MAX_MATCHES = 5000;
/** Renamed matches updated at once: a supplier's matches are hundreds at most. */
const RENAME_CONCURRENCY = 8;

export class DynamoMatchRepository implements MatchRepository {
  constructor(private readonly db: Db) {}

  async forNeed(needId: string) {
    return (await queryAll(this.db, { pk: `MATCH#${needId}` }, MAX_MATCHES)).map((i) => stripKeys<Match>(i));
  }

  async forListing(listingId: string) {
    return (await queryAll(this.db, { index: 'gsi2', pk: `LISTING#${listingId}#MATCHES` }, MAX_MATCHES)).map(
      (i) => stripKeys<Match>(i),
    );
  }

  async forNeedAndSupplier(needId: string, supplierOrgId: string) {
    return (await queryAll(this.db, { pk: `MATCH#${needId}`, skPrefix: `SUP#${supplierOrgId}#` })).map((i) =>
      stripKeys<Match>(i),
    );
  }

  async getMany(refs: readonly Pick<Match, 'needId' | 'supplierOrgId' | 'listingId'>[]) {
    return (await batchGet(this.db, refs.map(matchKey))).map((i) => stripKeys<Match>(i));
  }

  async pageForNeed(needId: string, page: PageRequest) {
    const got = await queryPage(this.db, { pk: `MATCH#${needId}` }, page);
    return { items: got.items.map((i) => stripKeys<Match>(i)), nextCursor: got.nextCursor };
  }

  async pageForListing(listingId: string, page: PageRequest) {
    const got = await queryPage(this.db, { index: 'gsi2', pk: `LISTING#${listingId}#MATCHES` }, page);
    return { items: got.items.map((i) => stripKeys<Match>(i)), nextCursor: got.nextCursor };
  }

  async countForNeed(needId: string, upTo: number) {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `NEED#${needId}#MATCHES` },
        Select: 'COUNT',
        Limit: upTo,
      }),
    );
    return out.Count ?? 0;
  }

  put(matches: readonly Match[]) {
    return batchWrite(
      this.db,
      matches.map((m) => ({ put: { ...matchKeys(m), type: 'match', ...m } })),
    );
  }

  async setSupplierName(
    matches: readonly Pick<Match, 'needId' | 'supplierOrgId' | 'listingId'>[],
    name: string,
  ) {
    // One UpdateItem each, not a Put of the match as read (from an index, so possibly stale): a
    // match cleared or rescored meanwhile is not brought back or rolled back by a rename.
    await mapLimit(matches, RENAME_CONCURRENCY, async (m) => {
      try {
        await this.db.doc.send(
          new UpdateCommand({
            TableName: this.db.tableName,
            Key: matchKey(m),
            UpdateExpression: 'SET supplierName = :name',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':name': name },
          }),
        );
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
      }
    });
  }

  remove(matches: readonly Pick<Match, 'needId' | 'supplierOrgId' | 'listingId'>[]) {
    return batchWrite(
      this.db,
      matches.map((m) => ({ delete: matchKey(m) })),
    );
  }

  async inboxEntries(refs: readonly { supplierOrgId: string; needId: string }[]) {
    return (await batchGet(this.db, refs.map(inboxKey))).map((i) => stripKeys<InboxEntry>(i));
  }

  putInbox(entries: readonly InboxEntry[]) {
    return batchWrite(
      this.db,
      entries.map((e) => ({ put: { ...inboxKeys(e), type: 'match-inbox', ...e } })),
    );
  }

  removeInbox(refs: readonly { supplierOrgId: string; needId: string }[]) {
    return batchWrite(
      this.db,
      refs.map((r) => ({ delete: inboxKey(r) })),
    );
  }

  /**
   * One buyer's matches across its open needs, only those of these suppliers (a filter, when they
   * are few enough for one IN list); bounded by `max`.
   */
  async forBuyer(ownerOrgId: string, supplierOrgIds: readonly string[], max = MAX_MATCHES) {
    const suppliers = [...new Set(supplierOrgIds)];
    const filter =
      suppliers.length && suppliers.length <= 100
        ? {
            FilterExpression: `#supplier IN (${suppliers.map((_, i) => `:s${i}`).join(', ')})`,
            ExpressionAttributeNames: { '#supplier': 'supplierOrgId' },
            ExpressionAttributeValues: Object.fromEntries(suppliers.map((s, i) => [`:s${i}`, s])),
          }
        : undefined;
    const items = await queryAll(this.db, { index: 'gsi3', pk: buyerMatchesPk(ownerOrgId), filter }, max);
    return items.map((i) => stripKeys<Match>(i));
  }

  async listForNeed(needId: string, page: PageRequest) {
    const res = await queryPage(this.db, { index: 'gsi1', pk: `NEED#${needId}#MATCHES` }, page);
    return { items: res.items.map((i) => stripKeys<Match>(i)), nextCursor: res.nextCursor };
  }

  async inbox(supplierOrgId: string, page: PageRequest) {
    const res = await queryPage(this.db, { index: 'gsi1', pk: `ORG#${supplierOrgId}#INBOX` }, page);
    return { items: res.items.map((i) => stripKeys<InboxEntry>(i)), nextCursor: res.nextCursor };
  }
}
