import type { Reputation } from './reputation';

/**
 * How other contexts (matching's reputation reason, the owner's bid comparison) read a firm's
 * reputation. Defined here because the market context had not defined a `ReputationReader` in
 * matching when bidding was built; an org with no deals reads as an empty reputation, never null.
 */
export interface ReputationReader {
  get(orgId: string): Promise<Reputation>;
  getMany(orgIds: readonly string[]): Promise<Map<string, Reputation>>;
}
