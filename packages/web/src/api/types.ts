import type { Money } from '../format/money';
import type { Lang } from '../i18n/languages';

export type { Money };
export type LocalizedText = Partial<Record<Lang, string>>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface User {
  userId: string;
  email: string;
  name: string;
  orgId: string | null;
}

export interface Park {
  parkId: string;
  name: string;
  names?: LocalizedText;
  kind: 'industrial_park' | 'cluster' | 'technology_park';
  country: string;
  city?: string;
  location: GeoPoint;
  currency: string;
  timeZone: string;
  description?: string;
  operatorOrgId: string;
  version: number;
}

export type OrgKind = 'tenant' | 'supplier' | 'operator';

export interface Org {
  orgId: string;
  name: string;
  names?: LocalizedText;
  kinds: OrgKind[];
  country: string;
  city?: string;
  location?: GeoPoint;
  website?: string;
  description?: string;
  version: number;
}

export type MembershipStatus = 'pending' | 'approved' | 'rejected';

export interface Membership {
  parkId: string;
  orgId: string;
  as: ('tenant' | 'supplier')[];
  status: MembershipStatus;
  suspended: boolean;
  reason: string | null;
  history: { at: string; byUserId: string; action: string; reason: string | null }[];
  appliedAt: string;
  decidedAt: string | null;
}

export const CERTIFICATE_KINDS = [
  'iso_9001',
  'iso_14001',
  'iso_45001',
  'iso_22000',
  'srdi_sme',
  'knowledge_based',
  'national_standard',
  'halal',
  'other',
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface Certificate {
  certId: string;
  orgId: string;
  kind: CertificateKind;
  number: string;
  issuer: string;
  validFrom?: string;
  validUntil: string;
  status: 'claimed' | 'verified' | 'rejected';
  verifiedAt: string | null;
}

export interface Notification {
  notificationId: string;
  kind: string;
  entityId: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface AuditRecord {
  entityId: string;
  seq: number;
  at: string;
  action: string;
  actor: { userId: string; orgId: string | null };
  before: unknown;
  after: unknown;
  reason?: string;
  hash: string;
  prevHash: string;
}

export interface Category {
  code: string;
  level: 'section' | 'division' | 'group' | 'class';
  parent: string | null;
  title: string;
  titles: Record<string, string>;
  hasChildren: boolean;
  ancestors?: Category[];
}

export const UNITS = [
  'pcs',
  'kg',
  't',
  'g',
  'l',
  'm3',
  'm',
  'm2',
  'set',
  'pair',
  'roll',
  'h',
  'day',
  'kWh',
  'pallet',
  'container',
] as const;
export type Unit = (typeof UNITS)[number];
export const PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

// Expos, pavilions, slots and bookings

export interface Expo {
  expoId: string;
  parkId: string;
  operatorOrgId: string;
  name: string;
  names?: LocalizedText;
  startsAt: string;
  endsAt: string;
  venue: string;
  description?: string;
  currency: string;
  timeZone: string;
  version: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const SLOT_KINDS = ['inline', 'corner', 'island', 'outdoor'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];
export type SlotStatus = 'available' | 'held' | 'requested' | 'booked';

export interface ExhibitorProfile {
  orgId: string;
  name: string;
  displayName: string;
  country?: string;
  city?: string;
  website?: string;
  listingIds: string[];
}

export interface FloorSlice {
  sliceId: string;
  startsAt: string;
  endsAt: string;
  label?: string;
  session: 'exhibit' | 'mentorship' | 'pitch';
  price: Money;
  status: SlotStatus;
  mine: boolean;
  exhibitor: ExhibitorProfile | null;
}

export interface FloorSlot {
  slotId: string;
  code: string;
  kind: SlotKind;
  area: number;
  rect: Rect;
  price: Money;
  status: SlotStatus;
  mine: boolean;
  exhibitor: ExhibitorProfile | null;
  slices: FloorSlice[];
}

export interface FloorPavilion {
  pavilionId: string;
  name: string;
  names?: LocalizedText;
  themes: string[];
  floor: { width: number; depth: number };
  slots: FloorSlot[];
}

export interface FloorPlan {
  expoId: string;
  generatedAt: string;
  pavilions: FloorPavilion[];
}

export interface Pavilion {
  pavilionId: string;
  expoId: string;
  name: string;
  themes: string[];
  floor: { width: number; depth: number };
}

export type BookingStatus = 'held' | 'requested' | 'confirmed' | 'rejected' | 'cancelled' | 'expired';

export interface Booking {
  bookingId: string;
  expoId: string;
  parkId: string;
  pavilionId: string;
  slotId: string;
  sliceId: string | null;
  slotCode: string;
  orgId: string;
  status: BookingStatus;
  expiresAt: string;
  price: Money;
  area: number;
  exhibitor: { displayName: string; contact: unknown } | null;
  listingIds: string[];
  reason: string | null;
  viaWaitlist: boolean;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
}

export interface PavilionOccupancy {
  pavilionId: string;
  name: string;
  floorArea: number;
  slotArea: number;
  bookedArea: number;
  occupancy: number;
  slots: { total: number; available: number; held: number; requested: number; booked: number };
}

export interface ExpoStats {
  expoId: string;
  generatedAt: string;
  pavilions: PavilionOccupancy[];
  revenue: { currency: string; confirmed: number; pending: number }[];
}

export interface Recommendation {
  pavilionId?: string;
  slotId?: string;
  score?: number;
  reasons?: { code: string; detail?: string }[];
  [k: string]: unknown;
}
