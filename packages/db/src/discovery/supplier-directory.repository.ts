import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PageRequest } from '@parkbridge/domain/core';
import {
  type SupplierDirectoryRepository,
  type SupplierEntry,
  type SupplierQuery,
  supplierFilterFields,
} from '@parkbridge/domain/discovery';
import type { Db, Item } from '../core';
import { allOf, type Filter, filteredPage, termsFilter } from '../core/filtered-query';
import { DIRECTORY_TYPE, directoryIndexKeys, directoryKey, SUPPLIERS } from './directory.keys';

const FIELDS = ['categoryKeys', 'certificateKinds', 'searchText'] as const;

const toEntry = (item: Item): SupplierEntry => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, type: _t, ...rest } = item;
  for (const f of FIELDS) delete rest[f];
  return rest as SupplierEntry;
};

const has = (attr: string, value: string): Filter => ({
  expression: `contains(#${attr}, :${attr})`,
  names: { [`#${attr}`]: attr },
  values: { [`:${attr}`]: value },
});

export class DynamoSupplierDirectory implements SupplierDirectoryRepository {
  constructor(private readonly db: Db) {}

  /**
   * Written only by the directory consumer, which rebuilds an entry from the firm's records: the
   * condition keeps a rebuild computed earlier from overwriting one computed later (two deliveries
   * of changes to the same firm running at once).
   */
  async put(orgId: string, next: { entry: SupplierEntry; listingTitles: string[] } | null) {
    try {
      if (!next) {
        await this.db.doc.send(new DeleteCommand({ TableName: this.db.tableName, Key: directoryKey(orgId) }));
        return;
      }
      const { entry, listingTitles } = next;
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: {
            ...directoryKey(orgId),
            ...directoryIndexKeys(orgId, entry.name),
            type: DIRECTORY_TYPE,
            ...entry,
            ...supplierFilterFields(entry, listingTitles),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR updatedAt <= :at',
          ExpressionAttributeValues: { ':at': entry.updatedAt },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  /** One index partition read in name order; every filter is matched within it (bounded per page). */
  async search(query: SupplierQuery, page: PageRequest) {
    const filter = allOf(
      termsFilter(query.terms),
      query.category ? has('categoryKeys', query.category) : undefined,
      query.parkId ? has('parkIds', query.parkId) : undefined,
      query.certificate ? has('certificateKinds', query.certificate) : undefined,
    );
    const res = await filteredPage(this.db, { index: 'gsi1', pk: SUPPLIERS, filter }, page);
    return { items: res.items.map(toEntry), nextCursor: res.nextCursor };
  }
}
