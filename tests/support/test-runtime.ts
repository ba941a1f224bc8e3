import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Role } from '@parkbridge/domain/core';
import { inject } from 'vitest';
import { type LocalRuntimeOptions, startLocalRuntime } from '../../functions/local/local-runtime';

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A Parkbridge runtime for one test file: its own table in the run's DynamoDB Local, the real
 * container and Hono app, and helpers that speak HTTP to it the way a client would.
 */
export async function startTestRuntime(options: Omit<LocalRuntimeOptions, 'endpoint' | 'tableName'> = {}) {
  const runtime = await startLocalRuntime({
    ...options,
    endpoint: inject('dynamoEndpoint'),
    tableName: `t-${randomUUID()}`,
    onError: options.onError ?? ((err) => console.error(err)),
  });

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
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Logs in through the dev route, as the web app does locally. */
  async function login(email: string): Promise<string> {
    const res = await call('POST', '/v1/dev/login', { body: { email } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }

  let seq = 0;
  const unique = (label: string) => `${label}-${++seq}-${randomUUID().slice(0, 8)}@test.parkbridge`;

  /** An operator organisation (made directly: the API never lets a firm declare itself operator). */
  async function operator(label = 'operator') {
    const now = runtime.container.clock.now().toISOString();
    const email = unique(label);
    await login(email);
    const user = await runtime.container.repos.users.getByEmail(email);
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
      user!.userId,
      { action: 'org.created', actor: { userId: 'test', orgId: null }, before: null, after: null },
    );
    return { token: await login(email), orgId, userId: user!.userId, email };
  }

  /** An operator with a park of its own. */
  async function park(overrides: Record<string, unknown> = {}) {
    const op = await operator();
    const res = await call('POST', '/v1/parks', {
      token: op.token,
      body: {
        name: 'Eshtehard Industrial Town',
        country: 'IR',
        location: { lat: 35.72472, lon: 50.37167 },
        currency: 'IRR',
        timeZone: 'Asia/Tehran',
        ...overrides,
      },
    });
    if (res.status !== 201) throw new Error(`park failed: ${JSON.stringify(res.body)}`);
    return { operator: op, parkId: res.body.parkId as string, park: res.body };
  }

  /**
   * A firm with a user, and optionally an approved membership of a park (approved by that park's
   * operator token) as the given kinds.
   */
  async function firm(opts: {
    kinds: ('tenant' | 'supplier')[];
    name?: string;
    country?: string;
    location?: { lat: number; lon: number };
    approvedIn?: { parkId: string; operatorToken: string; as?: ('tenant' | 'supplier')[] };
  }) {
    const email = unique(opts.kinds.join('-'));
    let token = await login(email);
    const created = await call('POST', '/v1/orgs', {
      token,
      body: {
        name: opts.name ?? `Firm ${seq}`,
        kinds: opts.kinds,
        country: opts.country ?? 'IR',
        ...(opts.location ? { location: opts.location } : {}),
      },
    });
    if (created.status !== 201) throw new Error(`org failed: ${JSON.stringify(created.body)}`);
    token = await login(email);
    const orgId = created.body.orgId as string;
    if (opts.approvedIn) {
      const { parkId, operatorToken, as } = opts.approvedIn;
      const applied = await call('POST', `/v1/parks/${parkId}/memberships`, {
        token,
        body: as ? { as } : {},
      });
      if (applied.status !== 201) throw new Error(`apply failed: ${JSON.stringify(applied.body)}`);
      const ok = await call('POST', `/v1/parks/${parkId}/memberships/${orgId}/approve`, {
        token: operatorToken,
      });
      if (ok.status !== 200) throw new Error(`approve failed: ${JSON.stringify(ok.body)}`);
    }
    return { token, orgId, email, roles: opts.kinds as Role[] };
  }

  /** Claims a certificate for the firm and has the operator verify it. */
  async function verifiedCertificate(
    firmToken: string,
    orgId: string,
    operatorToken: string,
    kind = 'iso_9001',
    validUntil = '2099-12-31',
  ) {
    const claimed = await call('POST', `/v1/orgs/${orgId}/certificates`, {
      token: firmToken,
      body: { kind, number: `N-${seq}`, issuer: 'Test issuer', validUntil },
    });
    if (claimed.status !== 201) throw new Error(`claim failed: ${JSON.stringify(claimed.body)}`);
    const verified = await call('POST', `/v1/orgs/${orgId}/certificates/${claimed.body.certId}/verify`, {
      token: operatorToken,
    });
    if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
    return verified.body;
  }

  /**
   * Serves the app on a real port (for concurrency tests: real parallel HTTP requests, each its own
   * connection). Returns a fetch-like `http` helper and `close`.
   */
  async function listen() {
    const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => server.once('listening', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    async function http<T = any>(
      method: string,
      path: string,
      opts: CallOptions = {},
    ): Promise<CallResult<T>> {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
      if (body) headers['content-type'] ??= 'application/json';
      const res = await fetch(base + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      return { status: res.status, body: parsed as T, headers: res.headers };
    }
    return { base, http, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  return { ...runtime, call, login, operator, park, firm, verifiedCertificate, unique, listen };
}

export type TestRuntime = Awaited<ReturnType<typeof startTestRuntime>>;
