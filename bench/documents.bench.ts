// Documents: the round trips of one file, up and down, through the real local stack (the API on a
// real port, s3rver as object storage, DynamoDB Local), by file size; and what files cost a park a
// month in AWS (S3, GuardDuty Malware Protection, data out), from the usage assumptions below.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { startLocalRuntime } from '../functions/local/local-runtime';
import { harnessFor } from '../tests/security/support/harness';
import type { Bench, BenchTable } from './run';

const SIZES = [
  { label: '10 KB', bytes: 10 * 1024, runs: 10 },
  { label: '1 MB', bytes: 1024 * 1024, runs: 10 },
  { label: '10 MB', bytes: 10 * 1024 * 1024, runs: 5 },
  { label: '25 MB', bytes: 25 * 1024 * 1024, runs: 3 },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** A PDF by its first bytes (the type check reads those), padded to the size with noise. */
const pdfOf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes - 9)]);

async function roundTrips(): Promise<BenchTable> {
  const rt = await startLocalRuntime({ onError: (e) => console.error(e) });
  const h = harnessFor(rt);
  try {
    const { parkId, operator } = await h.park();
    const tenant = await h.firm({ kinds: ['tenant'], approvedIn: { parkId, operatorToken: operator.token } });
    const rows: (string | number)[][] = [];
    for (const size of SIZES) {
      const t = {
        create: [] as number[],
        send: [] as number[],
        complete: [] as number[],
        url: [] as number[],
        fetch: [] as number[],
      };
      for (let i = 0; i < size.runs; i++) {
        const bytes = pdfOf(size.bytes);
        let at = performance.now();
        const started = await h.must(201, 'POST', '/v1/uploads', {
          token: tenant.token,
          body: {
            purpose: 'need',
            fileName: 'drawing.pdf',
            contentType: 'application/pdf',
            size: bytes.length,
          },
        });
        t.create.push(performance.now() - at);
        const form = new FormData();
        for (const [k, v] of Object.entries(started.body.fields as Record<string, string>)) form.append(k, v);
        form.append('file', new Blob([bytes]), 'drawing.pdf');
        at = performance.now();
        const sent = await fetch(started.body.url as string, { method: 'POST', body: form });
        await sent.arrayBuffer();
        t.send.push(performance.now() - at);
        at = performance.now();
        await h.must(200, 'POST', `/v1/uploads/${started.body.uploadId}/complete`, { token: tenant.token });
        t.complete.push(performance.now() - at);
        const need = await h.must(201, 'POST', '/v1/needs', {
          token: tenant.token,
          body: {
            title: 'Flanges',
            description: 'Per the drawing.',
            category: '2599',
            quantity: 10,
            unit: 'pcs',
            parkId,
            currency: 'IRR',
            closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
            mode: 'sealed',
            attachments: [started.body.uploadId],
          },
        });
        at = performance.now();
        const link = await h.call('GET', `/v1/attachments/${need.body.attachments[0].attachmentId}`, {
          token: tenant.token,
        });
        t.url.push(performance.now() - at);
        at = performance.now();
        const file = await fetch(link.headers.get('location') as string);
        const got = Buffer.from(await file.arrayBuffer());
        t.fetch.push(performance.now() - at);
        if (!got.equals(bytes)) throw new Error('the downloaded bytes differ from the uploaded ones');
      }
      const up = median(t.create) + median(t.send) + median(t.complete);
      const down = median(t.url) + median(t.fetch);
      rows.push([
        size.label,
        size.runs,
        ms(median(t.create)),
        ms(median(t.send)),
        ms(median(t.complete)),
        ms(up),
        ms(median(t.url)),
        ms(median(t.fetch)),
        ms(down),
      ]);
    }
    return {
      title: 'One file up and down (medians; API in process, s3rver and DynamoDB Local on loopback)',
      columns: [
        'size',
        'runs',
        'POST /v1/uploads',
        'POST to storage',
        'complete',
        'upload total',
        'GET /v1/attachments',
        'GET from storage',
        'download total',
      ],
      rows,
      notes: [
        'HTTP round trips per file: upload 3 (start, the form POST to storage, complete; attaching rides on the thing’s own write), download 2 (the API’s redirect, the storage GET).',
        '`complete` reads the whole object once (size, SHA-256, type by its bytes) and asks the scanner: its time grows with the size; the API never carries the bytes to or from the client.',
        `Load average while measuring: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} (a shared 2-core machine).`,
      ],
    };
  } finally {
    await rt.stop();
  }
}

