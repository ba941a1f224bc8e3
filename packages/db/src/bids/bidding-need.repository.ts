import type { BiddingNeedRepository } from '@parkbridge/domain/bids';
import type { Stored } from '@parkbridge/domain/core';
import type { Need } from '@parkbridge/domain/needs';
import type { Db } from '../core/db';
import { getItem } from '../core/query';
import { stripKeys } from '../core/versioned-write';
import { needKey } from '../needs/need.keys';

/** Reads the need item by the contract's key (the market context writes it; bidding moves its close and status). */
export class DynamoBiddingNeedRepository implements BiddingNeedRepository {
  constructor(private readonly db: Db) {}

  async get(needId: string) {
    const key = needKey(needId);
    const item = await getItem(this.db, key.pk, key.sk, true);
    return item ? stripKeys<Stored<Need>>(item) : null;
  }
}
