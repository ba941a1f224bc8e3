import { type Caller, ROLES, type Role, requireCaller } from '@parkbridge/domain/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/** Turns a request into a verified caller (null: no or bad credentials). Local and Lambda differ only here. */
export type CallerResolver = (c: Context<AppEnv>) => Promise<Caller | null>;

/** Claims as docs/api.md defines them; the same whether jose verified them or API Gateway did. */
export function callerFromClaims(claims: Record<string, unknown>): Caller | null {
  const sub = claims.sub;
  if (typeof sub !== 'string' || !sub) return null;
  const org = claims.org ?? claims['custom:org'];
  return {
    userId: sub,
    orgId: typeof org === 'string' && org ? org : null,
    roles: parseGroups(claims.groups ?? claims['cognito:groups']),
  };
}

// API Gateway hands array claims to the Lambda as one string, "[tenant supplier]".
function parseGroups(raw: unknown): Role[] {
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return list.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
}

/** Sets `caller` for every request; routes then declare who they admit with `secured` (openapi.ts). */
export function authenticate(resolve: CallerResolver): MiddlewareHandler<AppEnv> {
  return async function authenticateCaller(c, next) {
    c.set('caller', await resolve(c));
    await next();
  };
}

/** The caller, for handlers behind `allow` (which guarantees one). */
export const callerOf = (c: Context<AppEnv>): Caller => requireCaller(c.get('caller'));
