import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface S3Local {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

export interface S3LocalOptions {
  /** Keep the files in this folder between runs; unset: a temporary folder removed on stop. */
  dataDir?: string | undefined;
  bucket?: string | undefined;
}

/** The browser posts files straight to the bucket from the web app's origin, and fetches them. */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * An S3-compatible server in this process (s3rver), on a free port, with the files bucket made and
 * open to the web app's cross-origin POSTs. The same S3 client code as in AWS talks to it.
 */
export async function startS3Local(options: S3LocalOptions = {}): Promise<S3Local> {
  const bucket = options.bucket ?? 'parkbridge-files';
  const directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parkbridge-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [CORS] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
