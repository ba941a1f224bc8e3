import { z } from 'zod';
import { Money } from '../core/money';
import { Attachment, AttachmentIds } from '../documents/upload';
import { LocalizedText, Text } from '../shared/locale';
import { DeliveryTerms, PaymentTerms } from '../shared/terms';

/** A message in a deal's own thread: words, files (delivery notes, invoices), or both. */
export const DealMessageInput = z
  .strictObject({
    text: Text(4000).optional(),
    /** Completed uploads (purpose `deal` or `message`). */
    attachments: AttachmentIds.optional(),
  })
  .refine((m) => !!m.text || !!m.attachments?.length, {
    path: ['text'],
    message: 'Write something or attach a file.',
  });
export type DealMessageInput = z.infer<typeof DealMessageInput>;

export const DealMessage = z
  .object({
    messageId: z.string(),
    dealId: z.string(),
    fromOrgId: z.string(),
    fromUserId: z.string(),
    /** Which party wrote it. */
    side: z.enum(['buyer', 'seller']),
    text: z.string().optional(),
    attachments: z.array(Attachment),
    createdAt: z.string(),
  })
  .meta({ id: 'DealMessage' });
export type DealMessage = z.infer<typeof DealMessage>;

const Party = z.object({
  orgId: z.string(),
  name: z.string(),
  names: LocalizedText.optional(),
  country: z.string(),
  city: z.string().optional(),
});

/** The buyer's purchase order for a deal: what was agreed, printable. */
export const PurchaseOrder = z
  .object({
    number: z.string(),
    issuedAt: z.string(),
    dealId: z.string(),
    needId: z.string(),
    status: z.string(),
    buyer: Party,
    seller: Party,
    lines: z.array(
      z.object({
        description: z.string(),
        category: z.string(),
        quantity: z.number(),
        unit: z.string(),
        unitPrice: Money,
        total: Money,
      }),
    ),
    total: Money,
    delivery: DeliveryTerms.nullable(),
    paymentTerms: PaymentTerms.nullable(),
    leadTimeDays: z.int(),
    dueBy: z.string(),
    awardedAt: z.string(),
  })
  .meta({ id: 'PurchaseOrder' });
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

/** Purchase order numbers: the buyer's own sequence, so each buyer's run of numbers has no gaps. */
export const purchaseOrderNumber = (seq: number) => `PO-${String(seq).padStart(6, '0')}`;
