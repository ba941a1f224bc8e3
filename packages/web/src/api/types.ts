import type { PersonRole } from '../auth/session';
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
  /** Shown by name on the public pages of its parks. */
  publicProfile?: boolean;
  /** Four eyes: a non-admin's award above this waits for another admin's approval. */
  awardApprovalAbove?: Money | null;
  version: number;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: PersonRole;
  joinedAt: string;
  version: number;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  invitationId: string;
  orgId: string;
  orgName: string;
  email: string;
  role: PersonRole;
  status: InvitationStatus;
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
  version: number;
}

export interface AwardRequest {
  requestId: string;
  needId: string;
  needTitle: string;
  orgId: string;
  bidId: string;
  total: Money;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'declined' | 'superseded';
  decidedBy: string | null;
  decidedAt: string | null;
  dealId: string | null;
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

/** A file as the thing it is attached to shows it. */
export interface Attachment {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export type UploadPurpose = 'need' | 'bid' | 'certificate' | 'deal' | 'message';

export interface DeliveryTerms {
  terms: 'pickup' | 'delivered';
  by?: string;
  place?: string;
}

export interface PaymentTerms {
  daysAfterDelivery: number;
}

export interface Certificate {
  attachments?: Attachment[];
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

export type EmailMode = 'instant' | 'daily' | 'off';

/** GET /v1/me: the person behind the token and their settings, defaults filled in. */
export interface Me {
  userId: string;
  name: string;
  emailAddress: string;
  orgId: string | null;
  language: 'en' | 'fa' | 'mn' | 'vi' | 'zh';
  timeZone: string;
  email: Record<string, EmailMode>;
  emailSuppressed: { reason: 'bounce' | 'complaint'; at: string } | null;
  version: number;
}

export interface Unsubscription {
  scope: string;
  language: 'en' | 'fa' | 'mn' | 'vi' | 'zh';
  off: boolean;
}

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  at: string;
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

/** A slot's definition (GET /v1/slots/{slotId}); its status is on the floor plan. */
export interface Slot {
  slotId: string;
  expoId: string;
  parkId: string;
  pavilionId: string;
  code: string;
  kind: SlotKind;
  area: number;
  rect: Rect;
  price: Money;
  slices: { sliceId: string; startsAt: string; endsAt: string; label?: string; price: Money }[];
  version: number;
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

export interface RecommendationReason {
  code: string;
  detail: string;
}

/** For a supplier: a pavilion whose themes meet its listings, ranked by the park's open demand. */
export interface PavilionRecommendation {
  pavilionId: string;
  name: string;
  themes: string[];
  categories: string[];
  matchedListingIds: string[];
  demand: { openNeeds: number; tenants: number };
  slots: { total: number; available: number };
  reasons: RecommendationReason[];
}

/** For a tenant: a booked booth of a supplier the market matched to its open needs. */
export interface BoothRecommendation {
  pavilionId: string;
  pavilionName: string;
  slotId: string;
  sliceId: string | null;
  code: string;
  exhibitor: ExhibitorProfile;
  score: number;
  needs: { needId: string; title: string; score: number; listingId: string }[];
  reasons: RecommendationReason[];
}

export interface Recommendations {
  expoId: string;
  generatedAt: string;
  pavilions: PavilionRecommendation[];
  booths: BoothRecommendation[];
}

// Production chains, needs, listings, matching

export const INPUT_SOURCES = ['in_park', 'in_country', 'imported'] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];

export interface ChainInput {
  inputId: string;
  category: string;
  name?: string;
  quantity: number;
  unit: Unit;
  period: Period;
  source: InputSource;
  supplierOrgId?: string;
}

export interface Chain {
  chainId: string;
  ownerOrgId: string;
  parkId: string;
  output: { category: string; name: string; quantity?: number; unit?: Unit; period?: Period };
  inputs: ChainInput[];
  updatedAt: string;
  version: number;
}

export type NeedStatus = 'draft' | 'open' | 'closed' | 'awarded' | 'cancelled';
export type NeedMode = 'sealed' | 'auction';

export interface Need {
  needId: string;
  ownerOrgId: string;
  title: string;
  description: string;
  category: string;
  quantity: number;
  unit: Unit;
  recurrence?: { every: Period; occurrences?: number };
  parkId: string;
  currency: string;
  closesAt: string;
  closesAtMs: number;
  originalClosesAt: string;
  extensionCount: number;
  mode: NeedMode;
  auction?: { minDecrementBps: number; maxExtensions: number };
  requiredCertificates: CertificateKind[];
  parkFirstHours: number;
  parkFirstUntil: string | null;
  visibility: 'park' | 'public';
  chainInputRef?: { chainId: string; inputId: string };
  delivery?: DeliveryTerms;
  paymentTerms?: PaymentTerms;
  attachments?: Attachment[];
  status: NeedStatus;
  publishedAt: string | null;
  amendmentCount: number;
  cancelReason: string | null;
  awardedBidId: string | null;
  createdAt: string;
  version: number;
}

export interface NeedAmendment {
  seq: number;
  at: string;
  reason: string;
  changes: { field: string; before: unknown; after: unknown }[];
  closesAtBefore: string;
  closesAtAfter: string;
}

export const LISTING_KINDS = ['product', 'service', 'capacity'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export interface Listing {
  listingId: string;
  supplierOrgId: string;
  kind: ListingKind;
  title: string;
  description: string;
  category: string;
  capacityPerPeriod?: number;
  unit: Unit;
  period?: Period;
  minOrder?: number;
  indicativePrice?: Money;
  leadTimeDays: number;
  serviceArea: { scope: 'park' | 'radius' | 'national'; radiusKm?: number };
  certificates: CertificateKind[];
  machineClass?: string;
  availableFrom?: string;
  availableUntil?: string;
  parkId: string | null;
  status: 'active' | 'paused' | 'withdrawn';
  version: number;
}

export interface MatchReason {
  code: string;
  detail: string;
  points?: number;
}

export interface Match {
  needId: string;
  listingId: string;
  supplierOrgId: string;
  score: number;
  level: 'exact' | 'group' | 'division';
  distanceKm: number | null;
  reasons: MatchReason[];
  listingTitle: string | null;
  listingKind: string | null;
  supplierName: string | null;
}

export interface InboxItem {
  needId: string;
  score: number;
  bestListingId: string;
  listingIds: string[];
  reasons: MatchReason[];
  matchedAt: string;
  need: {
    title: string;
    category: string;
    parkId: string;
    quantity: number;
    unit: string;
    currency: string;
    mode: NeedMode;
    visibility: string;
    closesAt: string;
  };
}

// Questions, bids, deals

export interface Question {
  questionId: string;
  needId: string;
  text: string;
  answer: string | null;
  askedAt: string;
  answeredAt: string | null;
  mine: boolean;
  version: number;
}

export type BidStatus = 'submitted' | 'needs_reconfirmation' | 'withdrawn' | 'awarded';

export interface Bid {
  bidId: string;
  needId: string;
  unitPrice: Money;
  quantity: number;
  leadTimeDays: number;
  validUntil: string;
  notes?: string;
  delivery?: DeliveryTerms;
  paymentTerms?: PaymentTerms;
  attachments?: Attachment[];
  status: BidStatus;
  revision: number;
  pricedAt: string;
  outcome: 'pending' | 'won' | 'lost';
  extendedTo?: string | null;
  version: number;
}

export interface ReputationSummary {
  averageRating: number | null;
  ratingCount: number;
  dealCount: number;
  onTimeRate: number | null;
}

export interface BidComparison {
  bidId: string;
  rank: number;
  supplier: { orgId: string; name: string };
  status: BidStatus;
  unitPrice: Money;
  total: Money;
  quantity: number;
  leadTimeDays: number;
  validUntil: string;
  notes?: string;
  delivery?: DeliveryTerms;
  paymentTerms?: PaymentTerms;
  attachments: Attachment[];
  revision: number;
  pricedAt: string;
  certificates: { kind: string; validUntil: string; issuer: string }[];
  reputation: ReputationSummary;
}

export interface OwnerBids {
  count: number;
  closed: boolean;
  bestUnitPrice?: Money | null;
  items?: BidComparison[];
}

export interface AuctionStanding {
  myRank: number | null;
  bestUnitPrice: Money | null;
  myUnitPrice: Money | null;
  bidders: number;
  priceToLead: Money | null;
  closesAt: string;
  extensionsLeft: number;
  status: string;
}

export type DealStatus = 'awarded' | 'confirmed' | 'delivered' | 'accepted' | 'cancelled';

export interface Rating {
  score: number;
  comment?: string;
  at: string;
}

export interface Deal {
  dealId: string;
  needId: string;
  bidId: string;
  buyerOrgId: string;
  sellerOrgId: string;
  parkId: string;
  title: string;
  category: string;
  quantity: number;
  unit: string;
  unitPrice: Money;
  total: Money;
  leadTimeDays: number;
  status: DealStatus;
  awardedAt: string;
  dueBy: string;
  confirmedAt: string | null;
  deliveredAt: string | null;
  acceptedAt: string | null;
  onTime: boolean | null;
  buyerRating: Rating | null;
  sellerRating: Rating | null;
  otherSideRated: boolean;
  /** Present once either side called the deal off before delivery. */
  cancellation?: { by: 'buyer' | 'seller'; reason: string; at: string };
  delivery?: DeliveryTerms | null;
  paymentTerms?: PaymentTerms | null;
  version: number;
}

export interface DealMessage {
  messageId: string;
  dealId: string;
  fromOrgId: string;
  side: 'buyer' | 'seller';
  text?: string;
  attachments: Attachment[];
  createdAt: string;
}

export interface PurchaseOrderParty {
  orgId: string;
  name: string;
  names?: Partial<Record<string, string>>;
  country: string;
  city?: string;
}

export interface PurchaseOrder {
  number: string;
  issuedAt: string;
  dealId: string;
  needId: string;
  status: DealStatus;
  buyer: PurchaseOrderParty;
  seller: PurchaseOrderParty;
  lines: {
    description: string;
    category: string;
    quantity: number;
    unit: string;
    unitPrice: Money;
    total: Money;
  }[];
  total: Money;
  delivery: DeliveryTerms | null;
  paymentTerms: PaymentTerms | null;
  leadTimeDays: number;
  dueBy: string;
  awardedAt: string;
}

// The park's production-chain map

export type Origin = 'in_park' | 'in_country' | 'imported';
export interface QuantityInUnit {
  unit: string;
  quantity: number;
}
export interface MapNode {
  id: string;
  kind: 'tenant' | 'supplier' | 'source';
  name: string;
  origin: Origin;
}
export interface MapEdge {
  kind: 'declared' | 'awarded';
  from: string;
  to: string;
  category: string;
  origin: Origin;
  quantity: QuantityInUnit[];
  value: Money[];
  deals: number;
}
export interface CurrencyRatio {
  currency: string;
  inPark: Money;
  total: Money;
  ratio: number | null;
  deals: number;
  dealsInPark: number;
}
export interface UnitRatio {
  unit: string;
  inPark: number;
  total: number;
  ratio: number | null;
}
export interface Demand {
  tenants: number;
  openNeeds: number;
  declaredInputs: number;
  declared: QuantityInUnit[];
  openNeedQuantity: QuantityInUnit[];
  awardedFromOutside: Money[];
}
export interface Gap {
  category: string;
  title?: string;
  rank: number;
  demand: Demand;
  tenants: { orgId: string; name: string }[];
  nearestOutsideSuppliers?: {
    orgId: string;
    name: string;
    title: string;
    origin: Origin;
    distanceKm: number | null;
  }[];
}
export interface IdleCapacity {
  listingId: string;
  supplier: { orgId: string; name: string };
  title: string;
  category: string;
  machineClass?: string;
  capacityPerPeriod: number;
  unit: string;
  period: string;
  free: QuantityInUnit;
  availableFrom?: string;
  availableUntil?: string;
  demand: (Demand & { category: string })[];
}
export interface ChainMap {
  parkId: string;
  period: { key: string; kind: 'month' | 'quarter' | 'year'; timeZone: string };
  summary: {
    tenants: number;
    chains: number;
    declaredInputs: number;
    deals: number;
    dealsInPark: number;
    gaps: number;
    idleCapacityListings: number;
  };
  nodes: MapNode[];
  edges: MapEdge[];
  localSourcingRatio: { awarded: CurrencyRatio[]; declared: UnitRatio[]; declaredWithoutAward: UnitRatio[] };
  gaps: Gap[];
  idleCapacity: IdleCapacity[];
  trend: {
    period: { key: string };
    awarded: CurrencyRatio[];
    ratioChange: { currency: string; change: number | null }[];
    deals: number;
  };
}

/** A park as anyone sees it (GET /v1/public/parks): no operator, currency or version. */
export type PublicParkSummary = Omit<Park, 'operatorOrgId' | 'currency' | 'version'>;

export interface PublicSector {
  division: string;
  titles: LocalizedText;
  inParkListings: number;
  declaredInputs: number;
  openNeeds: number;
}

export interface PublicExpo {
  expoId: string;
  name: string;
  names?: LocalizedText;
  startsAt: string;
  endsAt: string;
  venue: string;
  timeZone: string;
}

/** A park's public page (GET /v1/public/parks/{parkId}). */
export interface PublicPark extends PublicParkSummary {
  memberFirms: number;
  chains: number;
  openNeeds: number;
  sectors: PublicSector[];
  openExpos: PublicExpo[];
}

export interface PublicFirm {
  orgId: string;
  name: string;
  names?: LocalizedText;
  country: string;
  city?: string;
  website?: string;
  as: ('tenant' | 'supplier')[];
}

/** A firm of the supplier directory (GET /v1/suppliers). */
export interface Supplier {
  orgId: string;
  name: string;
  names?: LocalizedText;
  country: string;
  city?: string;
  location?: GeoPoint;
  website?: string;
  parkIds: string[];
  categories: string[];
  listingCount: number;
  certificates: { kind: CertificateKind; validUntil: string }[];
  reputation: {
    averageRating: number | null;
    ratingCount: number;
    dealCount: number;
    onTimeRate: number | null;
  };
}

/** Park space offered to investors: a plot, a workshop unit or an idle unit. */
export type OfferingKind = 'plot' | 'workshop' | 'idle_unit';
export const OFFERING_KINDS: OfferingKind[] = ['plot', 'workshop', 'idle_unit'];

export interface Offering {
  offeringId: string;
  parkId: string;
  operatorOrgId: string;
  kind: OfferingKind;
  title: string;
  description: string;
  area: number;
  utilities?: { powerKw?: number; waterM3PerDay?: number; gas?: boolean };
  allowedCategories?: string[];
  terms: 'sale' | 'lease';
  leaseYears?: number;
  reservePrice: Money;
  minIncrement?: Money;
  mode: 'sealed' | 'auction';
  status: 'draft' | 'open' | 'closed' | 'awarded' | 'cancelled';
  closesAt: string;
  awardedBidId: string | null;
  allocationId: string | null;
  version: number;
}

export interface InvestmentPlan {
  category: string;
  investment: Money;
  jobs: number;
  startWithinMonths: number;
}

export interface OfferingBid {
  bidId: string;
  offeringId: string;
  bidderOrgId: string;
  price: Money;
  plan: InvestmentPlan;
  status: 'submitted' | 'withdrawn' | 'awarded';
  outcome?: 'pending' | 'won' | 'lost';
  revision: number;
  version: number;
}

export interface OfferingAuction {
  myRank: number | null;
  bestPrice: Money | null;
  myPrice: Money | null;
  bidders: number;
  priceToLead: Money | null;
  closesAt: string;
  extensionsLeft: number;
  status: string;
}

export interface OfferingBids {
  count: number;
  closed: boolean;
  bestPrice?: Money | null;
  items?: {
    bidId: string;
    rank: number;
    investor: { orgId: string; name: string };
    status: string;
    price: Money;
    plan: InvestmentPlan;
    certificates: { kind: string; validUntil: string; issuer: string }[];
    reputation: { averageRating: number | null; ratingCount: number; dealCount: number };
  }[];
}
