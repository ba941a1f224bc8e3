import type { EntityNames, EntityNamesReader, MailedNotification } from '@parkbridge/domain/mail';
import { batchGet, type Db } from '../core';
import { dealKey } from '../deals/deal.keys';
import { expoKey } from '../expos/expo.keys';
import { needKey } from '../needs/need.keys';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const withPrefix = (id: string, prefix: string) => (id.startsWith(`${prefix}_`) ? id : null);

/**
 * The names an email uses for what a notification is about (the need's title, the deal's title,
 * the expo's name): notifications carry ids, and a title may have changed since. One BatchGet of
 * only the name attributes, whatever the number of notifications in a digest.
 */
export class DynamoEntityNames implements EntityNamesReader {
  constructor(private readonly db: Db) {}

  async namesFor(notifications: readonly MailedNotification[]): Promise<EntityNames> {
    const needs = new Set<string>();
    const deals = new Set<string>();
    const expos = new Set<string>();
    for (const n of notifications) {
      const needId = str(n.data.needId) ?? withPrefix(n.entityId, 'need');
      const dealId = str(n.data.dealId) ?? withPrefix(n.entityId, 'deal');
      const expoId = str(n.data.expoId) ?? withPrefix(n.entityId, 'expo');
      if (needId) needs.add(needId);
      if (dealId) deals.add(dealId);
      if (expoId) expos.add(expoId);
    }
    const items = await batchGet(
      this.db,
      [...[...needs].map(needKey), ...[...deals].map(dealKey), ...[...expos].map(expoKey)],
      { attributes: ['needId', 'dealId', 'expoId', 'title', 'name'] },
    );
    const names: EntityNames = { needs: {}, deals: {}, expos: {} };
    for (const i of items) {
      if (i.sk === 'NEED') names.needs[i.needId as string] = i.title as string;
      else if (i.sk === 'DEAL') names.deals[i.dealId as string] = i.title as string;
      else if (i.sk === 'EXPO') names.expos[i.expoId as string] = i.name as string;
    }
    return names;
  }
}
