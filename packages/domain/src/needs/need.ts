import { z } from 'zod';
import { CurrencyCode } from '../core/money';
import { Attachment, AttachmentIds } from '../documents/upload';
import { CertificateKind } from '../orgs/certificate';
import { IsoDateTime, Text } from '../shared/locale';
import { DeliveryTerms, PaymentTerms } from '../shared/terms';
import { Quantity, Unit } from '../shared/units';

/**
 * A need (request for quotation). This file is the contract between the market context (which
 * owns needs: draft, publish, amend, cancel, search, matching) and the bidding context (which
 * checks a need's state inside its own transactions and closes and awards it).
 */
export const NeedStatus = z.enum(['draft', 'open', 'closed', 'awarded', 'cancelled']);
export type NeedStatus = z.infer<typeof NeedStatus>;

export const NeedMode = z.enum(['sealed', 'auction']);
export type NeedMode = z.infer<typeof NeedMode>;

/** Who may see and bid: approved suppliers of the delivery park only, or every approved supplier. */
export const NeedVisibility = z.enum(['park', 'public']);

export const Recurrence = z.strictObject({
  every: z.enum(['week', 'month', 'quarter', 'year']),
  occurrences: z.int().min(2).max(520).optional(),
});

export const AuctionRules = z.strictObject({
  /** To take the lead a bid must beat the best unit price by at least this, in basis points. */
  minDecrementBps: z.int().min(1).max(5000).default(50),
  /** Anti-sniping extensions allowed in all. */
  maxExtensions: z.int().min(0).max(100).default(10),
});

export const ChainInputRef = z.strictObject({
  chainId: z.string().min(1).max(64),
  inputId: z.string().min(1).max(64),
});

export const NeedInput = z.strictObject({
  title: Text(200),
  description: Text(8000),
  category: z.string().regex(/^\d{2,4}$/, 'An ISIC division, group or class code, e.g. 2420.'),
  quantity: Quantity,
  unit: Unit,
  recurrence: Recurrence.optional(),
  parkId: z.string().min(1).max(64),
  currency: CurrencyCode,
  closesAt: IsoDateTime,
  mode: NeedMode,
  auction: AuctionRules.optional(),
  requiredCertificates: z.array(CertificateKind).max(10).default([]),
  /** For the first H hours after publishing only approved members of the delivery park may bid. */
  parkFirstHours: z.int().min(0).max(720).default(0),
  visibility: NeedVisibility.default('public'),
  chainInputRef: ChainInputRef.optional(),
  delivery: DeliveryTerms.optional(),
  paymentTerms: PaymentTerms.optional(),
  /** Completed uploads (purpose `need`): drawings, specifications. */
  attachments: AttachmentIds.optional(),
});
export type NeedInput = z.infer<typeof NeedInput>;

export const Need = NeedInput.extend({
  /** Absent on needs stored before files existed: read as none. */
  attachments: z.array(Attachment).optional(),
  needId: z.string(),
  ownerOrgId: z.string(),
  status: NeedStatus,
  /** The effective close: moved by extensions, anti-sniping and amendments. ISO and epoch ms. */
  closesAt: z.string(),
  closesAtMs: z.number().int(),
  originalClosesAt: z.string(),
  extensionCount: z.int(),
  /** An unanswered question has moved the close (it does so once per need). Absent on older needs: false. */
  questionExtended: z.boolean().optional(),
  publishedAt: z.string().nullable(),
  parkFirstUntil: z.string().nullable(),
  parkFirstUntilMs: z.number().int(),
  amendmentCount: z.int(),
  /** When the last amendment was made; bids placed before it need reconfirmation (bidding). */
  amendedAt: z.string().nullable().optional(),
  amendedAtMs: z.number().int().optional(),
  cancelReason: z.string().nullable(),
  awardedBidId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Need = z.infer<typeof Need>;

/** The server's clock decides; a need is biddable only while open and strictly before its effective close. */
export const isBiddable = (need: Pick<Need, 'status' | 'closesAtMs'>, now: Date): boolean =>
  need.status === 'open' && now.getTime() < need.closesAtMs;