// What files cost a park of 500 firms a month (the usage model of docs/operations.md's cost model).
const USAGE = {
  needFiles: { count: 1_000 * 2, mb: 2.0, downloads: 10 }, // 1,000 needs × 2 drawings; ~10 bidders look
  bidFiles: { count: 8_000 * 1, mb: 0.3, downloads: 1 }, // 8 bids a need, one sheet each; the owner opens it
  certificateFiles: { count: 25, mb: 1.0, downloads: 2 }, // claims a month; firm and operator
  dealFiles: { count: 700 * 4, mb: 0.5, downloads: 1 }, // 70 % of needs become deals; 4 files each
};
const PRICES = {
  s3GbMonth: 0.023, // S3 Standard, us-east-1
  putPer1000: 0.005, // PUT/POST/COPY/LIST
  getPer1000: 0.0004, // GET/HEAD and GetObjectTagging
  guardDutyPerGb: 0.09, // Malware Protection for S3, per GB scanned (to check)
  guardDutyPer1000Objects: 0.215, // per 1,000 objects evaluated (to check)
  dataOutPerGb: 0.09, // S3 to the internet; 100 GB a month always free, account-wide
  lambdaGbSecond: 0.0000133334, // arm64
};
const MONTHS = 12;

function filesCost(): BenchTable {
  const kinds = Object.values(USAGE);
  const files = kinds.reduce((n, k) => n + k.count, 0);
  const gbMonth = kinds.reduce((n, k) => n + (k.count * k.mb) / 1024, 0);
  const downloads = kinds.reduce((n, k) => n + k.count * k.downloads, 0);
  const gbOut = kinds.reduce((n, k) => n + (k.count * k.mb * k.downloads) / 1024, 0);
  // After a year, nothing deleted: the bucket holds twelve months of files.
  const stored = gbMonth * MONTHS;
  // Per upload: the POST; complete's HEAD + GET + GetObjectTagging. Per download: one GET.
  const puts = files;
  const gets = files * 3 + downloads;
  // complete reads the object and hashes it: ~60 ms per MB at 1 GB (measured above, rounded up).
  const completeGbS = kinds.reduce((n, k) => n + k.count * (0.05 + 0.06 * k.mb), 0);
  const lines: [string, number, string][] = [
    [
      'S3 storage after 12 months',
      stored * PRICES.s3GbMonth,
      `${stored.toFixed(0)} GB (${gbMonth.toFixed(1)} GB a month added)`,
    ],
    [
      'S3 requests',
      (puts / 1000) * PRICES.putPer1000 + (gets / 1000) * PRICES.getPer1000,
      `${puts.toLocaleString('en')} POSTs, ${gets.toLocaleString('en')} GET/HEAD/tagging`,
    ],
    [
      'GuardDuty Malware Protection',
      gbMonth * PRICES.guardDutyPerGb + (files / 1000) * PRICES.guardDutyPer1000Objects,
      `${files.toLocaleString('en')} objects, ${gbMonth.toFixed(1)} GB scanned`,
    ],
    [
      'Data out (downloads)',
      gbOut * PRICES.dataOutPerGb,
      `${downloads.toLocaleString('en')} downloads, ${gbOut.toFixed(0)} GB (within the 100 GB always free for one park)`,
    ],
    ['Lambda (complete)', completeGbS * PRICES.lambdaGbSecond, `${completeGbS.toFixed(0)} GB-s`],
  ];
  const total = lines.reduce((n, l) => n + l[1], 0);
  return {
    title: 'Files: USD per park of 500 firms per month (list price)',
    columns: ['line', 'USD', 'what'],
    rows: [
      ...lines.map(([l, usd, what]) => [l, usd.toFixed(2), what]),
      ['**total**', total.toFixed(2), ''],
      ['total after the 100 GB free data out', (total - gbOut * PRICES.dataOutPerGb).toFixed(2), ''],
    ],
    notes: [
      'Usage: 2 drawings of 2 MB per need (1,000 needs), a 0.3 MB sheet per bid (8,000), 25 certificate scans of 1 MB, 4 deal-room files of 0.5 MB per deal (700); a need’s files opened by ~10 suppliers. A province of 20 parks: twenty times the per-use lines.',
    ],
  };
}

export default {
  name: 'documents',
  async run() {
    return [await roundTrips(), filesCost()];
  },
} satisfies Bench;
