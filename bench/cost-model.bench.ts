// `npm run bench -- cost-model`: the monthly AWS cost of Parkbridge for a park of 500 firms and for a
// province of 20 parks (one stack), prod and dev, from measured per-call figures, a usage model and
// list prices. Pure arithmetic: every input is a constant below, with where it comes from. The
// per-call figures are pasted from `npm run bench -- unit-costs` (and the benches named beside
// them); re-run that bench and update MEASURED when the code changes, and update FUNCTION_MEMORY_MB
// when infra/ changes memory sizes. docs/operations.md ("Cost model") shows this bench's output.
import type { Bench, BenchTable } from './run';

// ---------------------------------------------------------------------------------------------
// 1. What is deployed (infra/, read 2026-11-23)
// ---------------------------------------------------------------------------------------------

/** Memory of each function: ParkbridgeFunction's default (infra/constructs/parkbridge-function.ts); no function sets its own. */
const FUNCTION_MEMORY_MB = {
  core: 1024,
  market: 1024,
  bidding: 1024,
  expos: 1024,
  chainMap: 1024,
  preToken: 1024,
  marketplace: 1024, // stream reader (infra/constructs/stream-reader.ts)
  background: 1024, // stream reader
  schedules: 1024, // infra/constructs/scheduled-jobs.ts
} as const;
type FunctionName = keyof typeof FUNCTION_MEMORY_MB;
const HTTP_FUNCTIONS: FunctionName[] = ['core', 'market', 'bidding', 'expos', 'chainMap'];
const STREAM_READERS = ['marketplace', 'background'] as const;

/**
 * CloudWatch alarms (infra/constructs/operations-alarms.ts): API 5xx and latency (2), errors and
 * throttles of 9 functions (18), iterator age of 2 readers (2), 3 dead-letter queues (3), table
 * throttles (1, a metric-math alarm over 2 metrics, billed as 2 alarm metrics).
 */
const ALARM_METRICS = 2 + 2 * 9 + 2 + 3 + 2;
const DASHBOARDS = 1;
/**
 * Custom metrics (Powertools EMF, namespace Parkbridge; one per name × dimension set):
 * ColdStart per function (service + function_name: 9), 8 business metrics (functions/http/
 * business-metrics.ts, each from one HTTP function), StreamRecords and StreamRecordsFailed per reader
 * (4), JobItemsProcessed per job (3). ConsumerFailures (per consumer, 7) only appear when a consumer fails.
 */
const CUSTOM_METRICS = 9 + 8 + 2 * 2 + 3;
/** WAF (prod): one web ACL, a rate-based rule and 3 AWS managed rule groups (infra/constructs/edge-firewall.ts). */
const WAF_RULES = 4;
/** EventBridge Scheduler: 3 jobs at rate(1 minute) (packages/jobs: every 2 s / 5 s / 5 s, rounded up to a minute by infra). */
const SCHEDULED_JOBS = ['bidding.close-needs', 'bidding.question-extensions', 'expos.hold-expiry'] as const;
const MINUTES_PER_MONTH = 730 * 60;
/** Log retention (infra/stacks/stage.ts): prod one year, dev two weeks. */
const LOG_RETENTION_MONTHS = { prod: 12, dev: 0.5 } as const;

// ---------------------------------------------------------------------------------------------
// 2. Prices: us-east-1 list prices in USD, taken 2026-11-23 (sources in docs/operations.md)
// ---------------------------------------------------------------------------------------------

const PRICE = {
  apiPerMillion: 1.0, // API Gateway HTTP API, first 300 M requests/month
  lambdaGbSecond: 0.0000133334, // Lambda arm64, first 7.5 B GB-s/month
  lambdaPerMillion: 0.2,
  ddbWritePerMillion: 0.625, // DynamoDB on-demand, since the Nov 2024 price cut
  ddbReadPerMillion: 0.125,
  ddbStorageGbMonth: 0.25, // Standard table class
  ddbPitrGbMonth: 0.2, // continuous backups, on the table's size
  // DynamoDB Streams reads by Lambda triggers: free.
  cognitoEssentialsMau: 0.015, // first 10,000 MAU free
  cognitoPlusMau: 0.02, // no free tier
  cognitoEssentialsFreeMau: 10_000,
  cloudfrontGb: 0.12, // data out, Asia Pacific / Middle East edges (price class 200), first 10 TB
  cloudfrontPer10kHttps: 0.012,
  cloudfrontFunctionPerMillion: 0.1,
  wafAcl: 5.0,
  wafRule: 1.0,
  wafPerMillion: 0.6,
  schedulerPerMillion: 1.0,
  sqsPerMillion: 0.4,
  secretMonth: 0.4,
  secretPer10k: 0.05,
  kmsKeyMonth: 1.0, // the alarm topic's customer managed key (the table uses the AWS managed key: no fee)
  alarmMetric: 0.1, // standard resolution
  dashboard: 3.0,
  customMetric: 0.3, // first 10,000 metrics
  logsIngestGb: 0.5,
  logsStoreGbMonth: 0.03,
  xrayPerMillionTraces: 5.0,
  s3GbMonth: 0.023,
} as const;

/** Always-free allowances (no 12-month limit), account-wide: shown as a separate line. */
const FREE = {
  lambdaRequests: 1_000_000,
  lambdaGbSeconds: 400_000,
  ddbStorageGb: 25,
  cloudfrontGb: 1024,
  cloudfrontRequests: 10_000_000,
  cloudfrontFunctions: 2_000_000,
  schedulerInvocations: 14_000_000,
  customMetrics: 10,
  alarmMetrics: 10,
  dashboards: 3,
  logsGb: 5, // ingestion; and 5 GB of storage
  xrayTraces: 100_000,
} as const;

// ---------------------------------------------------------------------------------------------
// 3. Measured per-call figures: `npm run bench -- unit-costs`, 2026-11-23 (median of 3 happy-path
//    requests each). rru/wru: request units as AWS bills them (see bench/support/aws-units.ts);
//    ms: handler time in process against DynamoDB Local on a loaded 2-core machine (an upper bound
//    of the Lambda's billed time); rec/parts/bytes: stream records, their distinct partition keys,
//    bytes added to table + GSIs; mkt/bg: the marketplace / background stream readers' consumers
//    for those records: [batches, rru, wru, ms]. GET rows take the larger of the two RRU readings
//    ("RRU filled": the same read once the partitions held a full page).
// ---------------------------------------------------------------------------------------------

type Reader = [batches: number, rru: number, wru: number, ms: number];
interface Call {
  fn: FunctionName;
  rru: number;
  wru: number;
  ms: number;
  rec?: number;
  parts?: number;
  bytes?: number;
  mkt?: Reader;
  bg?: Reader;
}

/**
 * The first table `npm run bench -- unit-costs` prints, pasted as it came (2026-11-23 17:45, load
 * average 1.8 on 2 cores). To refresh: run the bench and paste its first table over this one.
 */
