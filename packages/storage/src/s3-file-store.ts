import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileStore, StoredObject } from '@parkbridge/domain/documents';

/**
 * Files in one private bucket. Clients send bytes straight to it with a presigned POST whose policy
 * admits exactly one key, one size and one content type, and fetch them with presigned GETs; the API
 * reads an object only to check it once, at completion.
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async presignUpload(o: { key: string; contentType: string; size: number; expiresInS: number }) {
    const post = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: o.key,
      Conditions: [
        ['content-length-range', o.size, o.size],
        ['eq', '$Content-Type', o.contentType],
      ],
      Fields: { 'Content-Type': o.contentType },
      Expires: o.expiresInS,
    });
    return { url: post.url, fields: post.fields };
  }

  async read(key: string, maxBytes: number): Promise<StoredObject | null> {
    const head = await this.s3
      .send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      .catch((err) => (isMissing(err) ? null : Promise.reject(err)));
    if (!head) return null;
    const size = head.ContentLength ?? 0;
    if (size > maxBytes) return { size, bytes: null, sha256: null };
    const got = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const bytes = await got.Body?.transformToByteArray();
    if (!bytes) return null;
    return { size: bytes.length, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async delete(key: string) {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  downloadUrl(o: { key: string; contentType: string; contentDisposition: string; expiresInS: number }) {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: o.key,
        ResponseContentType: o.contentType,
        ResponseContentDisposition: o.contentDisposition,
        ResponseCacheControl: 'private, no-store',
      }),
      { expiresIn: o.expiresInS },
    );
  }
}

const isMissing = (err: unknown) =>
  err instanceof Error && (err.name === 'NotFound' || err.name === 'NoSuchKey');
