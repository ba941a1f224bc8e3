import type { Container } from '@parkbridge/runtime';
import { type Change, typeOf } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

/** The records a directory entry is made of, and the attribute naming the firm on each. */
const FIRM_OF: Record<string, string> = {
  org: 'orgId',
  membership: 'orgId',
  certificate: 'orgId',
  listing: 'supplierOrgId',
};

const firmsOf = (c: Change): string[] => {
  const attr = FIRM_OF[typeOf(c) ?? ''];
  if (!attr) return [];
  const ids = [c.oldImage?.[attr], c.newImage?.[attr]].filter((v): v is string => typeof v === 'string');
  return [...new Set(ids)];
};

/**
 * Keeps each firm's supplier-directory entry in step with its records: any change to its
 * organisation, a membership, a listing or a certificate rebuilds the entry from what is stored
 * now, so a redelivered or out-of-order change writes the same entry again.
 */
export function supplierDirectoryConsumer(app: Container): StreamConsumer {
  return {
    name: 'discovery.supplier-directory',
    wants: (change) => firmsOf(change).length > 0,
    async handle(change) {
      for (const orgId of firmsOf(change)) await app.discovery.suppliers.refresh(orgId);
    },
  };
}
