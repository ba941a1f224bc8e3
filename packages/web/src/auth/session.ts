import { useSyncExternalStore } from 'react';

export type Role = 'tenant' | 'supplier' | 'operator';
const ROLES: readonly Role[] = ['tenant', 'supplier', 'operator'];

/** A person's role in their organisation (docs/api.md, "People and roles"). */
export type PersonRole = 'admin' | 'buyer' | 'seller' | 'viewer' | 'staff';
export const PERSON_ROLES: readonly PersonRole[] = ['admin', 'buyer', 'seller', 'viewer', 'staff'];

export interface Session {
  token: string;
  userId: string;
  orgId: string | null;
  roles: Role[];
  /** The person's role in `orgId`; null without an organisation. */
  personRole: PersonRole | null;
  email: string | null;
  /** Epoch ms; null when the token does not say. */
  expiresAt: number | null;
}

const TOKEN_KEY = 'parkbridge.token';
const REFRESH_KEY = 'parkbridge.refresh';

function decodePayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const b64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function parseGroups(raw: unknown): Role[] {
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return list.filter((g): g is Role => ROLES.includes(g as Role));
}

/** The claims the API reads (docs/api.md): the same from the local login and from Cognito. */
export function sessionFromToken(token: string): Session | null {
  const claims = decodePayload(token);
  if (!claims || typeof claims.sub !== 'string') return null;
  const org = claims.org ?? claims['custom:org'];
  const orgId = typeof org === 'string' && org ? org : null;
  const role = claims.role;
  return {
    token,
    userId: claims.sub,
    orgId,
    roles: parseGroups(claims.groups ?? claims['cognito:groups']),
    personRole: orgId && PERSON_ROLES.includes(role as PersonRole) ? (role as PersonRole) : null,
    email: typeof claims.email === 'string' ? claims.email : null,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  };
}

let current: Session | null = (() => {
  try {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const s = token ? sessionFromToken(token) : null;
    return s && (s.expiresAt === null || s.expiresAt > Date.now()) ? s : null;
  } catch {
    return null;
  }
})();
const listeners = new Set<() => void>();

export const getSession = (): Session | null => current;

export function setSession(token: string | null, refreshToken?: string | null) {
  current = token ? sessionFromToken(token) : null;
  try {
    if (current) sessionStorage.setItem(TOKEN_KEY, token as string);
    else sessionStorage.removeItem(TOKEN_KEY);
    if (refreshToken !== undefined) {
      if (refreshToken) sessionStorage.setItem(REFRESH_KEY, refreshToken);
      else sessionStorage.removeItem(REFRESH_KEY);
    }
  } catch {}
  for (const l of listeners) l();
}

export const getRefreshToken = (): string | null => {
  try {
    return sessionStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
};

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useSession = (): Session | null => useSyncExternalStore(subscribe, getSession);

export const hasRole = (s: Session | null, role: Role) => !!s?.roles.includes(role);
