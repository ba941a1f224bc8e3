import type { AuditEntry, Page, PageRequest, Stored } from '../core';
import type { Park } from './park';

export interface ParkRepository {
  get(parkId: string): Promise<Stored<Park> | null>;
  getMany(parkIds: string[]): Promise<Stored<Park>[]>;
  list(page: PageRequest, filter?: { country?: string | undefined }): Promise<Page<Stored<Park>>>;
  listByOperator(operatorOrgId: string, page: PageRequest): Promise<Page<Stored<Park>>>;
  save(next: Park, prev: Stored<Park> | null, audit: Omit<AuditEntry, 'entityId'>): Promise<Stored<Park>>;
}
