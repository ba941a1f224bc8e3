import { describe, expect, it } from 'vitest';
import { type Certificate, CertificateInput, endOfDayUtc, isHeld } from './certificate';

const cert = (over: Partial<Certificate> = {}): Certificate => ({
  certId: 'cert_1',
  orgId: 'org_1',
  kind: 'iso_9001',
  number: 'QMS-1',
  issuer: 'TÜV',
  validUntil: '2026-06-30',
  status: 'verified',
  verifiedAt: '2026-01-01T00:00:00.000Z',
  verifiedByOrgId: 'org_op',
  createdAt: '2026-01-01T00:00:00.000Z',
  version: 2,
  ...over,
});

describe('isHeld', () => {
  it('holds a verified certificate through the last millisecond of its last day', () => {
    expect(isHeld(cert(), new Date('2026-06-30T00:00:00.000Z'))).toBe(true);
    expect(isHeld(cert(), new Date('2026-06-30T23:59:59.998Z'))).toBe(true);
    expect(isHeld(cert(), new Date('2026-06-30T23:59:59.999Z'))).toBe(true);
  });

  it('no longer holds it from the first millisecond of the next day', () => {
    expect(isHeld(cert(), new Date('2026-07-01T00:00:00.000Z'))).toBe(false);
    expect(isHeld(cert(), new Date('2027-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('never holds a claimed or rejected certificate, even while it is within its dates', () => {
    const now = new Date('2026-01-02T00:00:00.000Z');
    expect(isHeld(cert({ status: 'claimed', verifiedAt: null, verifiedByOrgId: null }), now)).toBe(false);
    expect(isHeld(cert({ status: 'rejected' }), now)).toBe(false);
  });
});

describe('endOfDayUtc', () => {
  it('is the last millisecond of the date in UTC', () => {
    expect(new Date(endOfDayUtc('2026-06-30')).toISOString()).toBe('2026-06-30T23:59:59.999Z');
    expect(endOfDayUtc('2026-06-30') + 1).toBe(Date.parse('2026-07-01T00:00:00.000Z'));
  });

  it('handles a leap day', () => {
    expect(new Date(endOfDayUtc('2028-02-29')).toISOString()).toBe('2028-02-29T23:59:59.999Z');
  });
});

describe('CertificateInput', () => {
  const valid = {
    kind: 'knowledge_based',
    number: 'KB-1402-77',
    issuer: 'Vice-Presidency for Science',
    validUntil: '2027-03-20',
  };

  it('accepts a claim with kind, number, issuer and validity', () => {
    expect(CertificateInput.parse({ ...valid, validFrom: '2025-03-21' })).toMatchObject(valid);
  });

  it('refuses validUntil before validFrom, naming validUntil', () => {
    const result = CertificateInput.safeParse({ ...valid, validFrom: '2027-03-21' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['validUntil']);
  });

  it('refuses an unknown kind, a non-ISO date and a client-set status', () => {
    expect(CertificateInput.safeParse({ ...valid, kind: 'iso_27001' }).success).toBe(false);
    expect(CertificateInput.safeParse({ ...valid, validUntil: '20/03/2027' }).success).toBe(false);
    expect(CertificateInput.safeParse({ ...valid, status: 'verified' }).success).toBe(false);
  });
});
