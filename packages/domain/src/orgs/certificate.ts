import { z } from 'zod';
import { Attachment, AttachmentIds } from '../documents/upload';
import { IsoDate, Text } from '../shared/locale';

/**
 * Certificate kinds that parks ask for. `srdi_sme` is China's "specialised, refined, distinctive
 * and novel" SME label; `knowledge_based` is Iran's knowledge-based company certificate.
 */
export const CertificateKind = z.enum([
  'iso_9001',
  'iso_14001',
  'iso_45001',
  'iso_22000',
  'srdi_sme',
  'knowledge_based',
  'national_standard',
  'halal',
  'other',
]);
export type CertificateKind = z.infer<typeof CertificateKind>;

export const CertificateInput = z
  .strictObject({
    kind: CertificateKind,
    number: Text(100),
    issuer: Text(200),
    validFrom: IsoDate.optional(),
    validUntil: IsoDate,
    /** Completed uploads (purpose `certificate`): the scan the operator checks it against. */
    attachments: AttachmentIds.optional(),
  })
  .refine((c) => !c.validFrom || c.validFrom <= c.validUntil, {
    path: ['validUntil'],
    message: 'validUntil must not be before validFrom.',
  });
export type CertificateInput = z.infer<typeof CertificateInput>;

export const CertificateStatus = z.enum(['claimed', 'verified', 'rejected']);

export const Certificate = z.object({
  certId: z.string(),
  orgId: z.string(),
  kind: CertificateKind,
  number: z.string(),
  issuer: z.string(),
  validFrom: z.string().optional(),
  validUntil: z.string(),
  status: CertificateStatus,
  verifiedAt: z.string().nullable(),
  verifiedByOrgId: z.string().nullable(),
  createdAt: z.string(),
  /** Absent on certificates claimed before files existed: none. */
  attachments: z.array(Attachment).optional(),
  version: z.number().int(),
});
export type Certificate = z.infer<typeof Certificate>;

/** A certificate counts as held only when an operator verified it and it has not expired. */
export const isHeld = (c: Certificate, now: Date): boolean =>
  c.status === 'verified' && now.getTime() <= endOfDayUtc(c.validUntil);

/** A certificate is valid through the whole of its last day: this is that day's last millisecond, inclusive. */
export const endOfDayUtc = (date: string): number => new Date(`${date}T23:59:59.999Z`).getTime();

/** The verified, valid certificates of an organisation, as a bid comparison shows them. */
export async function heldCertificates(
  certificates: { listByOrg(orgId: string, page: { limit: number }): Promise<{ items: Certificate[] }> },
  orgId: string,
  now: Date,
) {
  const page = await certificates.listByOrg(orgId, { limit: 100 });
  return page.items
    .filter((c) => isHeld(c, now))
    .map((c) => ({ kind: c.kind, validUntil: c.validUntil, issuer: c.issuer }));
}
