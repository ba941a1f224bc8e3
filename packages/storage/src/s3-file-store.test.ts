import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3FileStore } from './s3-file-store';

/**
 * The local S3 stand-in ignores POST policies, so what S3 enforces before a byte is stored is
 * proven here, on the signed policy document itself: one key, one exact size, one content type.
 */
describe('the presigned upload policy', () => {
  const s3 = new S3Client({
    region: 'eu-central-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  const store = new S3FileStore(s3, 'parkbridge-files');

  async function policyOf(o: { key: string; contentType: string; size: number; expiresInS: number }) {
    const { url, fields } = await store.presignUpload(o);
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8'));
    return { url, fields, policy };
  }

  it('admits exactly the declared size, content type and key, for the stated time', async () => {
    const before = Date.now();
    const { url, fields, policy } = await policyOf({
      key: 'files/org_1/file_1',
      contentType: 'application/pdf',
      size: 12_345,
      expiresInS: 600,
    });
    expect(url).toContain('parkbridge-files');
    expect(fields.key).toBe('files/org_1/file_1');
    expect(fields['Content-Type']).toBe('application/pdf');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 12_345, 12_345],
        ['eq', '$Content-Type', 'application/pdf'],
        { bucket: 'parkbridge-files' },
        { key: 'files/org_1/file_1' },
      ]),
    );
    const expires = Date.parse(policy.expiration);
    expect(expires - before).toBeGreaterThan(590_000);
    expect(expires - before).toBeLessThanOrEqual(601_000);
  });

  it('has no condition that would let a different key or a starts-with range through', async () => {
    const { policy } = await policyOf({
      key: 'files/org_2/file_9',
      contentType: 'image/png',
      size: 1,
      expiresInS: 60,
    });
    const loose = policy.conditions.filter((c: unknown) => Array.isArray(c) && c[0] === 'starts-with');
    expect(loose).toEqual([]);
  });
});
