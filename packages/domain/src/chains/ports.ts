import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { Chain } from './chain';

export interface ChainRepository {
  get(chainId: string): Promise<Stored<Chain> | null>;
  listByOrg(orgId: string, page: PageRequest): Promise<Page<Stored<Chain>>>;
  listByPark(parkId: string, page: PageRequest): Promise<Page<Stored<Chain>>>;
  save(next: Chain, prev: Stored<Chain> | null, audit: Omit<AuditEntry, 'entityId'>): Promise<Stored<Chain>>;
}
