import { EnvName } from './env-names';

/**
 * Every quota of Parkbridge, in one place: per action that costs others (a notification, an
 * operator's review, storage, a place in a race), how many times a person and an organisation may
 * take it per window. Past a limit the API answers 429 `rate_limited` with `Retry-After`. Each
 * limit can be changed, or turned off, with an environment variable named by quotaEnvName (for
 * example PARKBRIDGE_QUOTA_QUESTION_ASK_ORG=120/3600, or =off). docs/security.md lists them.
 *
 * A new action (invitations, say) is one line here and one `quotas.charges(caller, action)` where
 * the action writes.
 */

const HOUR = 3600;
const DAY = 86_400;

export interface QuotaLimit {
  /** How many units (actions, or bytes for upload.bytes) a window admits. */
  limit: number;
  windowS: number;
}

export interface ActionQuota {
  user?: QuotaLimit;
  org?: QuotaLimit;
  /** What the action costs, for the docs. */
  why: string;
}

const per = (limit: number, windowS: number): QuotaLimit => ({ limit, windowS });

export const QUOTA_DEFAULTS = {
  'question.ask': {
    user: per(30, HOUR),
    org: per(60, HOUR),
    why: 'each question notifies the need’s owner and can move its close',
  },
  'need.create': {
    user: per(60, HOUR),
    org: per(200, DAY),
    why: 'each published need notifies matching suppliers',
  },
  'listing.create': {
    user: per(60, HOUR),
    org: per(200, DAY),
    why: 'each listing is matched against open needs',
  },
  'bid.place': {
    user: per(120, HOUR),
    org: per(300, HOUR),
    why: 'bids and revisions notify the owner and move auctions',
  },
  'slot.hold': { user: per(60, HOUR), org: per(120, HOUR), why: 'a hold takes a slot from every other firm' },
  'waitlist.join': {
    user: per(60, HOUR),
    org: per(120, HOUR),
    why: 'places are offered to the firms in line',
  },
  'membership.apply': { org: per(30, DAY), why: 'each application waits on a park operator' },
  'certificate.claim': { org: per(30, DAY), why: 'each claim waits on a park operator' },
  'deal.message': {
    user: per(120, HOUR),
    org: per(300, HOUR),
    why: 'each message notifies the other party',
  },
  'upload.create': { user: per(200, HOUR), org: per(1000, DAY), why: 'storage and a malware scan' },
  'upload.bytes': { org: per(5 * 1024 ** 3, DAY), why: 'storage: bytes a firm may upload per day' },
} as const satisfies Record<string, ActionQuota>;

export type QuotaAction = keyof typeof QUOTA_DEFAULTS;
export type QuotaScope = 'user' | 'org';
export type QuotaLimits = Record<string, { user?: QuotaLimit; org?: QuotaLimit }>;

/** PARKBRIDGE_QUOTA_<ACTION>_<SCOPE>: `question.ask` for an organisation is PARKBRIDGE_QUOTA_QUESTION_ASK_ORG. */
export const quotaEnvName = (action: string, scope: QuotaScope) =>
  `${EnvName.quotaPrefix}${action.replace(/\./g, '_').toUpperCase()}_${scope.toUpperCase()}`;

/** The limits in force: the defaults above, each overridable as `<limit>/<windowS>` or `off`. */
export function parseQuotas(env: Record<string, string | undefined>): QuotaLimits {
  const out: QuotaLimits = {};
  for (const [action, defaults] of Object.entries(QUOTA_DEFAULTS) as [string, ActionQuota][]) {
    const limits: { user?: QuotaLimit; org?: QuotaLimit } = {};
    for (const scope of ['user', 'org'] as const) {
      const name = quotaEnvName(action, scope);
      const raw = env[name]?.trim();
      const value = raw ? parseLimit(name, raw) : defaults[scope];
      if (value) limits[scope] = value;
    }
    out[action] = limits;
  }
  return out;
}

function parseLimit(name: string, raw: string): QuotaLimit | undefined {
  if (raw === 'off') return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const limit = Number(m?.[1]);
  const windowS = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(limit) || windowS < 1 || windowS > 31 * DAY) {
    throw new Error(`${name} must be <limit>/<window in seconds> (e.g. 60/3600) or off, not "${raw}".`);
  }
  return { limit, windowS };
}

/** Every limit a factor higher: for test harnesses that make many things on purpose. */
export function scaledQuotas(limits: QuotaLimits, factor: number): QuotaLimits {
  return Object.fromEntries(
    Object.entries(limits).map(([action, l]) => [
      action,
      Object.fromEntries(
        Object.entries(l).map(([scope, q]) => [scope, { limit: q.limit * factor, windowS: q.windowS }]),
      ),
    ]),
  );
}

/**
 * What AWS WAF admits at the edge in prod, per 5 minutes, before a request reaches the API: a
 * guard against floods, far above what a person does (the quotas above are the product's limits).
 * The per-IP ceiling is high because many firms can share one carrier NAT; each of their people
 * still has the per-caller limit.
 */
export const EDGE_RATE_LIMITS = {
  /** One signed-in caller (one bearer token): polling an auction every 2 s makes 150. */
  perCaller: 1_500,
  /** One IP address, requests without a token (the web app's files, public pages). */
  perIpWithoutToken: 2_000,
  /** One IP address, every request. */
  perIp: 20_000,
} as const;
