import type { HeldKindRef, MatchFactsReader, MembershipRef } from '@parkbridge/domain/matching';
import { heldRef, membershipRef } from '@parkbridge/domain/matching';
import { isActiveAs, type Membership } from '@parkbridge/domain/orgs';
import { batchGet, type Db, queryAll, stripKeys } from '../core';
import { heldCertificateKey } from '../orgs/certificate.repository';
import { membershipKey } from '../orgs/membership.repository';

/**
 * Memberships and held-certificate markers for many suppliers at once: BatchGetItem on the same
 * keys the bidding context's transactions ConditionCheck, so matching and bidding agree.
 */
export class DynamoMatchFacts implements MatchFactsReader {
  constructor(private readonly db: Db) {}

  async memberships(refs: readonly MembershipRef[]) {
    const items = await batchGet(
      this.db,
      refs.map((r) => membershipKey(r.parkId, r.orgId)),
    );
    const found = new Map<string, Membership>();
    for (const item of items) {
      const m = stripKeys<Membership>(item);
      found.set(membershipRef(m.parkId, m.orgId), m);
    }
    return found;
  }

  async approvedSuppliers(orgIds: readonly string[]) {
    const approved = new Set<string>();
    for (const orgId of orgIds) {
      const items = await queryAll(this.db, { index: 'gsi1', pk: `ORG#${orgId}#MEMBERSHIPS` }, 200);
      if (items.some((i) => isActiveAs(stripKeys<Membership>(i), 'supplier'))) approved.add(orgId);
    }
    return approved;
  }

  async heldUntil(refs: readonly HeldKindRef[]) {
    const items = await batchGet(
      this.db,
      refs.map((r) => heldCertificateKey(r.orgId, r.kind)),
    );
    const found = new Map<string, number>();
    for (const item of items)
      found.set(heldRef(String(item.orgId), String(item.kind)), Number(item.heldUntil ?? 0));
    return found;
  }
}
