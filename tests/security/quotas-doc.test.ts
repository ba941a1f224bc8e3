import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActionQuota, EDGE_RATE_LIMITS, QUOTA_DEFAULTS, type QuotaLimit } from '@parkbridge/config';
import { describe, expect, it } from 'vitest';

const read = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'docs', name), 'utf8');
const securityDoc = read('security.md');
const apiDoc = read('api.md');
const QUOTAS = Object.entries(QUOTA_DEFAULTS) as [string, ActionQuota][];

const WINDOWS: Record<number, string> = { 3600: 'hour', 86400: 'day' };
const limitText = (action: string, q: QuotaLimit | undefined) => {
  if (!q) return '—';
  const window = WINDOWS[q.windowS];
  if (!window) throw new Error(`Name the window of ${q.windowS} s in this test and the docs.`);
  return action.endsWith('.bytes') ? `${q.limit / 1024 ** 3} GiB / ${window}` : `${q.limit} / ${window}`;
};

describe('docs/api.md', () => {
  it('gives every quota, per person and per organisation, as packages/config/src/quotas.ts enforces it', () => {
    const section = apiDoc.slice(apiDoc.indexOf('\n## Quotas\n'));
    for (const [action, q] of QUOTAS) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${action}\` |`));
      expect(row, action).toBeDefined();
      expect(row, action).toMatch(
        new RegExp(`\\| ${limitText(action, q.user)} \\| ${limitText(action, q.org)} \\|$`),
      );
    }
  });
});

describe('docs/security.md', () => {
  it('lists every quota with the numbers packages/config/src/quotas.ts enforces', () => {
    const table = /<!-- quotas:start[^>]*-->\n([\s\S]*?)<!-- quotas:end -->/.exec(securityDoc)?.[1];
    expect(table, 'the quotas table and its markers').toBeDefined();
    const rows = QUOTAS.map(
      ([action, q]) =>
        `| \`${action}\` | ${limitText(action, q.user)} | ${limitText(action, q.org)} | ${q.why} |`,
    );
    expect(table!.trim().split('\n').slice(2)).toEqual(rows);
  });

  it('states the edge’s rate limits as the web ACL sets them', () => {
    for (const [rule, limit] of [
      ['RateLimitPerCaller', EDGE_RATE_LIMITS.perCaller],
      ['RateLimitPerIpWithoutToken', EDGE_RATE_LIMITS.perIpWithoutToken],
      ['RateLimitPerIp', EDGE_RATE_LIMITS.perIp],
    ] as const) {
      const row = securityDoc.split('\n').find((line) => line.startsWith(`| \`${rule}\``));
      expect(row, rule).toContain(`| ${limit.toLocaleString('en')}`);
    }
  });
});
