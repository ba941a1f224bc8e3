import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActionQuota, EDGE_RATE_LIMITS, QUOTA_DEFAULTS, type QuotaLimit } from '@parkbridge/config';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'security.md'), 'utf8');

const WINDOWS: Record<number, string> = { 3600: 'hour', 86400: 'day' };
const limitText = (q: QuotaLimit | undefined) => {
  if (!q) return '—';
  const window = WINDOWS[q.windowS];
  if (!window) throw new Error(`Name the window of ${q.windowS} s in this test and the docs.`);
  return `${q.limit} / ${window}`;
};

describe('docs/security.md', () => {
  it('lists every quota with the numbers packages/config/src/quotas.ts enforces', () => {
    const table = /<!-- quotas:start[^>]*-->\n([\s\S]*?)<!-- quotas:end -->/.exec(doc)?.[1];
    expect(table, 'the quotas table and its markers').toBeDefined();
    const rows = (Object.entries(QUOTA_DEFAULTS) as [string, ActionQuota][]).map(
      ([action, q]) => `| \`${action}\` | ${limitText(q.user)} | ${limitText(q.org)} | ${q.why} |`,
    );
    expect(table!.trim().split('\n').slice(2)).toEqual(rows);
  });

  it('states the edge’s rate limits as the web ACL sets them', () => {
    for (const [rule, limit] of [
      ['RateLimitPerCaller', EDGE_RATE_LIMITS.perCaller],
      ['RateLimitPerIpWithoutToken', EDGE_RATE_LIMITS.perIpWithoutToken],
      ['RateLimitPerIp', EDGE_RATE_LIMITS.perIp],
    ] as const) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${rule}\``));
      expect(row, rule).toContain(`| ${limit.toLocaleString('en')}`);
    }
  });
});
