/** Keys shared by every context. Each context keeps its own keys beside its repository. */
export const pad = (n: number, width = 10): string => String(n).padStart(width, '0');

export const auditKey = (entityId: string, seq: number) => ({
  pk: `AUDIT#${entityId}`,
  sk: `SEQ#${pad(seq)}`,
});

/** DynamoDB TTL wants epoch seconds. */
export const ttlFrom = (at: Date, seconds: number): number => Math.floor(at.getTime() / 1000) + seconds;
