import type { AuditEntry, PageRequest, Stored } from '@parkbridge/domain/core';
import type { AttachmentChange } from '@parkbridge/domain/documents';
import { type Certificate, type CertificateRepository, endOfDayUtc } from '@parkbridge/domain/orgs';
import type { QuotaCharge } from '@parkbridge/domain/quotas';
import { type Db, getItem, queryPage, stripKeys, type TxItem, writeVersioned } from '../core';
import { attachmentWrites } from '../documents/upload.repository';
import { quotaWrites } from '../quotas/quota.repository';

export const certificateKey = (orgId: string, certId: string) => ({
  pk: `ORG#${orgId}`,
  sk: `CERT#${certId}`,
});

/**
 * The held-kind marker: per org and certificate kind, the last moment (epoch ms, inclusive) at which a
 * verified certificate of that kind is valid. A bid's transaction checks `heldUntil >= now` on it,
 * so "holds the required certificate" is a condition of the write, not a read before it.
 */
export const heldCertificateKey = (orgId: string, kind: string) => ({
  pk: `ORG#${orgId}`,
  sk: `CERTKIND#${kind}`,
});

export class DynamoCertificateRepository implements CertificateRepository {
  constructor(private readonly db: Db) {}

  async get(orgId: string, certId: string) {
    const item = await getItem(this.db, `ORG#${orgId}`, `CERT#${certId}`);
    return item ? toCertificate(item) : null;
  }

  async listByOrg(orgId: string, page: PageRequest) {
    const res = await queryPage(this.db, { pk: `ORG#${orgId}`, skPrefix: 'CERT#' }, page);
    return { items: res.items.map(toCertificate), nextCursor: res.nextCursor };
  }

  async save(
    next: Certificate,
    prev: Stored<Certificate> | null,
    audit: Omit<AuditEntry, 'entityId'>,
    files?: AttachmentChange | null,
    charges?: readonly QuotaCharge[],
  ) {
    const extra: TxItem[] = next.status === 'verified' ? [await this.heldMarker(next)] : [];
    extra.push(...attachmentWrites(this.db, files, this.db.clock.now()), ...quotaWrites(this.db, charges));
    return writeVersioned(this.db, {
      keys: certificateKey(next.orgId, next.certId),
      entityId: next.certId,
      next: next as Stored<Certificate>,
      prev,
      audit,
      extra: { type: 'certificate' },
      with: extra,
    });
  }

  private async heldMarker(cert: Certificate): Promise<TxItem> {
    const key = heldCertificateKey(cert.orgId, cert.kind);
    const current = await getItem(this.db, key.pk, key.sk, true);
    const until = Math.max(endOfDayUtc(cert.validUntil), Number(current?.heldUntil ?? 0));
    return {
      item: {
        Put: {
          TableName: this.db.tableName,
          Item: { ...key, type: 'certificate-kind', orgId: cert.orgId, kind: cert.kind, heldUntil: until },
          // Guards the read above: a concurrent verification of the same kind makes this one retry.
          ConditionExpression: current ? 'heldUntil = :seen' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: current ? { ':seen': current.heldUntil } : undefined,
        },
      },
    };
  }
}

function toCertificate(item: Record<string, unknown>): Stored<Certificate> {
  const cert = stripKeys<Stored<Certificate>>(item);
  return { ...cert, attachments: cert.attachments ?? [] };
}
