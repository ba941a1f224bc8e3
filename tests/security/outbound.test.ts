import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// OWASP API7 (server-side request forgery): no code that serves requests or runs jobs opens a
// connection of its own. The only outbound traffic is the AWS SDK's, to fixed AWS endpoints; a
// URL a client sends (an organisation's website) is stored and shown, never fetched.
const ROOT = join(import.meta.dirname, '..', '..');
const SERVING = [
  'packages/api/src',
  'packages/domain/src',
  'packages/db/src',
  'packages/runtime/src',
  'packages/jobs/src',
  'packages/config/src',
  'functions',
];
// The local server only (never deployed): DynamoDB Local's launcher and the static web files.
const LOCAL_ONLY = /^(?:functions\/local|packages\/db\/src\/local)\//;
const OUTBOUND = [
  /\bfetch\s*\(/,
  /from\s+'node:(?:http|https|net|tls|dgram|http2)'/,
  /from\s+'(?:http|https|net|tls|undici|axios|got|node-fetch)'/,
  /\bXMLHttpRequest\b/,
  /\bnew\s+WebSocket\b/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mjs|js)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('no server-side request can be forged', () => {
  it('opens no connection from serving code but through the AWS SDK', () => {
    const offenders = SERVING.flatMap((dir) => sources(join(ROOT, dir)))
      .map((file) => relative(ROOT, file))
      .filter((file) => !LOCAL_ONLY.test(file))
      .flatMap((file) => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        return OUTBOUND.filter((re) => re.test(text)).map((re) => `${file}: ${re}`);
      });
    expect(offenders).toEqual([]);
  });
});
