import { z } from 'zod';
import { Money } from '../core/money';
import { IsoDateTime, Text } from '../shared/locale';

/**
 * Park space the operator offers to investors: a free plot, a workshop unit, or an idle unit (a
 * dormant factory). Sold or leased to the highest bidder, by sealed tender or forward auction.
 */
export const OfferingKind = z.enum(['plot', 'workshop', 'idle_unit']);
export type OfferingKind = z.infer<typeof OfferingKind>;

export const OfferingStatus = z.enum(['draft', 'open', 'closed', 'awarded', 'cancelled']);
export type OfferingStatus = z.infer<typeof OfferingStatus>;

export const OfferingMode = z.enum(['sealed', 'auction']);
export type OfferingMode = z.infer<typeof OfferingMode>;

/** An ISIC division, group or class: an allowed activity covers every class below it. */
export const ActivityCode = z
  .string()
  .regex(/^\d{2,4}$/, 'An ISIC division, group or class code, e.g. 1050.');

/** A measure with at most two decimals (DynamoDB keeps 38 digits: no 1e-200 gets that far). */
const Measure = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((q) => Math.round(q * 100) === q * 100, 'At most two decimals.');

export const Utilities = z.strictObject({
  powerKw: Measure(1_000_000).optional(),
  waterM3PerDay: Measure(1_000_000).optional(),
  gas: z.boolean().optional(),
});

export const OfferingInput = z
  .strictObject({
    kind: OfferingKind,
    title: Text(200),
    description: Text(8000),
    /** Square metres. */
    area: Measure(100_000_000).refine((a) => a >= 1, 'At least 1 m².'),
    utilities: Utilities.optional(),
    allowedCategories: z.array(ActivityCode).max(50).optional(),
    terms: z.enum(['sale', 'lease']),
    leaseYears: z.int().min(1).max(99).optional(),
    reservePrice: Money,
    /** In auction mode a bid must beat the best by at least this; default one minor unit. */
    minIncrement: Money.optional(),
    mode: OfferingMode,
    closesAt: IsoDateTime,
  })
  .superRefine((o, ctx) => {
    if (o.terms === 'lease' && o.leaseYears === undefined)
      ctx.addIssue({ code: 'custom', path: ['leaseYears'], message: 'A lease states its years.' });
    if (o.terms === 'sale' && o.leaseYears !== undefined)
      ctx.addIssue({ code: 'custom', path: ['leaseYears'], message: 'Only a lease has years.' });
    if (o.minIncrement && o.minIncrement.currency !== o.reservePrice.currency)
      ctx.addIssue({
        code: 'custom',
        path: ['minIncrement', 'currency'],
        message: 'Use the reserve price’s currency.',
      });
    if (o.minIncrement && o.minIncrement.amount < 1)
      ctx.addIssue({ code: 'custom', path: ['minIncrement', 'amount'], message: 'At least one minor unit.' });
  });
export type OfferingInput = z.infer<typeof OfferingInput>;

export const Offering = z.object({
  offeringId: z.string(),
  parkId: z.string(),
  operatorOrgId: z.string(),
  kind: OfferingKind,
  title: z.string(),
  description: z.string(),
  area: z.number(),
  utilities: Utilities.optional(),
  allowedCategories: z.array(z.string()).optional(),
  terms: z.enum(['sale', 'lease']),
  leaseYears: z.int().optional(),
  reservePrice: Money,
  minIncrement: Money.optional(),
  mode: OfferingMode,
  status: OfferingStatus,
  /** The effective close (anti-sniping moves it), ISO and epoch ms; the original stays. */
  closesAt: z.string(),
  closesAtMs: z.number().int(),
  originalClosesAt: z.string(),
  extensionCount: z.int(),
  publishedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  awardedBidId: z.string().nullable(),
  allocationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Offering = z.infer<typeof Offering>;

/** What the investor plans to do with the space: judged beside the price at the award. */
export const InvestmentPlan = z.strictObject({
  category: ActivityCode,
  investment: Money,
  jobs: z.int().min(0).max(1_000_000),
  startWithinMonths: z.int().min(0).max(120),
});

export const OfferingBidInput = z.strictObject({
  price: Money,
  plan: InvestmentPlan,
});
export type OfferingBidInput = z.infer<typeof OfferingBidInput>;

export const OfferingBidStatus = z.enum(['submitted', 'withdrawn', 'awarded']);

export const OfferingBid = OfferingBidInput.extend({
  bidId: z.string(),
  offeringId: z.string(),
  bidderOrgId: z.string(),
  status: OfferingBidStatus,
  revision: z.int(),
  /** When the current price was set: an equal price set later ranks behind. */
  pricedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type OfferingBid = z.infer<typeof OfferingBid>;

/** The award's record: the space goes to this organisation, at this price, on these terms. */
export const Allocation = z.object({
  allocationId: z.string(),
  offeringId: z.string(),
  parkId: z.string(),
  orgId: z.string(),
  bidId: z.string(),
  kind: OfferingKind,
  area: z.number(),
  price: Money,
  terms: z.object({ terms: z.enum(['sale', 'lease']), leaseYears: z.int().optional() }),
  plan: InvestmentPlan,
  allocatedAt: z.string(),
});
export type Allocation = z.infer<typeof Allocation>;