const UNIT_COSTS_TABLE = `
| route | function | calls | RRU | WRU | of which ConditionCheck | WRU (Local says) | handler ms | RRU filled | ms filled | stream records | partitions | bytes stored | marketplace batches | marketplace RRU | marketplace WRU | marketplace ms | background batches | background RRU | background WRU | background ms |
| GET /v1/audit | core | 2 | 1.0 | 0.0 | 0.0 | 0.0 | 19 | 1.5 | 6 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/bookings | expos | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 9 | 2.5 | 6 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/bookings/{bookingId} | expos | 1 | 1.0 | 0.0 | 0.0 | 0.0 | 6 | 1.0 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/bookings/{bookingId}/approve | expos | 4 | 2.0 | 18.0 | 0.0 | 12.0 | 38 |  |  | 5 | 5 | 3003 | 1 | 0.0 | 0.0 | 1 | 1 | 0.0 | 0.0 | 0 |
| POST /v1/bookings/{bookingId}/cancel | expos | 6 | 4.0 | 18.0 | 0.0 | 14.0 | 49 |  |  | 4 | 4 | 542 | 1 | 0.0 | 0.0 | 1 | 1 | 2.5 | 0.0 | 17 |
| POST /v1/bookings/{bookingId}/reject | expos | 6 | 4.0 | 18.0 | 0.0 | 12.0 | 41 |  |  | 5 | 5 | 3013 | 1 | 0.0 | 0.0 | 1 | 1 | 2.5 | 0.0 | 13 |
| POST /v1/bookings/{bookingId}/submit | expos | 3 | 1.5 | 22.0 | 0.0 | 14.0 | 46 |  |  | 6 | 6 | 1576 | 1 | 0.0 | 0.0 | 1 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/categories | core | 0 | 0.0 | 0.0 | 0.0 | 0.0 | 2 | 0.0 | 1 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/categories/{code} | core | 0 | 0.0 | 0.0 | 0.0 | 0.0 | 4 | 0.0 | 1 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/chains | market | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 11 | 2.0 | 4 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/chains | market | 3 | 1.0 | 8.0 | 0.0 | 8.0 | 31 |  |  | 11 | 6 | 5312 | 2 | 0.0 | 0.0 | 1 | 2 | 8.0 | 20.0 | 105 |
| GET /v1/chains/{chainId} | market | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 5 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| PATCH /v1/chains/{chainId} | market | 2 | 0.5 | 10.0 | 0.0 | 10.0 | 25 |  |  | 4 | 3 | 1353 | 2 | 0.0 | 0.0 | 0 | 2 | 3.0 | 4.0 | 36 |
| POST /v1/chains/{chainId}/inputs/{inputId}/need | market | 6 | 2.5 | 8.0 | 0.0 | 4.0 | 37 |  |  | 3 | 3 | 3788 | 2 | 1.0 | 1.0 | 10 | 2 | 1.5 | 2.0 | 19 |
| GET /v1/deals | bidding | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 11 | 2.5 | 12 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/deals/{dealId} | bidding | 1 | 1.0 | 0.0 | 0.0 | 0.0 | 8 | 1.0 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/deals/{dealId}/accept-delivery | bidding | 2 | 1.0 | 16.0 | 0.0 | 8.0 | 30 |  |  | 7 | 7 | 1344 | 2 | 0.0 | 0.0 | 2 | 2 | 3.5 | 10.0 | 27 |
| POST /v1/deals/{dealId}/cancel | bidding | 2 | 1.0 | 12.0 | 0.0 | 8.0 | 17 |  |  | 14 | 6 | -2323 | 2 | 0.0 | 0.0 | 1 | 2 | 4.5 | 28.0 | 55 |
| POST /v1/deals/{dealId}/confirm | bidding | 2 | 1.0 | 12.0 | 0.0 | 8.0 | 11 |  |  | 5 | 5 | 1354 | 2 | 0.0 | 0.0 | 1 | 2 | 3.5 | 10.0 | 16 |
| POST /v1/deals/{dealId}/deliver | bidding | 2 | 1.0 | 12.0 | 0.0 | 8.0 | 15 |  |  | 5 | 5 | 1350 | 2 | 0.0 | 0.0 | 1 | 2 | 3.5 | 10.0 | 22 |
| POST /v1/deals/{dealId}/rate | bidding | 2 | 1.0 | 16.0 | 0.0 | 12.0 | 17 |  |  | 5 | 5 | 2798 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| POST /v1/dev/login | core | 3 | 2.0 | 0.0 | 0.0 | 0.0 | 5 |  |  | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/expos | expos | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 3 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/expos | expos | 2 | 0.5 | 10.0 | 0.0 | 10.0 | 10 |  |  | 2 | 2 | 4210 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/expos/{expoId} | expos | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 3 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/expos/{expoId}/bookings | expos | 2 | 3.0 | 0.0 | 0.0 | 0.0 | 9 | 3.0 | 7 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/expos/{expoId}/floorplan | expos | 1 | 2.5 | 0.0 | 0.0 | 0.0 | 10 | 5.5 | 11 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/expos/{expoId}/pavilions | expos | 3 | 1.0 | 14.0 | 0.0 | 14.0 | 15 |  |  | 3 | 3 | 1786 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/expos/{expoId}/stats | expos | 1 | 3.0 | 0.0 | 0.0 | 0.0 | 11 | 5.5 | 11 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/listings | market | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 4 | 2.5 | 8 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/listings | market | 2 | 0.5 | 12.0 | 0.0 | 10.0 | 14 |  |  | 5 | 5 | 4941 | 2 | 4.0 | 0.0 | 20 | 2 | 6.0 | 3.0 | 38 |
| DELETE /v1/listings/{listingId} | market | 2 | 1.0 | 14.0 | 0.0 | 14.0 | 13 |  |  | 5 | 5 | -1544 | 2 | 1.5 | 0.0 | 5 | 2 | 6.0 | 3.0 | 27 |
| GET /v1/listings/{listingId} | market | 1 | 1.0 | 0.0 | 0.0 | 0.0 | 3 | 1.0 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| PATCH /v1/listings/{listingId} | market | 3 | 1.5 | 12.0 | 0.0 | 12.0 | 14 |  |  | 2 | 2 | 1431 | 1 | 4.0 | 0.0 | 15 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/matches | market | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 6 | 14.0 | 18 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/memberships | core | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 3 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/needs | market | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 7 | 3.5 | 9 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/needs | market | 3 | 1.0 | 6.0 | 0.0 | 4.0 | 17 |  |  | 3 | 3 | 3441 | 2 | 1.0 | 1.0 | 4 | 2 | 1.5 | 2.0 | 12 |
| GET /v1/needs/{needId} | market | 1 | 1.0 | 0.0 | 0.0 | 0.0 | 10 | 1.0 | 4 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| PATCH /v1/needs/{needId} | market | 4 | 2.0 | 8.0 | 0.0 | 4.0 | 16 |  |  | 3 | 3 | 1856 | 2 | 0.0 | 0.0 | 1 | 2 | 1.5 | 2.0 | 8 |
| POST /v1/needs/{needId}/amend | market | 2 | 1.0 | 26.0 | 0.0 | 26.0 | 25 |  |  | 11 | 8 | 4829 | 2 | 15.0 | 12.0 | 56 | 2 | 2.5 | 4.0 | 21 |
| GET /v1/needs/{needId}/amendments | market | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 11 | 1.5 | 6 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/needs/{needId}/auction | bidding | 2 | 2.0 | 0.0 | 0.0 | 0.0 | 8 | 2.0 | 4 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/needs/{needId}/award | bidding | 3 | 1.5 | 38.0 | 0.0 | 28.0 | 21 |  |  | 24 | 12 | 8003 | 2 | 5.0 | 34.0 | 10 | 2 | 7.5 | 34.0 | 61 |
| GET /v1/needs/{needId}/bids | bidding | 2 | 2.0 | 0.0 | 0.0 | 0.0 | 7 | 2.0 | 5 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/needs/{needId}/bids | bidding | 4 | 2.5 | 12.0 | 6.0 | 2.0 | 20 |  |  | 3 | 2 | 1611 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| DELETE /v1/needs/{needId}/bids/mine | bidding | 3 | 2.0 | 8.0 | 4.0 | 2.0 | 10 |  |  | 2 | 2 | 665 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/needs/{needId}/bids/mine | bidding | 1 | 2.0 | 0.0 | 0.0 | 0.0 | 5 | 2.0 | 4 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| PUT /v1/needs/{needId}/bids/mine | bidding | 4 | 2.5 | 12.0 | 6.0 | 2.0 | 14 |  |  | 3 | 2 | 1059 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/needs/{needId}/bids/mine/revisions | bidding | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 5 | 1.5 | 5 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/needs/{needId}/cancel | market | 2 | 1.0 | 38.0 | 0.0 | 38.0 | 12 |  |  | 25 | 10 | -79708 | 2 | 7.0 | 130.0 | 29 | 2 | 3.5 | 6.0 | 21 |
| POST /v1/needs/{needId}/extend | market | 2 | 1.0 | 28.0 | 0.0 | 28.0 | 13 |  |  | 3 | 2 | 1901 | 2 | 1.0 | 3.0 | 6 | 2 | 0.0 | 0.0 | 0 |
| GET /v1/needs/{needId}/matches | market | 1 | 3.0 | 0.0 | 0.0 | 0.0 | 6 | 3.5 | 6 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/needs/{needId}/publish | market | 3 | 1.5 | 32.0 | 0.0 | 32.0 | 14 |  |  | 28 | 10 | 103588 | 2 | 9.0 | 154.0 | 69 | 2 | 3.5 | 6.0 | 22 |
| GET /v1/needs/{needId}/questions | bidding | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 8 | 1.5 | 7 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/needs/{needId}/questions | bidding | 3 | 1.5 | 16.0 | 6.0 | 6.0 | 20 |  |  | 4 | 4 | 2549 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| POST /v1/needs/{needId}/questions/{questionId}/answer | bidding | 4 | 2.5 | 12.0 | 0.0 | 6.0 | 20 |  |  | 4 | 4 | 1303 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/notifications | core | 1 | 1.0 | 0.0 | 0.0 | 0.0 | 5 | 1.0 | 4 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/notifications/{notificationId}/read | core | 2 | 0.5 | 1.0 | 0.0 | 1.0 | 9 |  |  | 1 | 1 | 23 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| POST /v1/orgs | core | 1 | 0.0 | 6.0 | 0.0 | 2.0 | 11 |  |  | 3 | 3 | 1011 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/orgs/{orgId} | core | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 4 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| PATCH /v1/orgs/{orgId} | core | 2 | 0.5 | 4.0 | 0.0 | 2.0 | 11 |  |  | 2 | 2 | 1041 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/orgs/{orgId}/certificates | core | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 3 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/orgs/{orgId}/certificates | core | 1 | 0.0 | 4.0 | 0.0 | 2.0 | 8 |  |  | 2 | 2 | 1196 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| POST /v1/orgs/{orgId}/certificates/{certId}/reject | core | 4 | 1.5 | 6.0 | 0.0 | 6.0 | 15 |  |  | 2 | 2 | 1186 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| POST /v1/orgs/{orgId}/certificates/{certId}/verify | core | 5 | 2.5 | 8.0 | 0.0 | 6.0 | 21 |  |  | 2 | 2 | 1186 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/orgs/{orgId}/reputation | bidding | 1 | 1.0 | 0.0 | 0.0 | 0.0 | 5 | 1.0 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/parks | core | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 4 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/parks | core | 1 | 0.0 | 8.0 | 0.0 | 8.0 | 10 |  |  | 2 | 2 | 2829 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/parks/{parkId} | core | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 4 | 0.5 | 6 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| PATCH /v1/parks/{parkId} | core | 2 | 0.5 | 10.0 | 0.0 | 10.0 | 11 |  |  | 2 | 2 | 1296 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/parks/{parkId}/chain-map | chainMap | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 9 | 2.0 | 14 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/parks/{parkId}/chain-map.csv | chainMap | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 9 | 2.0 | 10 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/parks/{parkId}/chain-map/edges | chainMap | 2 | 1.5 | 0.0 | 0.0 | 0.0 | 7 | 1.5 | 5 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/parks/{parkId}/memberships | core | 2 | 1.0 | 0.0 | 0.0 | 0.0 | 6 | 2.0 | 6 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/parks/{parkId}/memberships | core | 4 | 1.5 | 8.0 | 0.0 | 8.0 | 18 |  |  | 3 | 3 | 3438 | 2 | 0.5 | 0.0 | 3 | 2 | 1.5 | 2.0 | 12 |
| POST /v1/parks/{parkId}/memberships/{orgId}/approve | core | 3 | 1.0 | 12.0 | 0.0 | 12.0 | 16 |  |  | 3 | 3 | 1700 | 2 | 0.5 | 0.0 | 3 | 2 | 1.5 | 2.0 | 13 |
| POST /v1/parks/{parkId}/memberships/{orgId}/reinstate | core | 3 | 1.0 | 10.0 | 0.0 | 10.0 | 21 |  |  | 3 | 3 | 2005 | 2 | 0.5 | 0.0 | 4 | 2 | 1.5 | 2.0 | 16 |
| POST /v1/parks/{parkId}/memberships/{orgId}/reject | core | 3 | 1.0 | 12.0 | 0.0 | 12.0 | 17 |  |  | 3 | 3 | 1959 | 2 | 0.5 | 0.0 | 4 | 2 | 1.5 | 2.0 | 15 |
| POST /v1/parks/{parkId}/memberships/{orgId}/suspend | core | 3 | 1.0 | 10.0 | 0.0 | 10.0 | 17 |  |  | 3 | 3 | 1923 | 2 | 0.5 | 0.0 | 4 | 2 | 1.5 | 2.0 | 16 |
| GET /v1/pavilion-recommendations | expos | 2 | 6.0 | 0.0 | 0.0 | 0.0 | 15 | 8.5 | 16 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| GET /v1/pavilions/{pavilionId} | expos | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 4 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/pavilions/{pavilionId}/slots | expos | 4 | 2.0 | 10.0 | 0.0 | 6.0 | 15 |  |  | 3 | 3 | 2198 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/slots/{slotId} | expos | 1 | 0.5 | 0.0 | 0.0 | 0.0 | 3 | 0.5 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| PATCH /v1/slots/{slotId} | expos | 4 | 2.5 | 8.0 | 0.0 | 4.0 | 17 |  |  | 2 | 2 | 1241 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| POST /v1/slots/{slotId}/hold | expos | 4 | 2.5 | 16.0 | 0.0 | 14.0 | 16 |  |  | 4 | 4 | 5521 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| DELETE /v1/slots/{slotId}/waitlist | expos | 3 | 1.5 | 8.0 | 0.0 | 6.0 | 12 |  |  | 3 | 2 | 600 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
| GET /v1/slots/{slotId}/waitlist | expos | 1 | 1.0 | 0.0 | 0.0 | 0.0 | 3 | 1.0 | 3 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0 | 0 | 0.0 | 0.0 | 0 |
| POST /v1/slots/{slotId}/waitlist | expos | 6 | 4.0 | 6.0 | 0.0 | 2.0 | 19 |  |  | 3 | 2 | 2106 | 1 | 0.0 | 0.0 | 0 | 1 | 0.0 | 0.0 | 0 |
`;

