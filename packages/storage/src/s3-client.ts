import { S3Client } from '@aws-sdk/client-s3';

export interface S3Options {
  /** An S3-compatible server's URL (locally); unset in AWS. */
  endpoint?: string | undefined;
  region?: string | undefined;
}

/**
 * The one S3 client. Checksums only where S3 requires them: the SDK's default CRC32 on every
 * request and response adds nothing to files whose SHA-256 the API computes itself, and
 * S3-compatible servers answer without them.
 */
export function createS3Client(options: S3Options = {}): S3Client {
  return new S3Client({
    region: options.region ?? process.env.AWS_REGION ?? 'eu-central-1',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          forcePathStyle: true,
          // The local server accepts these; they keep the SDK from looking for real credentials.
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {}),
  });
}
