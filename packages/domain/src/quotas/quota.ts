import type { Clock } from '../core/clock';
import { RateLimited } from '../core/errors';

/** One limit: so many units (actions, or bytes) per window of so many seconds. */
export interface QuotaLimit {
  limit: number;
  windowS: number;
}

/** Per action: the person's limit and the organisation's (packages/config/src/quotas.ts defines them). */
export type QuotaLimitTable = Readonly<Record<string, { user?: QuotaLimit; org?: QuotaLimit }>>;

/**
 * What one action takes from one counter: the window it falls in (fixed windows, aligned to the
 * epoch) and the room it needs. Repositories add each as a conditional write to the action's own
 * transaction, so the limit holds under any race and an action over the limit writes nothing.
 */
export interface QuotaCharge {
  action: string;
  scope: 'user' | 'org';
  /** The user id or organisation id counted. */
  subject: string;
  amount: number;
  limit: number;
  windowS: number;
  windowStartMs: number;
}

/** Who is counted: the person, and the organisation when there is one. */
export interface QuotaPayer {
  userId: string;
  orgId: string | null;
}

/** The charges an action makes, or none: every service that takes a quota asks this. */
export interface QuotaPolicy {
  charges(payer: QuotaPayer, action: string, amount?: number): QuotaCharge[];
}

/** Quotas as configured, counted in fixed windows of the clock's time. */
export class Quotas implements QuotaPolicy {
  constructor(
    private readonly limits: QuotaLimitTable,
    private readonly clock: Clock,
  ) {}

  charges(payer: QuotaPayer, action: string, amount = 1): QuotaCharge[] {
    const limits = this.limits[action];
    if (!limits) throw new Error(`No quota is defined for ${action} (packages/config/src/quotas.ts).`);
    const now = this.clock.now().getTime();
    const out: QuotaCharge[] = [];
    for (const scope of ['user', 'org'] as const) {
      const l = limits[scope];
      const subject = scope === 'user' ? payer.userId : payer.orgId;
      if (!l || !subject) continue;
      const windowMs = l.windowS * 1000;
      const charge = {
        action,
        scope,
        subject,
        amount,
        limit: l.limit,
        windowS: l.windowS,
        windowStartMs: Math.floor(now / windowMs) * windowMs,
      };
      // More than a whole window holds can never be admitted: refused without a write.
      if (amount > l.limit) throw rateLimited(charge, now);
      out.push(charge);
    }
    return out;
  }
}

/** For services built without quotas (unit tests of their rules). */
export const NO_QUOTAS: QuotaPolicy = { charges: () => [] };

/** 429 `rate_limited`, with the seconds until the window that refused the action ends. */
export function rateLimited(charge: QuotaCharge, nowMs: number): RateLimited {
  const endMs = charge.windowStartMs + charge.windowS * 1000;
  const who = charge.scope === 'user' ? 'You have' : 'Your organisation has';
  return new RateLimited(
    'rate_limited',
    `${who} reached the limit of ${charge.limit} for ${charge.action} per ${charge.windowS} s; try again later.`,
    Math.max(1, Math.ceil((endMs - nowMs) / 1000)),
  );
}

/** For an action whose own write is not a transaction: the charges as a write of their own. */
export interface QuotaRepository {
  take(charges: readonly QuotaCharge[]): Promise<void>;
}
