import { postFile, sha256 } from '../../support/files';
import type { TestRuntime } from '../../support/test-runtime';

export interface FileSpec {
  purpose: 'need' | 'bid' | 'certificate' | 'deal' | 'message';
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  /** Declare this size instead of the real one. */
  size?: number;
}

/** POST /v1/uploads for the file, as the web app does (with its SHA-256). */
export async function startUpload(rt: TestRuntime, token: string, f: FileSpec) {
  return rt.call('POST', '/v1/uploads', {
    token,
    body: {
      purpose: f.purpose,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size ?? f.bytes.length,
      sha256: sha256(f.bytes),
    },
  });
}

/** Start, send straight to the local S3-compatible server, complete: the upload's id, ready to attach. */
export async function uploaded(rt: TestRuntime, token: string, f: FileSpec): Promise<string> {
  const started = await startUpload(rt, token, f);
  if (started.status !== 201)
    throw new Error(`upload failed: ${started.status} ${JSON.stringify(started.body)}`);
  const sent = await postFile(started.body, f.bytes);
  if (sent >= 300) throw new Error(`the object store refused the file: ${sent}`);
  const done = await rt.call('POST', `/v1/uploads/${started.body.uploadId}/complete`, { token });
  if (done.status !== 200) throw new Error(`complete failed: ${done.status} ${JSON.stringify(done.body)}`);
  return started.body.uploadId;
}

/** GET /v1/attachments/{id}, following the redirect to the object store: the status and the bytes. */
export async function download(rt: TestRuntime, token: string, attachmentId: string) {
  const res = await rt.call('GET', `/v1/attachments/${attachmentId}`, { token });
  if (res.status !== 302) return { status: res.status, body: res.body, headers: res.headers };
  const location = res.headers.get('location') as string;
  const file = await fetch(location);
  return {
    status: res.status,
    headers: res.headers,
    location,
    file: { status: file.status, headers: file.headers, bytes: Buffer.from(await file.arrayBuffer()) },
  };
}
