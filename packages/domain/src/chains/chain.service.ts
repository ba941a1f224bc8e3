import { categories } from '../categories/isic-rev4';
import {
  actorOf,
  type Caller,
  type Clock,
  type FieldError,
  hasRole,
  invalid,
  newId,
  notFound,
  type OrgCaller,
  type PageRequest,
  requireOrg,
  requireRole,
  ruleBroken,
  type Stored,
  staleVersion,
} from '../core';
import { isActiveAs } from '../orgs/membership';
import type { MembershipRepository } from '../orgs/ports';
import type { ParkService } from '../parks/park.service';
import { type Chain, type ChainCreate, type ChainPatch, newInputId, reconcileInputs } from './chain';
import type { ChainRepository } from './ports';

export class ChainService {
  constructor(
    private readonly chains: ChainRepository,
    private readonly memberships: MembershipRepository,
    private readonly parks: ParkService,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: ChainCreate): Promise<Stored<Chain>> {
    const tenant = requireRole(caller, 'tenant');
    checkCategories(input);
    const parkId = await this.tenantPark(tenant, input.parkId);
    const now = this.clock.now().toISOString();
    const chain: Chain = {
      chainId: newId('chain'),
      ownerOrgId: tenant.orgId,
      parkId,
      output: input.output,
      inputs: input.inputs.map((i) => ({ ...i, inputId: newInputId() })),
      createdAt: now,
      updatedAt: now,
      version: 0,
    };
    return this.chains.save(chain, null, {
      action: 'chain.created',
      actor: actorOf(tenant),
      before: null,
      after: chain,
      parkId,
    });
  }

  /** The owner sees its chain; so does the operator of its park (the chain map). Others: 404. */
  async get(caller: Caller, chainId: string): Promise<Stored<Chain>> {
    const who = requireOrg(caller);
    const chain = await this.chains.get(chainId);
    if (!chain) throw notFound('chain');
    if (chain.ownerOrgId === who.orgId) return chain;
    if (hasRole(who, 'operator')) {
      const park = await this.parks.get(chain.parkId);
      if (park.operatorOrgId === who.orgId) return chain;
    }
    throw notFound('chain');
  }

  /** The caller's own chains, or (for its operator) every chain declared in a park. */
  async list(caller: Caller, filter: { parkId?: string | undefined }, page: PageRequest) {
    const who = requireOrg(caller);
    if (filter.parkId && hasRole(who, 'operator')) {
      await this.parks.requireOperated(who.orgId, filter.parkId);
      return this.chains.listByPark(filter.parkId, page);
    }
    const mine = await this.chains.listByOrg(who.orgId, page);
    if (!filter.parkId) return mine;
    return { ...mine, items: mine.items.filter((c) => c.parkId === filter.parkId) };
  }

  async update(caller: Caller, chainId: string, patch: ChainPatch, ifMatch?: number): Promise<Stored<Chain>> {
    const tenant = requireRole(caller, 'tenant');
    const prev = await this.requireOwned(tenant, chainId);
    if (ifMatch !== undefined && ifMatch !== prev.version) throw staleVersion();
    checkCategories(patch);
    let inputs = prev.inputs;
    if (patch.inputs) {
      const reconciled = reconcileInputs(prev.inputs, patch.inputs);
      if (reconciled.unknownIds.length) {
        throw invalid(
          'chain.input_unknown',
          'An inputId does not belong to this chain (or repeats).',
          reconciled.unknownIds.map((id) => ({
            path: `inputs.${patch.inputs!.findIndex((i) => i.inputId === id)}.inputId`,
            message: `No input ${id} in this chain.`,
          })),
        );
      }
      inputs = reconciled.inputs;
    }
    const next: Chain = {
      ...prev,
      output: patch.output ?? prev.output,
      inputs,
      updatedAt: this.clock.now().toISOString(),
    };
    return this.chains.save(next, prev, {
      action: 'chain.updated',
      actor: actorOf(tenant),
      before: prev,
      after: next,
      parkId: prev.parkId,
    });
  }

  /** The chain if the caller's organisation owns it; otherwise 404 (no probing of ids). */
  async requireOwned(caller: OrgCaller, chainId: string): Promise<Stored<Chain>> {
    const chain = await this.chains.get(chainId);
    if (!chain || chain.ownerOrgId !== caller.orgId) throw notFound('chain');
    return chain;
  }

  /** A chain is declared in a park the firm is an approved tenant of. */
  private async tenantPark(tenant: OrgCaller, parkId: string | undefined): Promise<string> {
    if (parkId) {
      await this.parks.get(parkId);
      if (!isActiveAs(await this.memberships.get(parkId, tenant.orgId), 'tenant')) {
        throw ruleBroken('chain.not_a_tenant', 'Your organisation is not an approved tenant of this park.', [
          { path: 'parkId', message: 'Declare chains in a park where you are an approved tenant.' },
        ]);
      }
      return parkId;
    }
    const mine = await this.memberships.listByOrg(tenant.orgId, { limit: 100 });
    const parks = mine.items.filter((m) => isActiveAs(m, 'tenant')).map((m) => m.parkId);
    if (parks.length === 1) return parks[0]!;
    throw ruleBroken(
      'chain.park_required',
      parks.length
        ? 'Your organisation is a tenant of several parks: say which one.'
        : 'Your organisation is not an approved tenant of any park yet.',
      [{ path: 'parkId', message: 'Name the park this chain runs in.' }],
    );
  }
}

function checkCategories(input: { output?: { category: string }; inputs?: { category: string }[] }) {
  const fields: FieldError[] = [];
  if (input.output && !categories.has(input.output.category))
    fields.push({ path: 'output.category', message: `Unknown ISIC code ${input.output.category}.` });
  for (const [i, line] of (input.inputs ?? []).entries()) {
    if (!categories.has(line.category))
      fields.push({ path: `inputs.${i}.category`, message: `Unknown ISIC code ${line.category}.` });
  }
  if (fields.length) throw invalid('category.unknown', 'Use ISIC Rev.4 codes that exist.', fields);
}
