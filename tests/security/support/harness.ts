import { randomUUID } from 'node:crypto';
import type { Role } from '@parkbridge/domain/core';
import type { LocalRuntime } from '../../../functions/local/local-runtime';

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface Party {
  token: string;
  orgId: string;
  email: string;
  userId: string;
}

/**
 * The API as a client sees it, on an in-process runtime (tests and benchmarks alike): `call`
 * goes through `app.request`, so no port is needed. Independent of vitest so the benchmarks and
 * `npm run perf:doc` can build the same scenarios.
 */
export function harnessFor(runtime: LocalRuntime) {
  async function call<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await runtime.app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }

  /** Fails loudly when a setup step does not answer what it must. */
  async function must<T = any>(status: number, method: string, path: string, opts: CallOptions = {}) {
    const res = await call<T>(method, path, opts);
    if (res.status !== status) {
      throw new Error(
        `setup ${method} ${path} answered ${res.status}, not ${status}: ${res.text.slice(0, 500)}`,
      );
    }
    return res;
  }

  /**
   * A setup write that may lose a race with the requests under test (the fuzzer's, say): a 409 is
   * tried again, a few times, before it must answer `status`.
   */
  async function mustSettle<T = any>(status: number, method: string, path: string, opts: CallOptions = {}) {
    for (let attempt = 1; attempt < 5; attempt++) {
      const res = await call<T>(method, path, opts);
      if (res.status !== 409) return res.status === status ? res : must<T>(status, method, path, opts);
    }
    return must<T>(status, method, path, opts);
  }

  async function login(email: string): Promise<string> {
    return (await must(200, 'POST', '/v1/dev/login', { body: { email } })).body.token as string;
  }

  let seq = 0;
  const unique = (label: string) => `${label}-${++seq}-${randomUUID().slice(0, 8)}@scenario.parkbridge`;

  async function userIdOf(email: string): Promise<string> {
    const user = await runtime.container.repos.users.getByEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    return user.userId;
  }

  /** An operator organisation: made directly, as the API never lets a firm declare itself operator. */
  async function operator(label = 'operator'): Promise<Party> {
    const now = runtime.container.clock.now().toISOString();
    const email = unique(label);
    await login(email);
    const userId = await userIdOf(email);
    const orgId = `org_${randomUUID().replaceAll('-', '').slice(0, 26).toUpperCase()}`;
    await runtime.container.repos.orgs.createWithFounder(
      {
        orgId,
        name: `Park authority ${seq}`,
        kinds: ['operator'],
        country: 'IR',
        createdAt: now,
        updatedAt: now,
        version: 0,
      },
      userId,
      { action: 'org.created', actor: { userId: 'scenario', orgId: null }, before: null, after: null },
    );
    return { token: await login(email), orgId, userId, email };
  }

  async function park(overrides: Record<string, unknown> = {}) {
    const op = await operator();
    const res = await must(201, 'POST', '/v1/parks', {
      token: op.token,
      body: {
        name: `Eshtehard Industrial Town ${seq}`,
        country: 'IR',
        location: { lat: 35.72472, lon: 50.37167 },
        currency: 'IRR',
        timeZone: 'Asia/Tehran',
        ...overrides,
      },
    });
    return { operator: op, parkId: res.body.parkId as string };
  }

  /** A firm with one user; approved in a park when `approvedIn` says so. */
  async function firm(opts: {
    kinds: ('tenant' | 'supplier')[];
    name?: string;
    approvedIn?: { parkId: string; operatorToken: string; as?: ('tenant' | 'supplier')[] };
    /** Apply to this park and leave the application pending. */
    pendingIn?: string;
  }): Promise<Party & { roles: Role[] }> {
    const email = unique(opts.kinds.join('-'));
    let token = await login(email);
    const created = await must(201, 'POST', '/v1/orgs', {
      token,
      body: {
        name: opts.name ?? `Firm ${seq}`,
        kinds: opts.kinds,
        country: 'IR',
        location: { lat: 35.7, lon: 50.4 },
      },
    });
    token = await login(email);
    const orgId = created.body.orgId as string;
    const applyTo = opts.approvedIn?.parkId ?? opts.pendingIn;
    if (applyTo) {
      const as = opts.approvedIn?.as;
      await must(201, 'POST', `/v1/parks/${applyTo}/memberships`, { token, body: as ? { as } : {} });
    }
    if (opts.approvedIn) {
      await must(200, 'POST', `/v1/parks/${opts.approvedIn.parkId}/memberships/${orgId}/approve`, {
        token: opts.approvedIn.operatorToken,
      });
    }
    return { token, orgId, email, userId: await userIdOf(email), roles: opts.kinds as Role[] };
  }

  return {
    ...runtime,
    call,
    must,
    mustSettle,
    login,
    unique,
    operator,
    park,
    firm,
  };
}

export type Harness = ReturnType<typeof harnessFor>;
