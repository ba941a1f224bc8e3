/** An upload (and, once attached, the attachment: one id) under its own id; read by key only. */
export const uploadKey = (uploadId: string) => ({ pk: `FILE#${uploadId}`, sk: 'FILE' });

/**
 * An upload that is never attached is abandoned: its item expires (TTL) this long after it was
 * made, and the stream consumer `files.abandoned` deletes its bytes when DynamoDB removes it.
 */
export const ABANDONED_AFTER_S = 2 * 86_400;
