import { isWrite, type Meter } from '../../../perf/support/metering';
import type { FuzzCase } from './cases';

/** Storage the API writes for a refused creating call on purpose: the Idempotency-Key's record. */
const ALLOWED_ON_REFUSAL = /^IDEMPOTENCY#/;

/** Signs of an internal error reaching the client: stack frames, file paths, runtime error names. */
const LEAKS = [
  /\n\s+at\s+\S/,
  /\bat\s+\S+\s+\((?:file:|\/|node:)/,
  /node_modules/,
  /\.(?:ts|js|mjs):\d+:\d+/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|ValidationException|ResourceNotFoundException|ConditionalCheckFailed|TransactionCanceled)\b/,
  /\/work\/|\/home\/|\/var\/task/,
];

export interface Outcome {
  status: number;
  failures: string[];
}

/**
 * Sends one fuzz case through the app (in process) and says what was wrong with the answer:
 * a 5xx, an error that is not problem+json, a leaked internal detail, a write by a refused
 * request, or a Scan.
 */
export async function checkCase(
  app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
  meter: Meter,
  method: string,
  c: FuzzCase,
): Promise<Outcome> {
  const init: RequestInit = { method, headers: c.headers };
  if (c.body !== undefined && method !== 'GET' && method !== 'HEAD') init.body = c.body;
  const { result: res, calls } = await meter.during(async () => {
    const r = await app.request(c.url, init);
    return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
  });
  const failures: string[] = [];
  if (res.status >= 500) failures.push(`answered ${res.status}`);
  if (c.expect !== undefined && res.status >= 400 && res.status !== c.expect) {
    failures.push(`answered ${res.status}, not ${c.expect}: ${res.text.slice(0, 200)}`);
  }
  for (const leak of LEAKS)
    if (leak.test(res.text)) failures.push(`leaks ${leak}: ${res.text.slice(0, 300)}`);
  if (res.status >= 400) {
    if (!/^application\/problem\+json/.test(res.type)) failures.push(`error as ${res.type || 'no type'}`);
    let body: any;
    try {
      body = JSON.parse(res.text);
    } catch {
      failures.push('error body is not JSON');
    }
    if (
      body &&
      (body.status !== res.status ||
        typeof body.title !== 'string' ||
        typeof body.type !== 'string' ||
        typeof body.detail !== 'string')
    ) {
      failures.push(`not a problem document: ${res.text.slice(0, 200)}`);
    }
    const written = calls
      .filter((call) => isWrite(call) && call.ok)
      .flatMap((call) => call.writtenKeys)
      .filter((pk) => !ALLOWED_ON_REFUSAL.test(pk));
    if (written.length) failures.push(`refused with ${res.status} but wrote ${written.join(', ')}`);
  }
  if (calls.some((call) => call.command === 'Scan')) failures.push('issued a Scan');
  return { status: res.status, failures };
}