/**
 * UNIT_COSTS_TABLE read by column name. A GET takes its larger RRU reading (a full page); the time
 * stays the median of three (the filled reading is a single, noisier sample).
 */
function parseUnitCosts(table: string): Record<string, Call> {
  const rows = table
    .trim()
    .split('\n')
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    );
  const [head, ...body] = rows;
  const col = (name: string) => {
    const i = (head ?? []).indexOf(name);
    if (i < 0) throw new Error(`unit-costs table has no column "${name}"`);
    return i;
  };
  const num = (r: string[], name: string) => Number(r[col(name)] || 0);
  const reader = (r: string[], name: string): Reader | undefined =>
    num(r, `${name} batches`)
      ? [num(r, `${name} batches`), num(r, `${name} RRU`), num(r, `${name} WRU`), num(r, `${name} ms`)]
      : undefined;
  const calls: Record<string, Call> = {};
  for (const r of body) {
    const call: Call = {
      fn: r[col('function')] as FunctionName,
      rru: Math.max(num(r, 'RRU'), num(r, 'RRU filled')),
      wru: num(r, 'WRU'),
      ms: num(r, 'handler ms'),
    };
    if (num(r, 'stream records')) {
      Object.assign(call, {
        rec: num(r, 'stream records'),
        parts: num(r, 'partitions'),
        bytes: num(r, 'bytes stored'),
      });
      const mkt = reader(r, 'marketplace');
      const bg = reader(r, 'background');
      if (mkt) call.mkt = mkt;
      if (bg) call.bg = bg;
    }
    calls[r[0] as string] = call;
  }
  return calls;
}

