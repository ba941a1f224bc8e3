import {
  emptyTotals,
  type Reputation,
  type ReputationReader,
  type ReputationTotals,
  reputationOf,
} from '@parkbridge/domain/reputation';
import { batchGet } from '../core/batch';
import type { Db } from '../core/db';
import { getItem } from '../core/query';
import type { TxItem } from '../core/transact';
import { orgKey } from '../orgs/org.repository';

/** One totals item per organisation, beside its profile. */
export const reputationKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'REPUTATION' });

type Counter = Exclude<keyof ReputationTotals, 'orgId'>;

const totalsOf = (orgId: string, item: Record<string, unknown> | undefined): ReputationTotals => {
  const t = emptyTotals(orgId);
  if (!item) return t;
  for (const k of Object.keys(t) as (keyof ReputationTotals)[]) {
    if (k !== 'orgId' && typeof item[k] === 'number') t[k] = item[k];
  }
  return t;
};

/**
 * The transaction item that adds to an organisation's totals. Deal transitions and ratings put it
 * in their own transaction, so a total moves exactly when (and only if) the deal change commits.
 */
export function reputationIncrement(db: Db, orgId: string, add: Partial<Record<Counter, number>>): TxItem {
  const entries = Object.entries(add).filter(([, v]) => v !== undefined && v !== 0);
  const values: Record<string, unknown> = { ':orgId': orgId, ':type': 'reputation' };
  const names: Record<string, string> = { '#type': 'type' };
  entries.forEach(([k, v], i) => {
    names[`#c${i}`] = k;
    values[`:c${i}`] = v;
  });
  const adds = entries.map((_, i) => `#c${i} :c${i}`);
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: reputationKey(orgId),
        UpdateExpression: `SET orgId = :orgId, #type = :type${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
}

export class DynamoReputationRepository implements ReputationReader {
  constructor(private readonly db: Db) {}

  async get(orgId: string): Promise<Reputation> {
    const key = reputationKey(orgId);
    return reputationOf(totalsOf(orgId, await getItem(this.db, key.pk, key.sk)));
  }

  /**
   * An organisation's reputation, or null when there is no such organisation: its profile and its
   * totals share the partition `ORG#<orgId>`, so one BatchGetItem answers both (an org with no
   * deals has no totals item and reads as an empty reputation).
   */
  async ofOrg(orgId: string): Promise<Reputation | null> {
    const found = await batchGet(this.db, [orgKey(orgId), reputationKey(orgId)]);
    if (!found.some((i) => i.sk === 'ORG')) return null;
    return reputationOf(
      totalsOf(
        orgId,
        found.find((i) => i.sk === 'REPUTATION'),
      ),
    );
  }

  async getMany(orgIds: readonly string[]): Promise<Map<string, Reputation>> {
    const unique = [...new Set(orgIds)];
    const items = await batchGet(this.db, unique.map(reputationKey));
    const found = new Map(items.map((item) => [item.orgId as string, item]));
    return new Map(unique.map((id) => [id, reputationOf(totalsOf(id, found.get(id)))]));
  }
}
