import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writeVersioned } from '@parkbridge/db';
import type { PersonRole } from '@parkbridge/domain/core';
import { newId } from '@parkbridge/domain/core';
import { needKey } from '../../../packages/db/src/needs/need.keys';
import { offeringKey } from '../../../packages/db/src/offerings/offering.keys';
import { type Colleague, colleague } from '../../support/people';
import type { Harness, Party } from './harness';
import type { OpenApiDocument } from './openapi';
import { routeKey } from './openapi';

/** Everyone a request can come from. "Own" callers belong to side A, which owns the resources. */
export const CALLERS = [
  'anonymous',
  'tenant',
  'supplier',
  'operator',
  'otherTenant',
  'otherSupplier',
  'otherOperator',
  'newcomer',
] as const;
export type CallerName = (typeof CALLERS)[number];
/** The callers that can own a resource on the happy path. */
export type Member = 'tenant' | 'supplier' | 'operator';

/**
 * The role dimension: each organisation of the matrix has, beside its founding admin, a person of
 * every other role it can give (a firm's buyer, seller and viewer; a park authority's staff).
 */
export const FIRM_PEOPLE = ['buyer', 'seller', 'viewer'] as const;
export const OPERATOR_PEOPLE = ['staff'] as const;
type Relation = Exclude<CallerName, 'anonymous' | 'newcomer'>;
export type PersonCaller =
  | `${'tenant' | 'supplier' | 'otherTenant' | 'otherSupplier'}:${(typeof FIRM_PEOPLE)[number]}`
  | `${'operator' | 'otherOperator'}:${(typeof OPERATOR_PEOPLE)[number]}`;
const RELATIONS: readonly Relation[] = [
  'tenant',
  'supplier',
  'operator',
  'otherTenant',
  'otherSupplier',
  'otherOperator',
];
export const PERSON_CALLERS: readonly PersonCaller[] = RELATIONS.flatMap((r) =>
  (r === 'operator' || r === 'otherOperator' ? OPERATOR_PEOPLE : FIRM_PEOPLE).map(
    (role) => `${r}:${role}` as PersonCaller,
  ),
);
/** A person caller's relation (whose organisation) and role. */
export const personOf = (c: PersonCaller) => {
  const [relation, role] = c.split(':') as [Relation, PersonRole];
  return { relation, role };
};

/** Side A's tenant waits for a second admin on awards above this (a recipe's bid totals 100,000 IRR). */
export const AWARD_APPROVAL_ABOVE = { amount: 50_000, currency: 'IRR' };

export const CALLER_TEXT: Record<CallerName, string> = {
  anonymous: 'no token',
  tenant: 'tenant of the owning org / park',
  supplier: 'supplier of the owning org / park',
  operator: 'operator of the owning park',
  otherTenant: 'tenant of another org / park',
  otherSupplier: 'supplier of another org / park',
  otherOperator: 'operator of another park',
  newcomer: 'signed in, no organisation yet',
};

/** A park with its operator, an approved in-park tenant and an approved supplier. */
export interface Side {
  parkId: string;
  operator: Party;
  tenant: Party;
  supplier: Party;
}

const DAY = 86_400_000;

/** A clock that runs with real time and can jump ahead (to stand after a need's close). */
export function travellingClock() {
  let shift = 0;
  return {
    now: () => new Date(Date.now() + shift),
    advance: (ms: number) => {
      shift += ms;
    },
  };
}
export type TravellingClock = ReturnType<typeof travellingClock>;

/**
 * Two sides (A owns every resource a request is about; B is "another organisation or park"),
 * built through the API, and factories that create fresh resources on side A the way a client
 * would. To cover a new route, add a factory here for what it acts on and a recipe in routes.ts.
 */