const MEASURED: Record<string, Call> = parseUnitCosts(UNIT_COSTS_TABLE);
// Not measured by unit-costs (its recipe's If-Match goes stale once the amendment reaches the
// consumers): the same calls as PUT /v1/needs/{needId}/bids/mine (docs/performance.md), so its figures.
MEASURED['POST /v1/needs/{needId}/bids/mine/reconfirm'] = MEASURED[
  'PUT /v1/needs/{needId}/bids/mine'
] as Call;

/**
 * Matching fan-out (unit-costs, second table): the stream work of publishing a need that k
 * suppliers match, k = 1 and k = 10; the per-match part is the difference / 9. Cross-check:
 * `npm run bench -- matching` reads ~3 items and writes 4 (match, inbox row, notification ×2)
 * per match, independent of how many listings the market holds (1k–100k).
 */
const FAN_OUT = {
  k1: { rec: 14, bytes: 16291, mkt: [2, 7.5, 16, 37] as Reader, bg: [2, 5.5, 9, 31] as Reader },
  k10: { rec: 50, bytes: 88623, mkt: [2, 26, 142, 70] as Reader, bg: [2, 15, 9, 33] as Reader },
};

/** Scheduled jobs with nothing due (unit-costs, third table): per run. */
const SCHEDULE_RUN: Record<(typeof SCHEDULED_JOBS)[number], { rru: number; wru: number; ms: number }> = {
  'bidding.close-needs': { rru: 0.5, wru: 0, ms: 1.6 },
  'bidding.question-extensions': { rru: 0.5, wru: 0, ms: 1.7 },
  'expos.hold-expiry': { rru: 4, wru: 0, ms: 7.3 }, // 8 queries: one per hold-expiry bucket
};

/** The pre-token-generation trigger for a member (unit-costs, fourth table). */
const PRE_TOKEN = { rru: 1.5, wru: 0, ms: 2.4 };

/**
 * The chain map of a 500-tenant park (`npm run bench -- chain-map`, 2026-11-23 17:50): 2 Queries,
 * 15 capacity units and 23 ms per read (the route harness measures an empty map). Used for every
 * park, as each has ~500 firms.
 */
const CHAIN_MAP_READ = { rru: 15, ms: 23 };

/**
 * Lambda overheads not in the in-process handler time: Powertools/middy around each invocation
 * (measured 0.3 ms on a warm invocation: the core bundle against bench/support/hono-entry.ts, 50
 * invocations in one process, median of 7 processes, 4.75 against 4.50 ms; 3 ms kept as a margin
 * for INFO logging and X-Ray segments in AWS) and, for a stream batch, decoding records and
 * flushing the EMF line (assumed).
 */
const OVERHEAD_MS = { http: 3, stream: 5, schedule: 3, preToken: 3 };
/**
 * Cold starts: INIT is billed since 1 Aug 2025. Import of a bundle: 145–195 ms (performance.md,
 * load 2.9) to 643 ms (cold-start bench 2026-11-23, load 12); 500 ms assumed. Share of invocations: AWS
 * reports under 1 % in production; we take 1 %, at least one per HTTP function every 30 active minutes.
 */
const COLD_START = { initMs: 500, share: 0.01, perFunctionPerActiveHour: 2 };

// ---------------------------------------------------------------------------------------------
// 4. Usage model: per firm per month (averages over all of a park's firms), per park per month
// ---------------------------------------------------------------------------------------------

export const PEOPLE = {
  usersPerFirm: 3, // monthly active users of a firm (buyer, sales, manager)
  sessionsPerUser: 12, // about three a week
  minutesPerSession: 15, // with the app visible (its polling pauses in a hidden tab)
  operatorsPerPark: 6,
  operatorSessions: 20,
  operatorMinutes: 30,
  activeHours: 220, // 22 working days × 10 h: when traffic (and X-Ray's reservoir, cold starts) happens
};
const SESSIONS_PER_FIRM = PEOPLE.usersPerFirm * PEOPLE.sessionsPerUser;
const MINUTES_PER_FIRM = SESSIONS_PER_FIRM * PEOPLE.minutesPerSession;
const OPERATOR_MINUTES_PER_PARK = PEOPLE.operatorsPerPark * PEOPLE.operatorSessions * PEOPLE.operatorMinutes;

export const MARKET = {
  needsPerFirm: 2, // published per firm per month: 1,000 a month in a 500-firm park
  matchesPerNeed: 10, // suppliers matched (and notified) per need; matching widens to 25 at most
  bidsPerNeed: 4,
  revisionsPerNeed: 2,
  questionsPerNeed: 1, // each answered
  awardShare: 0.7, // needs awarded (a deal: confirm, deliver, accept delivery, two ratings)
  auctionShare: 0.2, // needs run as reverse auctions (their bidders watch the standing)
};

/** Web app (packages/web): one full load per session, no browser cache assumed (an upper bound). */
const WEB = {
  requestsPerLoad: 8, // index.html, config.json, main JS and CSS, a page chunk, a locale, fonts
  kbPerLoad: 200, // gzipped: index JS 120 KB + CSS 36 KB + chunks (packages/web/dist, 2026-11-23)
  apiResponseKb: 3, // average API answer (single entities ~1.5 KB, pages of 20 up to ~20 KB)
};

interface Use {
  route: string;
  perFirm?: number;
  perPark?: number;
  group: string;
  why?: string;
}
/** The uses of one workflow, each tagged with it (the usage table's first column). */
const inGroup = (group: string, uses: Omit<Use, 'group'>[]): Use[] => uses.map((u) => ({ group, ...u }));

