/**
 * Every mutable entity carries a version (the ETag clients send back in If-Match) and the hash
 * of its newest audit record, so the next change can extend the chain in the same transaction.
 */
export interface Versioned {
  version: number;
  auditHash: string;
}

export const etagOf = (v: { version: number }): string => `"v${v.version}"`;

export function versionFromEtag(etag: string | undefined): number | undefined {
  // `*` matches any current representation (RFC 9110): no version to check.
  if (!etag || etag.trim() === '*') return undefined;
  const m = /^(?:W\/)?"v(\d+)"$/.exec(etag.trim());
  return m ? Number(m[1]) : -1;
}

/** An entity as stored: its public shape plus its version and audit head. */
export type Stored<T> = T & Versioned;

/** What clients see: everything but the audit head. */
export function publicView<T extends object>(entity: T): Omit<T, 'auditHash'> {
  const { auditHash: _drop, ...rest } = entity as T & { auditHash?: string };
  return rest;
}
