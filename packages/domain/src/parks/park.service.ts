import {
  actorOf,
  type Caller,
  type Clock,
  newId,
  notFound,
  type PageRequest,
  requireRole,
  type Stored,
  staleVersion,
} from '../core';
import { requireOperatorOf } from './operator';
import type { Park, ParkInput, ParkPatch } from './park';
import type { ParkRepository } from './ports';

export class ParkService {
  constructor(
    private readonly parks: ParkRepository,
    private readonly clock: Clock,
  ) {}

  async get(parkId: string): Promise<Stored<Park>> {
    const park = await this.parks.get(parkId);
    if (!park) throw notFound('park');
    return park;
  }

  list(page: PageRequest, filter: { country?: string | undefined } = {}) {
    return this.parks.list(page, filter);
  }

  async create(caller: Caller, input: ParkInput): Promise<Stored<Park>> {
    const op = requireRole(caller, 'operator');
    const now = this.clock.now().toISOString();
    const parkId = newId('park');
    const park: Park = {
      ...input,
      parkId,
      operatorOrgId: op.orgId,
      createdAt: now,
      updatedAt: now,
      version: 0,
    };
    return this.parks.save(park, null, {
      action: 'park.created',
      actor: actorOf(op),
      before: null,
      after: park,
      parkId,
    });
  }

  async update(caller: Caller, parkId: string, patch: ParkPatch, ifMatch?: number): Promise<Stored<Park>> {
    const op = requireRole(caller, 'operator');
    const prev = await this.requireOperated(op.orgId, parkId);
    if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
    const next: Park = { ...prev, ...patch, updatedAt: this.clock.now().toISOString() };
    return this.parks.save(next, prev, {
      action: 'park.updated',
      actor: actorOf(op),
      before: prev,
      after: next,
      parkId,
    });
  }

  /** The park, if the caller's organisation operates it; otherwise 403 (the park itself is public). */
  async requireOperated(operatorOrgId: string, parkId: string): Promise<Stored<Park>> {
    const park = await this.get(parkId);
    requireOperatorOf(park, operatorOrgId);
    return park;
  }
}
