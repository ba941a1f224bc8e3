import { z } from 'zod';
import type { FieldError } from '../core/errors';
import { Money } from '../core/money';
import { CertificateKind } from '../orgs/certificate';
import { GeoPoint } from '../shared/geo';
import { IsoDate, Text } from '../shared/locale';
import { Period, Quantity, Unit } from '../shared/units';

export const ListingKind = z.enum(['product', 'service', 'capacity']);
export type ListingKind = z.infer<typeof ListingKind>;

/** `withdrawn` is the end of a listing (DELETE); it is kept for the audit trail and answers 404. */
export const ListingStatus = z.enum(['active', 'paused', 'withdrawn']);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** How far a supplier delivers: only to its own park, within a radius of its location, or nationwide. */
export const ServiceScope = z.enum(['park', 'radius', 'national']);
export const ServiceArea = z
  .strictObject({
    scope: ServiceScope,
    radiusKm: z.int().min(1).max(20_000).optional(),
  })
  .refine((a) => (a.scope === 'radius') === (a.radiusKm !== undefined), {
    path: ['radiusKm'],
    message: 'radiusKm is required with scope "radius" and only there.',
  });
export type ServiceArea = z.infer<typeof ServiceArea>;

export const ListingCategory = z
  .string()
  .regex(/^\d{2,4}$/, 'An ISIC division, group or class code, e.g. 2420.');

/** The fields a supplier writes; checked as a whole by listingProblems (create and after a patch). */
export const ListingFields = z.strictObject({
  kind: ListingKind,
  title: Text(200),
  description: Text(8000),
  category: ListingCategory,
  /** Units (or, for capacity, free hours or units) the supplier can deliver per period. */
  capacityPerPeriod: Quantity.optional(),
  unit: Unit,
  period: Period.optional(),
  minOrder: Quantity.optional(),
  /** Per unit, indicative only: bids carry the binding price. */
  indicativePrice: Money.optional(),
  leadTimeDays: z.int().min(0).max(730),
  serviceArea: ServiceArea,
  /** Certificate kinds the listing claims; matching trusts only verified, valid ones the firm holds. */
  certificates: z
    .array(CertificateKind)
    .max(10)
    .refine((k) => new Set(k).size === k.length, 'Certificate kinds must not repeat.')
    .optional(),
  /** For idle capacity: the machine or process class (e.g. "CNC lathe, Ø 400 mm"). */
  machineClass: Text(200).optional(),
  availableFrom: IsoDate.optional(),
  availableUntil: IsoDate.optional(),
  /** The park the supplier serves from (an approved membership); required with scope "park". */
  parkId: z.string().min(1).max(64).optional(),
});

export const ListingInput = ListingFields.superRefine((l, ctx) => {
  for (const p of listingProblems(l))
    ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
});
export type ListingInput = z.infer<typeof ListingFields>;

export const ListingPatch = ListingFields.partial()
  .extend({ status: z.enum(['active', 'paused']).optional() })
  .refine((p) => Object.keys(p).length > 0, 'Change at least one field.');
export type ListingPatch = z.infer<typeof ListingPatch>;

export const Listing = ListingFields.extend({
  listingId: z.string(),
  supplierOrgId: z.string(),
  status: ListingStatus,
  certificates: z.array(CertificateKind),
  parkId: z.string().nullable(),
  /** Where the supplier delivers from (its organisation's location, else its park's), for distances. */
  location: GeoPoint.nullable(),
  /** The supplier's country, for nationwide service areas. */
  country: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Listing = z.infer<typeof Listing>;

/** Rules that span fields. Returned rather than thrown so create and patch report them alike. */
export function listingProblems(l: Partial<ListingInput>): FieldError[] {
  const problems: FieldError[] = [];
  if (l.kind === 'capacity') {
    // How a park revives idle units: say which machine, how many hours or units are free, and when.
    if (l.capacityPerPeriod === undefined)
      problems.push({
        path: 'capacityPerPeriod',
        message: 'Idle capacity says how much is free per period.',
      });
    if (!l.machineClass)
      problems.push({ path: 'machineClass', message: 'Idle capacity names its machine or process class.' });
  }
  if (l.capacityPerPeriod !== undefined && !l.period)
    problems.push({ path: 'period', message: 'capacityPerPeriod needs the period it is counted in.' });
  if (l.availableFrom && l.availableUntil && l.availableFrom > l.availableUntil)
    problems.push({ path: 'availableUntil', message: 'availableUntil must not be before availableFrom.' });
  if (l.minOrder !== undefined && l.capacityPerPeriod !== undefined && l.minOrder > l.capacityPerPeriod)
    problems.push({ path: 'minOrder', message: 'minOrder must not exceed capacityPerPeriod.' });
  if (l.serviceArea?.scope === 'park' && !l.parkId)
    problems.push({ path: 'parkId', message: 'A listing that serves its own park names that park.' });
  return problems;
}

/** Listings stop matching after the last day they are free. */
export const isAvailable = (l: Pick<Listing, 'availableUntil'>, now: Date): boolean =>
  !l.availableUntil || new Date(`${l.availableUntil}T23:59:59.999Z`).getTime() > now.getTime();
