import type { CurrentAggregates } from '../chain-map/ports';
import type { Page, PageRequest, Stored } from '../core';
import type { Expo } from '../expos/expo';
import type { Listing } from '../listings/listing';
import type { Certificate } from '../orgs/certificate';
import type { Membership, MembershipStatus } from '../orgs/membership';
import type { Org } from '../orgs/org';
import type { Park } from '../parks/park';
import type { Reputation } from '../reputation/reputation';
import type { SupplierEntry } from './supplier-entry';

/** How the directory is searched: each filter narrows, text words must all occur. */
export interface SupplierQuery {
  terms: string[];
  /** Any ISIC level: a section, division or group finds the classes under it. */
  category?: string | undefined;
  parkId?: string | undefined;
  certificate?: string | undefined;
}

export interface SupplierDirectoryRepository {
  /** Writes the entry with its filter fields, or removes it (`entry` null). Idempotent. */
  put(orgId: string, entry: { entry: SupplierEntry; listingTitles: string[] } | null): Promise<void>;
  search(query: SupplierQuery, page: PageRequest): Promise<Page<SupplierEntry>>;
}

/** What the directory entry is rebuilt from: the firm's own records, read by key. */
export interface SupplierSourceReader {
  org(orgId: string): Promise<Stored<Org> | null>;
  memberships(orgId: string): Promise<Membership[]>;
  activeListings(orgId: string, limit: number): Promise<Listing[]>;
  certificates(orgId: string): Promise<Certificate[]>;
}

/** The reads the public park pages make; nothing here can reach a draft, a bid or a booking. */
export interface PublicParkReader {
  park(parkId: string): Promise<Stored<Park> | null>;
  parks(page: PageRequest, filter: { country?: string | undefined }): Promise<Page<Stored<Park>>>;
  /** The park's chain-map aggregates (counts per category and in total), without any row. */
  aggregates(parkId: string): Promise<Pick<CurrentAggregates, 'categories' | 'summary'>>;
  /** Expos of the park that have not ended, soonest first. */
  openExpos(parkId: string, now: Date, limit: number): Promise<Expo[]>;
  members(parkId: string, status: MembershipStatus, page: PageRequest): Promise<Page<Membership>>;
  orgs(orgIds: string[]): Promise<Org[]>;
}

export interface ReputationsReader {
  getMany(orgIds: readonly string[]): Promise<Map<string, Reputation>>;
}