export async function buildScenario(h: Harness, doc: OpenApiDocument) {
  const has = (method: string, path: string) => routeKey(method, path) in doc.routes;
  const side = async (): Promise<Side> => {
    const { parkId, operator } = await h.park();
    const approvedIn = { parkId, operatorToken: operator.token };
    const [tenant, supplier] = await Promise.all([
      h.firm({ kinds: ['tenant'], approvedIn }),
      h.firm({ kinds: ['supplier'], approvedIn }),
    ]);
    return { parkId, operator, tenant: tenant!, supplier: supplier! };
  };
  const [a, b] = await Promise.all([side(), side()]);
  /** Side A's tenant asks a second admin above the threshold (set again before each use: the fuzzer's own org changes may move it). */
  const setApprovalThreshold = () =>
    h.mustSettle(200, 'PATCH', `/v1/orgs/${a.tenant.orgId}`, {
      token: a.tenant.token,
      body: { awardApprovalAbove: AWARD_APPROVAL_ABOVE },
    });
  await setApprovalThreshold();

  /** The people of every role in each organisation of the two sides, made on first use. */
  let peopleOnce: Promise<Record<PersonCaller, Colleague>> | undefined;
  const people = () => {
    peopleOnce ??= (async () => {
      const party = (relation: Relation): Party => {
        const [side, kind] = relation.startsWith('other')
          ? [b, relation.slice(5).toLowerCase() as Member]
          : [a, relation as Member];
        return side[kind];
      };
      const made = await Promise.all(
        PERSON_CALLERS.map(async (c) => {
          const { relation, role } = personOf(c);
          return [c, await colleague(h, party(relation), role)] as const;
        }),
      );
      return Object.fromEntries(made) as Record<PersonCaller, Colleague>;
    })();
    return peopleOnce;
  };
  const personToken = async (c: PersonCaller) => (await people())[c].token;

  /** The caller's token; a newcomer is a new user each time (so one that made an org is not reused). */
  const tokenFor = async (caller: CallerName): Promise<string | undefined> =>
    caller === 'newcomer' ? h.login(h.unique('newcomer')) : token(caller);

  const token = (caller: Exclude<CallerName, 'newcomer'>): string | undefined => {
    switch (caller) {
      case 'anonymous':
        return undefined;
      case 'tenant':
      case 'supplier':
      case 'operator':
        return a[caller].token;
      case 'otherTenant':
        return b.tenant.token;
      case 'otherSupplier':
        return b.supplier.token;
      case 'otherOperator':
        return b.operator.token;
    }
  };

  const now = () => h.container.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();

  // Expos: one expo per scenario; slots are laid out on a 2 m grid, a new pavilion when the floor
  // is full. Slot places are handed out synchronously, so concurrent requests never overlap.
  const COLS = 50;
  // A pavilion holds at most 300 slots.
  const ROWS = 5;
  let expoOnce: Promise<string> | undefined;
  let pavilionOnce: Promise<string> | undefined;
  let used = 0;

  function expo(): Promise<string> {
    expoOnce ??= (async () => {
      const start = now() + 30 * DAY;
      const res = await h.must(201, 'POST', '/v1/expos', {
        token: a.operator.token,
        body: {
          parkId: a.parkId,
          name: 'Industrial supply expo',
          startsAt: iso(start),
          endsAt: iso(start + 3 * DAY),
          venue: 'Park exhibition centre',
        },
      });
      return res.body.expoId as string;
    })();
    return expoOnce;
  }

  async function newPavilion(): Promise<string> {
    const res = await h.must(201, 'POST', `/v1/expos/${await expo()}/pavilions`, {
      token: a.operator.token,
      body: { name: 'Hall A', themes: ['24', '25'], floor: { width: COLS * 2, depth: ROWS * 2 } },
    });
    return res.body.pavilionId as string;
  }

  function place(): { pavilion: Promise<string>; n: number } {
    if (!pavilionOnce || used >= COLS * ROWS) {
      pavilionOnce = newPavilion();
      used = 0;
    }
    return { pavilion: pavilionOnce, n: used++ };
  }

  const pavilionId = () => pavilionOnce ?? place().pavilion;

  /**
   * The body of a fresh 2 × 2 m slot. `ownPavilion` puts it on a pavilion of its own, for the
   * slot-creating route itself: slots added to one pavilion at once conflict by design (409).
   */
  async function slotBody(opts: { ownPavilion?: boolean } = {}) {
    const { pavilion, n } = opts.ownPavilion ? { pavilion: newPavilion(), n: 0 } : place();
    return {
      pavilionId: await pavilion,
      body: {
        code: `S-${n}`,
        kind: 'inline',
        area: 4,
        rect: { x: (n % COLS) * 2, y: Math.floor(n / COLS) * 2, w: 2, h: 2 },
        price: { amount: 150_000_000, currency: 'IRR' },
      },
    };
  }

  async function slot(): Promise<string> {
    const { pavilionId: pid, body } = await slotBody();
    // Concurrent tests add slots to the shared pavilion; its layout check refuses all but one
    // (409 pavilion.layout_changed), and the client retries, as the API asks.
    for (let attempt = 1; ; attempt++) {
      const res = await h.call('POST', `/v1/pavilions/${pid}/slots`, { token: a.operator.token, body });
      if (res.status === 201) return res.body.slotId as string;
      if (res.status !== 409 || attempt >= 20) {
        throw new Error(`setup: slot answered ${res.status}: ${res.text.slice(0, 300)}`);
      }
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }

  async function hold(by: 'tenant' | 'supplier' = 'tenant', slotId?: string): Promise<string> {
    const res = await h.must(201, 'POST', `/v1/slots/${slotId ?? (await slot())}/hold`, {
      token: a[by].token,
    });
    return res.body.bookingId as string;
  }

  const exhibitor = { exhibitor: { displayName: 'Alborz Steel', contact: { name: 'Sales desk' } } };

  async function requestedBooking(): Promise<string> {
    const bookingId = await hold();
    await h.must(200, 'POST', `/v1/bookings/${bookingId}/submit`, { token: a.tenant.token, body: exhibitor });
    return bookingId;
  }

  /** A slot held by side A's supplier, so side A's tenant can join its waitlist. */
  async function takenSlot(): Promise<string> {
    const slotId = await slot();
    await hold('supplier', slotId);
    return slotId;
  }

  async function waitlisted(): Promise<string> {
    const slotId = await takenSlot();
    await h.must(201, 'POST', `/v1/slots/${slotId}/waitlist`, { token: a.tenant.token });
    return slotId;
  }

  // Needs: through the API once the market's routes exist; until then written as the bidding
  // integration tests do (same item, versioned, audited).
  async function need(opts: { mode?: 'sealed' | 'auction'; closesInMs?: number } = {}): Promise<string> {
    const closesAt = iso(now() + (opts.closesInMs ?? 2 * DAY));
    if (has('POST', '/v1/needs') && has('POST', '/v1/needs/{needId}/publish')) {
      const res = await h.must(201, 'POST', '/v1/needs', {
        token: a.tenant.token,
        body: needBody(a.parkId, closesAt, opts.mode),
      });
      const needId = res.body.needId as string;
      await h.must(200, 'POST', `/v1/needs/${needId}/publish`, { token: a.tenant.token });
      return needId;
    }
    return writeNeed(h, {
      parkId: a.parkId,
      ownerOrgId: a.tenant.orgId,
      closesAt,
      mode: opts.mode ?? 'sealed',
    });
  }

  /** A need with side A's supplier's bid on it. */
  async function bid(opts: { mode?: 'sealed' | 'auction' } = {}): Promise<string> {
    const needId = await need(opts);
    await h.must(201, 'POST', `/v1/needs/${needId}/bids`, { token: a.supplier.token, body: bidBody(1000) });
    return needId;
  }

  /** A draft need of side A's tenant (market routes only). */
  async function draftNeed(): Promise<string> {
    const res = await h.must(201, 'POST', '/v1/needs', {
      token: a.tenant.token,
      body: needBody(a.parkId, iso(now() + 2 * DAY)),
    });
    return res.body.needId as string;
  }

  /** An active listing of side A's supplier, in the category of the scenario's needs. */
  async function listing(): Promise<string> {
    const res = await h.must(201, 'POST', '/v1/listings', { token: a.supplier.token, body: listingBody() });
    return res.body.listingId as string;
  }

  /** Side A's tenant's production chain, with one input. */
  async function chain(): Promise<{ chainId: string; inputId: string }> {
    const res = await h.must(201, 'POST', '/v1/chains', { token: a.tenant.token, body: chainBody(a.parkId) });
    return { chainId: res.body.chainId as string, inputId: res.body.inputs[0].inputId as string };
  }

  /**
   * An open need that side A's supplier's listing matches, matched at once (as the matching
   * stream consumer would do moments later).
   */
  async function matchedNeed(): Promise<string> {
    await listing();
    const needId = await need();
    const matching = (h.container as any).market?.matching;
    if (typeof matching?.matchNeed === 'function') await matching.matchNeed(needId);
    return needId;
  }

  /** A question side A's supplier asked on a fresh need: `{ needId, questionId }`. */
  async function question(): Promise<{ needId: string; questionId: string }> {
    const needId = await need();
    const res = await h.must(201, 'POST', `/v1/needs/${needId}/questions`, {
      token: a.supplier.token,
      body: { text: 'Is mill certificate EN 10204 3.1 required?' },
    });
    return { needId, questionId: res.body.questionId as string };
  }

  /**
   * A need side A's supplier bid on, past its close: ready to award. The close is moved into the
   * past on the item itself (as the clock would move it), not by moving the shared clock, which
   * would close every other test's needs at once.
   */
  async function awardable(): Promise<{ needId: string; bidId: string }> {
    const needId = await need();
    const res = await h.must(201, 'POST', `/v1/needs/${needId}/bids`, {
      token: a.supplier.token,
      body: bidBody(1000),
    });
    const closed = h.container.clock.now().getTime() - 1000;
    await h.db.doc.send(
      new UpdateCommand({
        TableName: h.db.tableName,
        Key: needKey(needId),
        UpdateExpression: 'SET closesAt = :at, closesAtMs = :ms',
        ExpressionAttributeValues: { ':at': iso(closed), ':ms': closed },
      }),
    );
    return { needId, bidId: res.body.bidId as string };
  }

  /**
   * An offering of side A's park (its operator's), published unless `draft`; `bidBy` bids on it,
   * and `closed` moves its close into the past on the item itself (as for an awardable need).
   */
  async function offering(
    opts: { draft?: boolean; mode?: 'sealed' | 'auction'; bidBy?: Member; closed?: boolean } = {},
  ): Promise<{ offeringId: string; bidId: string | null }> {
    const res = await h.must(201, 'POST', `/v1/parks/${a.parkId}/offerings`, {
      token: a.operator.token,
      body: offeringBody(iso(now() + 2 * DAY), opts.mode),
    });
    const offeringId = res.body.offeringId as string;
    if (opts.draft) return { offeringId, bidId: null };
    await h.must(200, 'POST', `/v1/offerings/${offeringId}/publish`, { token: a.operator.token });
    let bidId: string | null = null;
    if (opts.bidBy) {
      const bid = await h.must(201, 'POST', `/v1/offerings/${offeringId}/bids`, {
        token: a[opts.bidBy].token,
        body: offeringBidBody(2_000_000),
      });
      bidId = bid.body.bidId as string;
    }
    if (opts.closed) {
      const closed = h.container.clock.now().getTime() - 1000;
      await h.db.doc.send(
        new UpdateCommand({
          TableName: h.db.tableName,
          Key: offeringKey(offeringId),
          UpdateExpression: 'SET closesAt = :at, closesAtMs = :ms',
          ExpressionAttributeValues: { ':at': iso(closed), ':ms': closed },
        }),
      );
    }
    return { offeringId, bidId };
  }

  const DEAL_STEPS = [
    ['confirm', 'supplier'],
    ['deliver', 'supplier'],
    ['accept-delivery', 'tenant'],
  ] as const;
  type DealStage = 'awarded' | 'confirmed' | 'delivered' | 'accepted';

  /** A deal between side A's tenant (buyer) and supplier (seller), taken to `stage`. */
  async function deal(stage: DealStage = 'awarded'): Promise<string> {
    const { needId, bidId } = await awardable();
    const res = await h.must(201, 'POST', `/v1/needs/${needId}/award`, {
      token: a.tenant.token,
      body: { bidId },
    });
    const dealId = res.body.dealId as string;
    const steps = { awarded: 0, confirmed: 1, delivered: 2, accepted: 3 }[stage];
    for (const [step, who] of DEAL_STEPS.slice(0, steps)) {
      await h.must(200, 'POST', `/v1/deals/${dealId}/${step}`, { token: a[who].token });
    }
    return dealId;
  }

  /** Amends the need (bids placed before need reconfirmation). */
  async function amend(needId: string): Promise<void> {
    if (has('POST', '/v1/needs/{needId}/amend')) {
      await h.must(200, 'POST', `/v1/needs/${needId}/amend`, {
        token: a.tenant.token,
        body: { quantity: 120, reason: 'The mill needs more.' },
      });
      return;
    }
    const at = h.container.clock.now();
    await h.db.doc.send(
      new UpdateCommand({
        TableName: h.db.tableName,
        Key: needKey(needId),
        UpdateExpression: 'SET amendmentCount = amendmentCount + :one, amendedAt = :at, amendedAtMs = :ms',
        ExpressionAttributeValues: { ':one': 1, ':at': at.toISOString(), ':ms': at.getTime() },
      }),
    );
  }

  /** A certificate side A's supplier claimed, awaiting the operator's verification. */
  async function certificate(): Promise<string> {
    const res = await h.must(201, 'POST', `/v1/orgs/${a.supplier.orgId}/certificates`, {
      token: a.supplier.token,
      body: certificateBody(),
    });
    return res.body.certId as string;
  }

  /** A new firm whose application to side A's park is pending. */
  async function applicant(): Promise<string> {
    return (await h.firm({ kinds: ['supplier'], pendingIn: a.parkId })).orgId;
  }

  async function member(): Promise<string> {
    return (
      await h.firm({ kinds: ['supplier'], approvedIn: { parkId: a.parkId, operatorToken: a.operator.token } })
    ).orgId;
  }

  async function suspendedMember(): Promise<string> {
    const orgId = await member();
    await h.must(200, 'POST', `/v1/parks/${a.parkId}/memberships/${orgId}/suspend`, {
      token: a.operator.token,
      body: { reason: 'Unpaid fees' },
    });
    return orgId;
  }

  /** An unread notification of side A's tenant (its booking was confirmed). */
  async function notification(): Promise<string> {
    const bookingId = await requestedBooking();
    await h.must(200, 'POST', `/v1/bookings/${bookingId}/approve`, { token: a.operator.token });
    const list = await h.must(200, 'GET', '/v1/notifications?unread=true&limit=1', { token: a.tenant.token });
    const first = list.body.items[0];
    if (!first) throw new Error('setup: no notification for the tenant');
    return first.notificationId as string;
  }

  /**
   * A need of side A's tenant past its close whose award a buyer asked for: above the tenant's
   * approval threshold, so it waits for another admin.
   */
  async function pendingAward(): Promise<string> {
    const { needId, bidId } = await awardable();
    await setApprovalThreshold();
    await h.must(202, 'POST', `/v1/needs/${needId}/award`, {
      token: await personToken('tenant:buyer'),
      body: { bidId },
    });
    return needId;
  }

  /** A new person of side A's `who` with `role`, through an invitation. */
  const newColleague = (who: Member, role: PersonRole) => colleague(h, a[who], role);

  /** A pending invitation of side A's tenant to a new address; the address's owner's token. */
  async function invitation(): Promise<{ invitationId: string; inviteeToken: string }> {
    const email = h.unique('invitee');
    const res = await h.must(201, 'POST', `/v1/orgs/${a.tenant.orgId}/invitations`, {
      token: a.tenant.token,
      body: { email, role: 'viewer' },
    });
    return { invitationId: res.body.invitationId as string, inviteeToken: await h.login(email) };
  }

  /** The ETag a read of `path` returns to `caller`, for If-Match. */
  async function etag(caller: Member, path: string): Promise<string> {
    const res = await h.must(200, 'GET', path, { token: a[caller].token });
    return res.headers.get('etag') ?? '';
  }

  /**
   * An upload of side A's member, its bytes sent to the object store; `complete` also checks it,
   * and `attachedToNeed` puts it on a fresh open need of side A's tenant (its files are seen by
   * whoever sees the need).
   */
  async function file(
    who: Member,
    opts: { complete?: boolean; attachedToNeed?: boolean } = {},
  ): Promise<string> {
    const bytes = Buffer.from('%PDF-1.7\n%%EOF\n');
    const started = await h.must(201, 'POST', '/v1/uploads', {
      token: a[who].token,
      body: { purpose: 'need', fileName: 'drawing.pdf', contentType: 'application/pdf', size: bytes.length },
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(started.body.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([bytes]), 'drawing.pdf');
    const sent = await fetch(started.body.url as string, { method: 'POST', body: form });
    if (sent.status >= 300) throw new Error(`the object store refused the file: ${sent.status}`);
    const uploadId = started.body.uploadId as string;
    if (!opts.complete && !opts.attachedToNeed) return uploadId;
    await h.must(200, 'POST', `/v1/uploads/${uploadId}/complete`, { token: a[who].token });
    if (opts.attachedToNeed) {
      const res = await h.must(201, 'POST', '/v1/needs', {
        token: a.tenant.token,
        body: { ...needBody(a.parkId, iso(now() + 2 * DAY)), attachments: [uploadId] },
      });
      await h.must(200, 'POST', `/v1/needs/${res.body.needId}/publish`, { token: a.tenant.token });
    }
    return uploadId;
  }

  return {
    h,
    doc,
    a,
    b,
    file,
    token,
    tokenFor,
    has,
    travel: (ms: number) => (h.container.clock as unknown as TravellingClock).advance(ms),
    expo,
    pavilionId,
    slotBody,
    slot,
    hold,
    requestedBooking,
    takenSlot,
    waitlisted,
    exhibitor,
    need,
    bid,
    awardable,
    offering,
    deal,
    amend,
    draftNeed,
    listing,
    chain,
    matchedNeed,
    question,
    certificate,
    applicant,
    member,
    suspendedMember,
    notification,
    etag,
    people,
    personToken,
    pendingAward,
    newColleague,
    invitation,
  };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;

export const needBody = (parkId: string, closesAt: string, mode: 'sealed' | 'auction' = 'sealed') => ({
  title: 'Cold-rolled steel coil, 2 mm',
  description: 'Monthly supply for the pipe mill.',
  category: '2410',
  quantity: 100,
  unit: 't',
  parkId,
  currency: 'IRR',
  closesAt,
  mode,
});

export const offeringBody = (closesAt: string, mode: 'sealed' | 'auction' = 'sealed') => ({
  kind: 'workshop',
  title: 'Workshop unit W-12',
  description: 'A 600 m² workshop unit with a 10 t crane.',
  area: 600,
  utilities: { powerKw: 250, gas: false },
  terms: 'lease',
  leaseYears: 10,
  reservePrice: { amount: 1_000_000, currency: 'IRR' },
  mode,
  closesAt,
});

export const offeringBidBody = (amount: number) => ({
  price: { amount, currency: 'IRR' },
  plan: {
    category: '2592',
    investment: { amount: 50_000_000, currency: 'IRR' },
    jobs: 25,
    startWithinMonths: 4,
  },
});

export const listingBody = () => ({
  kind: 'product',
  title: 'Hot-rolled steel coil',
  description: 'S235JR, 1.5–6 mm, mill certificate 3.1.',
  category: '2410',
  unit: 't',
  leadTimeDays: 10,
  serviceArea: { scope: 'national' },
  indicativePrice: { amount: 950, currency: 'IRR' },
});

export const chainBody = (parkId: string) => ({
  parkId,
  output: { category: '2420', name: 'Seamless steel pipe' },
  inputs: [
    { category: '2410', name: 'Steel coil', quantity: 120, unit: 't', period: 'month', source: 'in_country' },
  ],
});

export const bidBody = (amount: number) => ({
  unitPrice: { amount, currency: 'IRR' },
  quantity: 100,
  leadTimeDays: 14,
  validUntil: '2099-01-01T00:00:00Z',
});

export const certificateBody = () => ({
  kind: 'iso_9001',
  number: `N-${Math.floor(Math.random() * 1e9)}`,
  issuer: 'Test issuer',
  validUntil: '2099-12-31',
});

/** An open need item, for as long as the market context has no route that publishes one. */
async function writeNeed(
  h: Harness,
  o: { parkId: string; ownerOrgId: string; closesAt: string; mode: 'sealed' | 'auction' },
): Promise<string> {
  const now = h.container.clock.now().toISOString();
  const closesAtMs = Date.parse(o.closesAt);
  const needId = newId('need');
  const need = {
    needId,
    ownerOrgId: o.ownerOrgId,
    ...needBody(o.parkId, o.closesAt, o.mode),
    closesAtMs,
    originalClosesAt: o.closesAt,
    ...(o.mode === 'auction' ? { auction: { minDecrementBps: 100, maxExtensions: 3 } } : {}),
    requiredCertificates: [],
    parkFirstHours: 0,
    visibility: 'public',
    status: 'open',
    extensionCount: 0,
    publishedAt: now,
    parkFirstUntil: null,
    parkFirstUntilMs: 0,
    amendmentCount: 0,
    cancelReason: null,
    awardedBidId: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await writeVersioned(h.db, {
    keys: needKey(needId),
    entityId: needId,
    next: need as never,
    prev: null,
    audit: {
      action: 'need.published',
      actor: { userId: 'scenario', orgId: o.ownerOrgId },
      before: null,
      after: need,
      parkId: o.parkId,
    },
    extra: { type: 'need' },
  });
  return needId;
}