const needs = MARKET.needsPerFirm;
const USAGE: Use[] = [
  // Sign-in and the app's own polling (packages/web refetchInterval values)
  ...inGroup('session', [
    {
      route: 'GET /v1/notifications',
      perFirm: 2 * MINUTES_PER_FIRM + 10,
      perPark: 2 * OPERATOR_MINUTES_PER_PARK,
      why: 'unread count every 30 s while the app is open (shell.tsx), + 10 list views',
    },
    { route: 'GET /v1/memberships', perFirm: SESSIONS_PER_FIRM, why: 'once per session' },
    { route: 'GET /v1/orgs/{orgId}', perFirm: SESSIONS_PER_FIRM, why: 'once per session' },
    { route: 'GET /v1/parks', perFirm: SESSIONS_PER_FIRM, why: 'once per session' },
    { route: 'GET /v1/categories', perFirm: SESSIONS_PER_FIRM, why: 'once per session (no DynamoDB)' },
    { route: 'GET /v1/parks/{parkId}', perFirm: 10, why: 'park pages' },
  ]),
  // Needs: posting, matching, searching
  ...inGroup('needs', [
    { route: 'POST /v1/needs', perFirm: needs, why: 'needs posted' },
    { route: 'PATCH /v1/needs/{needId}', perFirm: 0.25 * needs, why: 'a draft edited' },
    { route: 'POST /v1/needs/{needId}/publish', perFirm: needs, why: 'published; matching fans out' },
    { route: 'POST /v1/needs/{needId}/amend', perFirm: 0.1 * needs, why: '10 % amended' },
    { route: 'POST /v1/needs/{needId}/extend', perFirm: 0.05 * needs, why: '5 % extended' },
    { route: 'POST /v1/needs/{needId}/cancel', perFirm: 0.1 * needs, why: '10 % cancelled' },
    { route: 'GET /v1/needs', perFirm: 30, why: 'searches and lists' },
    {
      route: 'GET /v1/needs/{needId}',
      perFirm: 40 + 3 * 3 * SESSIONS_PER_FIRM,
      why: '40 opens + need page polled every 20 s, 3 min a session',
    },
    { route: 'GET /v1/needs/{needId}/matches', perFirm: 5 * needs, why: 'buyer looks at ranked suppliers' },
    {
      route: 'GET /v1/matches',
      perFirm: 20 + 2 * 1 * SESSIONS_PER_FIRM,
      why: 'supplier inbox: 20 opens + polled every 30 s, 1 min a session',
    },
    { route: 'POST /v1/listings', perFirm: 0.2, why: 'listings published (matched against open needs)' },
    { route: 'PATCH /v1/listings/{listingId}', perFirm: 0.3, why: 'listings edited' },
    { route: 'DELETE /v1/listings/{listingId}', perFirm: 0.05, why: 'listings withdrawn' },
    { route: 'GET /v1/listings', perFirm: 6, why: 'own and others’ listings' },
    { route: 'GET /v1/listings/{listingId}', perFirm: 6 },
    { route: 'POST /v1/chains', perFirm: 0.05, why: 'production chains declared' },
    { route: 'PATCH /v1/chains/{chainId}', perFirm: 0.1, why: 'chains updated' },
    { route: 'GET /v1/chains', perFirm: 1 },
  ]),
  // Questions, bids, awards
  ...inGroup('bidding', [
    {
      route: 'POST /v1/needs/{needId}/questions',
      perFirm: MARKET.questionsPerNeed * needs,
      why: 'questions per need',
    },
    {
      route: 'POST /v1/needs/{needId}/questions/{questionId}/answer',
      perFirm: MARKET.questionsPerNeed * needs,
      why: 'each answered',
    },
    { route: 'GET /v1/needs/{needId}/questions', perFirm: 5 * needs },
    { route: 'POST /v1/needs/{needId}/bids', perFirm: MARKET.bidsPerNeed * needs, why: 'bids per need' },
    {
      route: 'PUT /v1/needs/{needId}/bids/mine',
      perFirm: MARKET.revisionsPerNeed * needs,
      why: 'revisions per need',
    },
    { route: 'DELETE /v1/needs/{needId}/bids/mine', perFirm: 0.2 * needs, why: 'withdrawals' },
    {
      route: 'POST /v1/needs/{needId}/bids/mine/reconfirm',
      perFirm: 0.1 * MARKET.bidsPerNeed * needs,
      why: 'bids reconfirmed after an amendment',
    },
    { route: 'GET /v1/needs/{needId}/bids/mine', perFirm: 2 * MARKET.bidsPerNeed * needs },
    {
      route: 'GET /v1/needs/{needId}/bids',
      perFirm: needs * 3 * 2 * 6,
      why: 'buyer’s bids panel polled every 10 s: 3 views × 2 min per need',
    },
    {
      route: 'GET /v1/needs/{needId}/auction',
      perFirm: needs * MARKET.auctionShare * MARKET.bidsPerNeed * 5 * 20,
      why: 'auction standing polled every 3 s: each bidder 5 min per auction',
    },
    {
      route: 'POST /v1/needs/{needId}/award',
      perFirm: MARKET.awardShare * needs,
      why: '70 % of needs awarded',
    },
  ]),
  ...inGroup('deals', [
    { route: 'POST /v1/deals/{dealId}/confirm', perFirm: MARKET.awardShare * needs, why: 'each deal' },
    { route: 'POST /v1/deals/{dealId}/deliver', perFirm: MARKET.awardShare * needs, why: 'each deal' },
    {
      route: 'POST /v1/deals/{dealId}/accept-delivery',
      perFirm: MARKET.awardShare * needs,
      why: 'each deal',
    },
    { route: 'POST /v1/deals/{dealId}/rate', perFirm: 2 * MARKET.awardShare * needs, why: 'both sides' },
    { route: 'GET /v1/deals', perFirm: 6 },
    { route: 'GET /v1/deals/{dealId}', perFirm: 8 },
    { route: 'GET /v1/orgs/{orgId}/reputation', perFirm: 4 },
  ]),
  // Notifications
  ...inGroup('session', [
    { route: 'POST /v1/notifications/{notificationId}/read', perFirm: 10, why: 'notifications read' },
  ]),
  // Expos: one expo of ~150 booths every six months per park
  ...inGroup('expos', [
    { route: 'POST /v1/slots/{slotId}/hold', perFirm: 0.05, why: '25 holds a month per park' },
    { route: 'POST /v1/bookings/{bookingId}/submit', perFirm: 0.045 },
    { route: 'POST /v1/bookings/{bookingId}/cancel', perFirm: 0.005 },
    { route: 'POST /v1/slots/{slotId}/waitlist', perFirm: 0.01 },
    {
      route: 'GET /v1/expos/{expoId}/floorplan',
      perFirm: 2 + 3 * 6,
      why: '2 opens + polled every 10 s, 3 min a month',
    },
    { route: 'GET /v1/pavilion-recommendations', perFirm: 1 },
    { route: 'GET /v1/expos', perFirm: 1 },
    { route: 'GET /v1/bookings', perFirm: 1 },
    { route: 'POST /v1/bookings/{bookingId}/approve', perPark: 22, why: 'operator' },
    { route: 'POST /v1/bookings/{bookingId}/reject', perPark: 3, why: 'operator' },
    { route: 'POST /v1/pavilions/{pavilionId}/slots', perPark: 25, why: '150 booths per half-year' },
    { route: 'GET /v1/expos/{expoId}/bookings', perPark: 40, why: 'operator' },
    { route: 'GET /v1/expos/{expoId}/stats', perPark: 20, why: 'operator' },
  ]),
  // Firms joining, certificates (the operator's side)
  ...inGroup('operator', [
    { route: 'POST /v1/orgs', perPark: 10, why: 'new firms (2 % a month)' },
    { route: 'POST /v1/parks/{parkId}/memberships', perPark: 11, why: 'applications' },
    { route: 'POST /v1/parks/{parkId}/memberships/{orgId}/approve', perPark: 10 },
    { route: 'POST /v1/parks/{parkId}/memberships/{orgId}/reject', perPark: 1 },
    { route: 'POST /v1/orgs/{orgId}/certificates', perPark: 25, why: 'claims' },
    { route: 'POST /v1/orgs/{orgId}/certificates/{certId}/verify', perPark: 20 },
    { route: 'POST /v1/orgs/{orgId}/certificates/{certId}/reject', perPark: 3 },
    { route: 'PATCH /v1/orgs/{orgId}', perFirm: 0.05, why: 'profiles edited' },
    { route: 'GET /v1/parks/{parkId}/memberships', perPark: 40 },
    { route: 'GET /v1/audit', perPark: 50 },
  ]),
  // Chain map
  ...inGroup('chain map', [
    { route: 'GET /v1/parks/{parkId}/chain-map', perPark: 30, why: 'operators' },
    { route: 'GET /v1/parks/{parkId}/chain-map.csv', perPark: 2, why: 'exports' },
    { route: 'GET /v1/parks/{parkId}/chain-map/edges', perPark: 10 },
  ]),
];

/** Token issues (pre-token trigger): one per session (a sign-in, or a refresh after the 1 h ID token expired). */
const TOKENS = { perFirm: SESSIONS_PER_FIRM, perPark: PEOPLE.operatorsPerPark * PEOPLE.operatorSessions };

/**
 * Stream records of a transaction spread over the table's partitions, one stream shard each; a
 * reader gets one batch per shard that has records (the 1 s batching window rarely merges two
 * requests at these rates). A new on-demand table is assumed to have 4 partitions.
 */
const SHARDS = 4;
/** X-Ray (Lambda active tracing): 1 request per second per function, then 5 %. */
const XRAY = { reservoirPerSecond: 1, rate: 0.05 };
/** CloudWatch Logs stores compressed data: assumed 15 % of the ingested bytes. */
const LOG_COMPRESSION = 0.15;

