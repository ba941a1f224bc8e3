import type { Page, PageRequest } from '../core';
import type { Membership } from '../orgs/membership';
import type { InboxEntry, Match } from './match';

export interface MembershipRef {
  parkId: string;
  orgId: string;
}

export interface HeldKindRef {
  orgId: string;
  kind: string;
}

/** The facts about suppliers that matching needs in bulk (one batched read per kind of fact). */
export interface MatchFactsReader {
  /** Keyed by `${parkId}|${orgId}`; missing memberships are absent. */
  memberships(refs: readonly MembershipRef[]): Promise<Map<string, Membership>>;
  /** Of these organisations, those with an approved, unsuspended supplier membership in any park. */
  approvedSuppliers(orgIds: readonly string[]): Promise<Set<string>>;
  /** Keyed by `${orgId}|${kind}`: epoch ms up to which a verified certificate of the kind is held. */
  heldUntil(refs: readonly HeldKindRef[]): Promise<Map<string, number>>;
}

export const membershipRef = (parkId: string, orgId: string) => `${parkId}|${orgId}`;
export const heldRef = (orgId: string, kind: string) => `${orgId}|${kind}`;

/** Matches and inbox rows, stored so that the owner's list and the supplier's inbox are Queries. */
export interface MatchRepository {
  /** All of a need's matches (bounded by the candidate budget). */
  forNeed(needId: string): Promise<Match[]>;
  /** All of a listing's matches (bounded by the open needs of its division). */
  forListing(listingId: string): Promise<Match[]>;
  /** One supplier's matches for one need. */
  forNeedAndSupplier(needId: string, supplierOrgId: string): Promise<Match[]>;
  countForNeed(needId: string, upTo: number): Promise<number>;
  /** These (need, supplier, listing) matches, those that exist. */
  getMany(refs: readonly Pick<Match, 'needId' | 'supplierOrgId' | 'listingId'>[]): Promise<Match[]>;
  /** A page of a need's matches (a step of clearing or sweeping them). */
  pageForNeed(needId: string, page: PageRequest): Promise<Page<Match>>;
  /** A page of a listing's matches (a step of clearing or sweeping them). */
  pageForListing(listingId: string, page: PageRequest): Promise<Page<Match>>;
  put(matches: readonly Match[]): Promise<void>;
  /**
   * Sets the supplier's name copied on these matches, on each match that still exists: a match
   * cleared or rescored meanwhile keeps what that write made of it.
   */
  setSupplierName(
    matches: readonly Pick<Match, 'needId' | 'supplierOrgId' | 'listingId'>[],
    name: string,
  ): Promise<void>;
  remove(matches: readonly Pick<Match, 'needId' | 'supplierOrgId' | 'listingId'>[]): Promise<void>;
  inboxEntries(refs: readonly { supplierOrgId: string; needId: string }[]): Promise<InboxEntry[]>;
  putInbox(entries: readonly InboxEntry[]): Promise<void>;
  removeInbox(refs: readonly { supplierOrgId: string; needId: string }[]): Promise<void>;
  /** A buyer's matches across its open needs, of these suppliers only; at most `max`. */
  forBuyer(ownerOrgId: string, supplierOrgIds: readonly string[], max?: number): Promise<Match[]>;
  /** Best first. */
  listForNeed(needId: string, page: PageRequest): Promise<Page<Match>>;
  /** Best first. */
  inbox(supplierOrgId: string, page: PageRequest): Promise<Page<InboxEntry>>;
}
