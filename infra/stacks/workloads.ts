import type { RouteGroup } from '@parkbridge/api';
import { parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { allJobs } from '@parkbridge/jobs';
import { createContainer } from '@parkbridge/runtime';
import { Duration } from 'aws-cdk-lib';

/**
 * What runs in the stack, by name: the HTTP functions with the API routes each serves, the stream
 * consumers and the scheduled jobs. The names are the ones the code uses (route groups in
 * packages/api, consumers and jobs in packages/jobs' allJobs()).
 */

export interface HttpFunctionSpec {
  /** Its Lambda entry: composes only its routes and the contexts they reach. */
  entry: string;
  /** The route groups the function mounts (its entry's spec.group). */
  routeGroups: RouteGroup[];
  /** Ships the whole API's OpenAPI document with its bundle, for /openapi.json. */
  openApiDocument?: boolean;
  /** API Gateway routes (any method) behind the JWT authorizer. */
  routes: string[];
  /** GET routes without authorization. */
  publicRoutes?: string[];
  /** Reads the unsubscribe-link key (it serves /v1/me and /v1/email/unsubscribe). */
  unsubscribeLinks?: boolean;
  /** GET and POST routes whose link carries its own signed token, without a login. */
  tokenInLinkRoutes?: string[];
  description: string;
}

/**
 * One function per bounded context. API Gateway picks the most specific route, so a context can
 * own a sub-resource of another's path (bids under needs, the chain map under parks). Anything
 * under /v1 that no context claims reaches core, whose app answers a problem+json 404.
 */
export const HTTP_FUNCTIONS = {
  core: {
    entry: 'functions/http/core.ts',
    openApiDocument: true,
    unsubscribeLinks: true,
    tokenInLinkRoutes: ['/v1/email/unsubscribe'],
    routeGroups: ['core'],
    description:
      'Parks, categories, organisations and their people, invitations, memberships, certificates, notifications, audit, you; meta routes',
    publicRoutes: ['/health', '/openapi.json', '/docs', '/docs/init.js'],
    routes: [
      '/v1/{proxy+}',
      ...['parks', 'categories', 'orgs', 'memberships', 'invitations', 'notifications', 'audit'].flatMap(
        (r) => [`/v1/${r}`, `/v1/${r}/{proxy+}`],
      ),
    ],
  },
  market: {
    entry: 'functions/http/market.ts',
    routeGroups: ['market'],
    description: 'Production chains, needs, listings and matches',
    routes: [
      '/v1/chains',
      '/v1/chains/{proxy+}',
      '/v1/needs',
      '/v1/needs/{needId}',
      '/v1/needs/{needId}/{proxy+}',
      '/v1/matches',
      '/v1/matches/{proxy+}',
      '/v1/listings',
      '/v1/listings/{proxy+}',
    ],
  },
  bidding: {
    entry: 'functions/http/bidding.ts',
    routeGroups: ['bidding'],
    description: 'Questions, bids, auctions, awards and deals; park space offered to investors',
    publicRoutes: ['/v1/public/parks/{parkId}/offerings', '/v1/public/offerings/{offeringId}'],
    routes: [
      '/v1/parks/{parkId}/offerings',
      '/v1/offerings/{offeringId}',
      '/v1/offerings/{offeringId}/{proxy+}',
      '/v1/needs/{needId}/questions',
      '/v1/needs/{needId}/questions/{proxy+}',
      '/v1/needs/{needId}/bids',
      '/v1/needs/{needId}/bids/{proxy+}',
      '/v1/needs/{needId}/auction',
      '/v1/needs/{needId}/award',
      '/v1/needs/{needId}/award/{proxy+}',
      '/v1/orgs/{orgId}/award-requests',
      '/v1/deals',
      '/v1/deals/{proxy+}',
      '/v1/orgs/{orgId}/reputation',
    ],
  },
  expos: {
    entry: 'functions/http/expos.ts',
    routeGroups: ['expos'],
    description: 'Expos, pavilions, slots, bookings and recommendations',
    publicRoutes: ['/v1/public/expos/{expoId}'],
    routes: [
      '/v1/expos',
      '/v1/expos/{proxy+}',
      '/v1/pavilions',
      '/v1/pavilions/{proxy+}',
      '/v1/slots',
      '/v1/slots/{proxy+}',
      '/v1/bookings',
      '/v1/bookings/{proxy+}',
      '/v1/pavilion-recommendations',
    ],
  },
  documents: {
    entry: 'functions/http/documents.ts',
    routeGroups: ['documents'],
    description: 'Uploads (presigned POSTs and their checks) and downloads of files',
    routes: ['/v1/uploads', '/v1/uploads/{proxy+}', '/v1/attachments/{proxy+}'],
  },
  discovery: {
    entry: 'functions/http/discovery.ts',
    routeGroups: ['discovery'],
    description: 'Finding things: public park pages (no token) and the supplier directory',
    publicRoutes: ['/v1/public/{proxy+}'],
    routes: ['/v1/suppliers', '/v1/suppliers/{proxy+}'],
  },
  chainMap: {
    entry: 'functions/http/chain-map.ts',
    routeGroups: ['chain-map'],
    description: "The park's production-chain map",
    routes: [
      '/v1/parks/{parkId}/chain-map',
      '/v1/parks/{parkId}/chain-map.csv',
      '/v1/parks/{parkId}/chain-map/edges',
    ],
  },
} as const satisfies Record<string, HttpFunctionSpec>;

export type HttpFunctionName = keyof typeof HTTP_FUNCTIONS;

/**
 * The function API Gateway sends a concrete path to, and the route that matched: HTTP API route
 * selection, where the most specific route wins and a greedy one comes last.
 */
export function httpFunctionFor(path: string): { fn: HttpFunctionName; route: string } | undefined {
  const segments = path.split('/').filter(Boolean);
  const candidates = Object.entries(HTTP_FUNCTIONS).flatMap(([fn, spec]) =>
    [
      ...spec.routes,
      ...('publicRoutes' in spec ? spec.publicRoutes : []),
      ...('tokenInLinkRoutes' in spec ? spec.tokenInLinkRoutes : []),
    ].map((route) => ({
      fn: fn as HttpFunctionName,
      route,
    })),
  );
  const matching = candidates.filter(({ route }) => {
    const parts = route.split('/').filter(Boolean);
    const greedy = parts.at(-1) === '{proxy+}';
    if (greedy ? segments.length < parts.length : segments.length !== parts.length) return false;
    return parts.every((p, i) => p === '{proxy+}' || /^\{[^}]+\}$/.test(p) || p === segments[i]);
  });
  const score = (route: string) => {
    const parts = route.split('/').filter(Boolean);
    const greedy = parts.at(-1) === '{proxy+}';
    return [greedy ? 0 : 1, parts.filter((p) => !p.startsWith('{')).length, parts.length];
  };
  return matching.sort((a, b) => {
    const [x, y] = [score(a.route), score(b.route)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (y[i] as number) - (x[i] as number);
    return 0;
  })[0];
}

export interface ScheduledJobSpec {
  /** The ScheduledJob's name in allJobs(). */
  name: string;
  every: Duration;
  description: string;
}

/**
 * DynamoDB Streams serves at most two readers per shard before it throttles, so the consumers
 * share two functions rather than one each: the marketplace's interactive path (matching,
 * bidding's reactions and notices), where seconds matter, and everything else. A consumer goes to
 * the first reader one of whose prefixes its name starts with, else to the last reader.
 */
export const STREAM_READERS = [
  { name: 'marketplace', prefixes: ['market.', 'bidding.'] },
  { name: 'background', prefixes: [] },
] as const satisfies readonly { name: string; prefixes: readonly string[] }[];

/** The consumers each reader runs (readers without consumers are left out). */
export function streamReaders(consumers: readonly string[]): { name: string; consumers: string[] }[] {
  const readers = STREAM_READERS.map((r) => ({
    name: r.name,
    prefixes: r.prefixes as readonly string[],
    consumers: [] as string[],
  }));
  for (const consumer of consumers) {
    const reader = readers.find((r) => r.prefixes.some((p) => consumer.startsWith(p))) ?? readers.at(-1)!;
    reader.consumers.push(consumer);
  }
  return readers.filter((r) => r.consumers.length).map(({ name, consumers: c }) => ({ name, consumers: c }));
}

export interface JobsInCode {
  /** Stream consumers by name: each runs in one of the stream readers (STREAM_READERS). */
  consumers: string[];
  /** Scheduled jobs: each becomes an EventBridge Scheduler schedule of the schedules function. */
  schedules: ScheduledJobSpec[];
}

/**
 * The stream consumers and scheduled jobs the code defines (packages/jobs' allJobs()), read at
 * synth time from a container whose client never sends a request. Deriving them keeps the stack
 * and the code from drifting: a consumer added to a context runs without anyone editing infra,
 * and no function is deployed for a name that does not exist.
 */
export function jobsInCode(): JobsInCode {
  const db = createDb({
    tableName: 'synth-only',
    cursorSecret: 'synth-only-never-signs-a-cursor',
    region: 'us-east-1',
  });
  try {
    const jobs = allJobs(createContainer(db, parseRules({})));
    return {
      consumers: jobs.consumers.map((c) => c.name),
      schedules: jobs.schedules.map((j) => ({
        name: j.name,
        // Scheduler's finest rate is a minute; the jobs are idempotent and never needed for correctness.
        every: Duration.minutes(Math.max(1, Math.ceil(j.everyMs / 60_000))),
        description: `Runs the "${j.name}" job`,
      })),
    };
  } finally {
    db.doc.destroy();
  }
}