/** Log lines, as Powertools and API Gateway write them (sizes of realistic samples). */
const LOG_BYTES = (() => {
  const line = (o: object) => JSON.stringify(o).length + 26; // + CloudWatch's per-event bytes
  const ctx = {
    level: 'INFO',
    timestamp: '2026-11-23T11:20:00.000Z',
    service: 'schedules',
    cold_start: false,
    function_arn:
      'arn:aws:lambda:us-east-1:123456789012:function:Parkbridge-prod-SchedulesFunctionABCD1234-AbCdEfGhIjKl',
    function_memory_size: '1024',
    function_name: 'Parkbridge-prod-SchedulesFunctionABCD1234-AbCdEfGhIjKl',
    function_request_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    sampling_rate: 0,
    xray_trace_id: '1-6741b2c0-1a2b3c4d5e6f7a8b9c0d1e2f',
    correlation_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  };
  const emf = (metrics: Record<string, number>, dims: Record<string, string>) =>
    line({
      _aws: {
        Timestamp: 1795000000000,
        CloudWatchMetrics: [
          {
            Namespace: 'Parkbridge',
            Dimensions: [Object.keys(dims)],
            Metrics: Object.keys(metrics).map((Name) => ({ Name, Unit: 'Count' })),
          },
        ],
      },
      ...dims,
      ...metrics,
    });
  return {
    // infra/constructs/parkbridge-api.ts ACCESS_LOG_FIELDS
    access: line({
      requestId: 'Ab1Cd2Ef3Gh4Ij5=',
      ip: '203.0.113.45',
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      requestTime: '23/Nov/2026:11:20:00 +0000',
      method: 'GET',
      path: '/v1/needs/need_01JD8Z6W9K0000000000000000',
      routeKey: 'ANY /v1/needs/{needId}',
      status: '200',
      protocol: 'HTTP/1.1',
      responseLength: '1834',
      responseLatency: '38',
      integrationLatency: '36',
      integrationError: '-',
      authorizerError: '-',
      user: '9478a4c8-0071-70d5-3f1e-0a1b2c3d4e5f',
      org: 'org_01JD8Z6W9K0000000000000000',
    }),
    info: line({ ...ctx, message: 'Scheduled job ran', job: 'expos.hold-expiry', processed: 0 }),
    emfStream: emf({ StreamRecords: 3, StreamRecordsFailed: 0 }, { service: 'stream-marketplace' }),
    emfJob: emf({ JobItemsProcessed: 0 }, { service: 'schedules', job: 'expos.hold-expiry' }),
    emfBusiness: emf({ BidsAccepted: 1 }, { service: 'http-bidding' }),
    emfColdStart: emf({ ColdStart: 1 }, { service: 'http-bidding', function_name: ctx.function_name }),
  };
})();

/** Requests that emit a business metric (functions/http/business-metrics.ts). */
const BUSINESS_ROUTES = new Set([
  'POST /v1/orgs',
  'POST /v1/needs/{needId}/publish',
  'POST /v1/listings',
  'POST /v1/needs/{needId}/bids',
  'PUT /v1/needs/{needId}/bids/mine',
  'POST /v1/needs/{needId}/award',
  'POST /v1/slots/{slotId}/hold',
  'POST /v1/bookings/{bookingId}/approve',
]);

// ---------------------------------------------------------------------------------------------
// 5. The arithmetic
// ---------------------------------------------------------------------------------------------

interface Scale {
  name: string;
  parks: number;
  firms: number;
}
const PARK: Scale = { name: 'park of 500 firms', parks: 1, firms: 500 };
const PROVINCE: Scale = { name: 'province of 20 parks', parks: 20, firms: 10_000 };
type Stage = 'prod' | 'dev';

interface Options {
  minutesFactor?: number;
  matchesPerNeed?: number;
  xrayOff?: boolean;
  cognitoEssentials?: boolean;
}

/** Stream batches one reader gets for a request whose records touch `parts` partition keys. */
const batchesFor = (measured: number, parts: number) =>
  Math.max(measured, measured ? SHARDS * (1 - (1 - 1 / SHARDS) ** parts) : 0);

function callOf(route: string, opts: Options): Call {
  const c = MEASURED[route];
  if (!c)
    throw new Error(`No measured figures for ${route}: add them to MEASURED (npm run bench -- unit-costs).`);
  if (route.startsWith('GET /v1/parks/{parkId}/chain-map') && !route.endsWith('/edges')) {
    return { ...c, rru: CHAIN_MAP_READ.rru, ms: Math.max(c.ms, CHAIN_MAP_READ.ms) };
  }
  if (route === 'POST /v1/needs/{needId}/publish') {
    const k = opts.matchesPerNeed ?? MARKET.matchesPerNeed;
    const per = (a: number, b: number) => (b - a) / 9;
    const at = (a: number, b: number) => a + per(a, b) * (k - 1);
    const reader = (x: Reader, y: Reader): Reader => [x[0], at(x[1], y[1]), at(x[2], y[2]), at(x[3], y[3])];
    return {
      ...c,
      rec: at(FAN_OUT.k1.rec, FAN_OUT.k10.rec),
      bytes: at(FAN_OUT.k1.bytes, FAN_OUT.k10.bytes),
      parts: at(c.parts ?? 0, (c.parts ?? 0) + 3 * 9),
      mkt: reader(FAN_OUT.k1.mkt, FAN_OUT.k10.mkt),
      bg: reader(FAN_OUT.k1.bg, FAN_OUT.k10.bg),
    };
  }
  return c;
}

interface Totals {
  apiRequests: number;
  invocations: Record<FunctionName, number>;
  gbSeconds: Record<FunctionName, number>;
  rru: number;
  wru: number;
  bytesPerMonth: number;
  logBytes: number;
  tokens: number;
  mau: number;
  businessEvents: number;
}

function activity(scale: Scale, opts: Options): Totals {
  const zero = () =>
    Object.fromEntries(Object.keys(FUNCTION_MEMORY_MB).map((k) => [k, 0])) as Record<FunctionName, number>;
  const t: Totals = {
    apiRequests: 0,
    invocations: zero(),
    gbSeconds: zero(),
    rru: 0,
    wru: 0,
    bytesPerMonth: 0,
    logBytes: 0,
    tokens: 0,
    mau: 0,
    businessEvents: 0,
  };
  const minutes = opts.minutesFactor ?? 1;
  for (const u of USAGE) {
    // Polling grows with the time the app is open.
    const polled = /notifications$|needs\/\{needId\}$|^GET \/v1\/matches$|bids$|auction$|floorplan$/.test(
      u.route,
    );
    const n = ((u.perFirm ?? 0) * scale.firms + (u.perPark ?? 0) * scale.parks) * (polled ? minutes : 1);
    const c = callOf(u.route, opts);
    t.apiRequests += n;
    t.invocations[c.fn] += n;
    t.gbSeconds[c.fn] += gbSeconds(n, c.ms + OVERHEAD_MS.http, c.fn);
    t.rru += n * c.rru;
    t.wru += n * c.wru;
    t.bytesPerMonth += n * (c.bytes ?? 0);
    if (BUSINESS_ROUTES.has(u.route)) t.businessEvents += n;
    for (const [reader, r] of [
      ['marketplace', c.mkt],
      ['background', c.bg],
    ] as const) {
      if (!r?.[0]) continue;
      const batches = batchesFor(r[0], c.parts ?? 0);
      t.invocations[reader] += n * batches;
      t.gbSeconds[reader] += gbSeconds(n * batches, r[3] / batches + OVERHEAD_MS.stream, reader);
      t.rru += n * r[1];
      t.wru += n * r[2];
      t.logBytes += n * batches * LOG_BYTES.emfStream;
    }
  }
  // Sign-ins and token refreshes: the pre-token trigger.
  t.tokens = TOKENS.perFirm * scale.firms + TOKENS.perPark * scale.parks;
  t.invocations.preToken += t.tokens;
  t.gbSeconds.preToken += gbSeconds(t.tokens, PRE_TOKEN.ms + OVERHEAD_MS.preToken, 'preToken');
  t.rru += t.tokens * PRE_TOKEN.rru;
  t.wru += t.tokens * PRE_TOKEN.wru;
  t.logBytes += t.tokens * LOG_BYTES.info;
  t.mau = PEOPLE.usersPerFirm * scale.firms + PEOPLE.operatorsPerPark * scale.parks;
  // Logs of the HTTP side: one access-log line per request, an EMF line per business event.
  t.logBytes += t.apiRequests * LOG_BYTES.access + t.businessEvents * LOG_BYTES.emfBusiness;
  return t;
}

/** Lambda's GB-seconds for `invocations` of `ms` each: billed per invocation, rounded up to 1 ms. */
const gbSeconds = (invocations: number, ms: number, fn: FunctionName) =>
  (invocations * Math.ceil(ms) * FUNCTION_MEMORY_MB[fn]) / 1024 / 1000;

/** The every-minute schedules: the same whatever the traffic. */
function schedules() {
  const runs = SCHEDULED_JOBS.length * MINUTES_PER_MONTH;
  let gbs = 0;
  let rru = 0;
  let wru = 0;
  for (const job of SCHEDULED_JOBS) {
    const r = SCHEDULE_RUN[job];
    gbs += gbSeconds(MINUTES_PER_MONTH, r.ms + OVERHEAD_MS.schedule, 'schedules');
    rru += MINUTES_PER_MONTH * r.rru;
    wru += MINUTES_PER_MONTH * r.wru;
  }
  return { runs, gbSeconds: gbs, rru, wru, logBytes: runs * (LOG_BYTES.info + LOG_BYTES.emfJob) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** Traces X-Ray records for `n` invocations of one function spread over the active hours. */
function traces(n: number) {
  const reservoir = XRAY.reservoirPerSecond * PEOPLE.activeHours * 3600;
  return Math.min(n, reservoir) + XRAY.rate * Math.max(0, n - reservoir);
}

interface Line {
  line: string;
  fixed: boolean;
  usd: number;
  note: string;
}

function costLines(scale: Scale, stage: Stage, opts: Options = {}): Line[] {
  const t = activity(scale, opts);
  const s = schedules();
  const lines: Line[] = [];
  const add = (line: string, fixed: boolean, usd: number, note: string) =>
    lines.push({ line, fixed, usd, note });

  // Fixed: the stack's standing cost.
  if (stage === 'prod')
    add('WAF web ACL + rules', true, PRICE.wafAcl + WAF_RULES * PRICE.wafRule, `1 ACL, ${WAF_RULES} rules`);
  add(
    'CloudWatch alarms',
    true,
    ALARM_METRICS * PRICE.alarmMetric,
    `${ALARM_METRICS} alarm metrics (26 alarms)`,
  );
  add('CloudWatch dashboard', true, DASHBOARDS * PRICE.dashboard, '1 dashboard');
  add(
    'CloudWatch custom metrics (EMF)',
    true,
    CUSTOM_METRICS * PRICE.customMetric,
    `${CUSTOM_METRICS} metrics`,
  );
  add(
    'KMS key (alarm topic) + Secrets Manager secret',
    true,
    PRICE.kmsKeyMonth + PRICE.secretMonth,
    '1 key, 1 secret',
  );
  const scheduleUsd =
    s.runs * (PRICE.schedulerPerMillion / 1e6) +
    s.runs * (PRICE.lambdaPerMillion / 1e6) +
    s.gbSeconds * PRICE.lambdaGbSecond +
    s.rru * (PRICE.ddbReadPerMillion / 1e6) +
    s.wru * (PRICE.ddbWritePerMillion / 1e6) +
    (s.logBytes / 1e9) * PRICE.logsIngestGb +
    traces(s.runs) * (PRICE.xrayPerMillionTraces / 1e6);
  add(
    'Schedules (3 jobs every minute)',
    true,
    scheduleUsd,
    `${fmt(s.runs)} runs: Scheduler, Lambda, DynamoDB, logs, X-Ray`,
  );

  // Per use.
  const plus = stage === 'prod' && !opts.cognitoEssentials;
  const mauPrice = plus
    ? t.mau * PRICE.cognitoPlusMau
    : Math.max(0, t.mau - PRICE.cognitoEssentialsFreeMau) * PRICE.cognitoEssentialsMau;
  add('Cognito user pool', false, mauPrice, `${fmt(t.mau)} MAU, ${plus ? 'Plus' : 'Essentials'} plan`);
  add(
    'API Gateway HTTP API',
    false,
    t.apiRequests * (PRICE.apiPerMillion / 1e6),
    `${fmt(t.apiRequests)} requests`,
  );
  const invocations = Object.values(t.invocations).reduce((a, b) => a + b, 0);
  const httpInvocations = HTTP_FUNCTIONS.reduce((n, f) => n + t.invocations[f], 0);
  const coldStarts = Math.max(
    COLD_START.share * httpInvocations,
    HTTP_FUNCTIONS.length * PEOPLE.activeHours * COLD_START.perFunctionPerActiveHour,
  );
  const initGbSeconds = (coldStarts * COLD_START.initMs) / 1000;
  const gbSeconds = Object.values(t.gbSeconds).reduce((a, b) => a + b, 0) + initGbSeconds;
  add(
    'Lambda (requests + GB-s)',
    false,
    invocations * (PRICE.lambdaPerMillion / 1e6) + gbSeconds * PRICE.lambdaGbSecond,
    `${fmt(invocations)} invocations, ${fmt(gbSeconds)} GB-s (${fmt(coldStarts)} cold starts)`,
  );
  add(
    'DynamoDB requests',
    false,
    t.rru * (PRICE.ddbReadPerMillion / 1e6) + t.wru * (PRICE.ddbWritePerMillion / 1e6),
    `${fmt(t.rru)} RRU, ${fmt(t.wru)} WRU`,
  );
  // Storage after a year of this activity (nothing expires: an upper bound), plus the firms' own data.
  const tableGb = (12 * t.bytesPerMonth) / 1024 ** 3;
  add(
    'DynamoDB storage + PITR (after 12 months)',
    false,
    tableGb * (PRICE.ddbStorageGbMonth + PRICE.ddbPitrGbMonth),
    `${tableGb.toFixed(1)} GB incl. GSI copies`,
  );
  const xray = opts.xrayOff
    ? 0
    : [...HTTP_FUNCTIONS, 'preToken' as const, ...STREAM_READERS].reduce(
        (n, f) => n + traces(t.invocations[f]),
        0,
      );
  add('X-Ray traces', false, xray * (PRICE.xrayPerMillionTraces / 1e6), `${fmt(xray)} traces`);
  const logGb = (t.logBytes + coldStarts * LOG_BYTES.emfColdStart) / 1e9;
  const storedLogGb = logGb * LOG_RETENTION_MONTHS[stage] * LOG_COMPRESSION;
  add(
    'CloudWatch Logs (ingest + retention)',
    false,
    logGb * PRICE.logsIngestGb + storedLogGb * PRICE.logsStoreGbMonth,
    `${logGb.toFixed(2)} GB/month ingested, ${storedLogGb.toFixed(2)} GB stored`,
  );
  const sessions =
    SESSIONS_PER_FIRM * scale.firms + PEOPLE.operatorsPerPark * PEOPLE.operatorSessions * scale.parks;
  const staticRequests = sessions * WEB.requestsPerLoad;
  const cfRequests = t.apiRequests + staticRequests;
  const cfGb = (t.apiRequests * WEB.apiResponseKb + sessions * WEB.kbPerLoad) / 1024 ** 2;
  add(
    'CloudFront (requests + data out + function)',
    false,
    (cfRequests / 1e4) * PRICE.cloudfrontPer10kHttps +
      cfGb * PRICE.cloudfrontGb +
      staticRequests * (PRICE.cloudfrontFunctionPerMillion / 1e6),
    `${fmt(cfRequests)} requests, ${cfGb.toFixed(0)} GB`,
  );
  if (stage === 'prod')
    add('WAF requests', false, cfRequests * (PRICE.wafPerMillion / 1e6), `${fmt(cfRequests)} requests`);
  add(
    'S3, SQS, SNS, Secrets Manager calls',
    false,
    0.01 + coldStarts * (PRICE.secretPer10k / 1e4),
    'site bucket and logs, empty dead-letter queues, alarm mails, a secret read per cold start',
  );

  // Always-free allowances (account-wide, no time limit), if nothing else in the account uses them.
  const allGb = gbSeconds + s.gbSeconds;
  const free =
    Math.min(invocations + s.runs, FREE.lambdaRequests) * (PRICE.lambdaPerMillion / 1e6) +
    Math.min(allGb, FREE.lambdaGbSeconds) * PRICE.lambdaGbSecond +
    Math.min(tableGb, FREE.ddbStorageGb) * PRICE.ddbStorageGbMonth +
    Math.min(cfRequests, FREE.cloudfrontRequests) * (PRICE.cloudfrontPer10kHttps / 1e4) +
    Math.min(cfGb, FREE.cloudfrontGb) * PRICE.cloudfrontGb +
    Math.min(staticRequests, FREE.cloudfrontFunctions) * (PRICE.cloudfrontFunctionPerMillion / 1e6) +
    Math.min(s.runs, FREE.schedulerInvocations) * (PRICE.schedulerPerMillion / 1e6) +
    Math.min(CUSTOM_METRICS, FREE.customMetrics) * PRICE.customMetric +
    Math.min(ALARM_METRICS, FREE.alarmMetrics) * PRICE.alarmMetric +
    Math.min(DASHBOARDS, FREE.dashboards) * PRICE.dashboard +
    Math.min(logGb + s.logBytes / 1e9, FREE.logsGb) * PRICE.logsIngestGb +
    Math.min(xray + traces(s.runs), FREE.xrayTraces) * (PRICE.xrayPerMillionTraces / 1e6);
  add(
    'Always-free allowances',
    false,
    -free,
    'Lambda, DynamoDB storage, CloudFront, CloudWatch, X-Ray, Scheduler',
  );
  return lines;
}

const total = (lines: Line[], pick: (l: Line) => boolean = () => true) =>
  lines.filter(pick).reduce((n, l) => n + l.usd, 0);
const usd = (n: number) => (Math.abs(n) < 0.005 ? '0.00' : n.toFixed(2));

async function run(): Promise<BenchTable[]> {
  const cases = [
    [PARK, 'prod'],
    [PROVINCE, 'prod'],
    [PARK, 'dev'],
    [PROVINCE, 'dev'],
  ] as const;
  const results = cases.map(([scale, stage]) => costLines(scale, stage));
  const [parkProd, provinceProd, parkDev, provinceDev] = results as [Line[], Line[], Line[], Line[]];
  const names = [...new Set(results.flatMap((r) => r.map((l) => l.line)))];
  const find = (r: Line[], name: string) => r.find((l) => l.line === name);
  const cells = (name: string) =>
    results.map((r) => {
      const l = find(r, name);
      return l ? usd(l.usd) : '—';
    });
  const totals = (pick?: (l: Line) => boolean) => results.map((r) => usd(total(r, pick)));
  const idleDev = total(parkDev, (l) => l.fixed);
  const noteOf = (name: string) => {
    const park = find(parkProd, name)?.note ?? find(parkDev, name)?.note ?? '';
    const province = find(provinceProd, name)?.note ?? find(provinceDev, name)?.note ?? '';
    return province && province !== park ? `${park} / ${province}` : park;
  };
  const ranked = (r: Line[]) =>
    [...r]
      .filter((l) => l.usd > 0)
      .sort((a, b) => b.usd - a.usd)
      .slice(0, 4)
      .map((l) => `${l.line} ${usd(l.usd)}`)
      .join(', ');

  const a = activity(PARK, {});
  const p = activity(PROVINCE, {});
  const sched = schedules();

  const sensitivity: [string, Options][] = [
    ['app open twice as long per session (polling ×2)', { minutesFactor: 2 }],
    ['Cognito Essentials instead of Plus in prod', { cognitoEssentials: true }],
    ['X-Ray tracing off', { xrayOff: true }],
    ['25 matches per need instead of 10', { matchesPerNeed: 25 }],
  ];
  return [
    {
      title: 'Monthly AWS cost (USD, us-east-1 list prices of 2026-11-23)',
      columns: [
        'line',
        'kind',
        'park, prod',
        'province, prod',
        'park, dev',
        'province, dev',
        'what (park / province)',
      ],
      rows: [
        ...names.map((name) => {
          const l = find(parkProd, name) ?? find(parkDev, name);
          return [name, l?.fixed ? 'fixed' : 'per use', ...cells(name), noteOf(name)];
        }),
        [
          '**fixed subtotal**',
          '',
          ...totals((l) => l.fixed),
          'the stack at rest (an idle dev stack costs this)',
        ],
        ['**total, list price**', '', ...totals((l) => l.usd > 0), ''],
        ['**total, after always-free allowances**', '', ...totals(), ''],
      ],
      notes: [
        `Largest lines: park, prod: ${ranked(parkProd)}. Province, prod: ${ranked(provinceProd)}.`,
        `An idle dev stack (no traffic) costs ${usd(idleDev)} a month before free allowances.`,
      ],
    },
    {
      title: 'Activity per month behind the figures',
      columns: ['', 'park of 500 firms', 'province of 20 parks'],
      rows: [
        ['monthly active users (Cognito)', fmt(a.mau), fmt(p.mau)],
        ['token issues (pre-token trigger)', fmt(a.tokens), fmt(p.tokens)],
        ['API requests', fmt(a.apiRequests), fmt(p.apiRequests)],
        ...(Object.keys(FUNCTION_MEMORY_MB) as FunctionName[]).map((f) => {
          // The schedules run the same whatever the scale (schedules()), not from the usage model.
          const lambda = (t: Totals) =>
            f === 'schedules'
              ? `${fmt(sched.runs)} / ${fmt(sched.gbSeconds)}`
              : `${fmt(t.invocations[f])} / ${fmt(t.gbSeconds[f])}`;
          return [`Lambda ${f}: invocations / GB-s`, lambda(a), lambda(p)];
        }),
        ['DynamoDB read request units', fmt(a.rru), fmt(p.rru)],
        ['DynamoDB write request units', fmt(a.wru), fmt(p.wru)],
        [
          'table growth per month (GB, with GSI copies)',
          (a.bytesPerMonth / 1024 ** 3).toFixed(2),
          (p.bytesPerMonth / 1024 ** 3).toFixed(2),
        ],
      ],
    },
    {
      title: 'What moves the total most (prod)',
      columns: ['change', 'park, prod', 'province, prod'],
      rows: [
        ['as modelled', usd(total(parkProd)), usd(total(provinceProd))],
        ...sensitivity.map(([label, opts]) => [
          label,
          usd(total(costLines(PARK, 'prod', opts))),
          usd(total(costLines(PROVINCE, 'prod', opts))),
        ]),
      ],
    },
    {
      title: 'Usage model: per firm (and per park) per month',
      columns: [
        'workflow',
        'route',
        'per firm',
        'per park',
        'why',
        'RRU',
        'WRU',
        'ms',
        'stream: records / consumer RRU / WRU',
      ],
      rows: USAGE.map((u) => {
        const c = callOf(u.route, {});
        const srru = (c.mkt?.[1] ?? 0) + (c.bg?.[1] ?? 0);
        const swru = (c.mkt?.[2] ?? 0) + (c.bg?.[2] ?? 0);
        return [
          u.group,
          u.route,
          u.perFirm ? String(Math.round(u.perFirm * 100) / 100) : '',
          u.perPark ? String(u.perPark) : '',
          u.why ?? '',
          c.rru.toFixed(1),
          c.wru.toFixed(1),
          c.ms.toFixed(0),
          c.rec ? `${c.rec.toFixed(0)} / ${srru.toFixed(1)} / ${swru.toFixed(1)}` : '',
        ];
      }),
    },
  ];
}

const bench: Bench = { name: 'cost model: monthly AWS cost of a park and of a province', run };
export default bench;
