import { api } from '../api/client';
import type { User } from '../api/types';
import type { AppConfig, CognitoConfig } from './config';
import { getRefreshToken, getSession, setSession } from './session';

const LAST_EMAIL = 'parkbridge.email';
const PKCE = 'parkbridge.pkce';

/** Local server only: POST /v1/dev/login. */
export async function devLogin(email: string): Promise<User> {
  const res = await api.post<{ token: string; user: User }>('/v1/dev/login', { email });
  setSession(res.token, null);
  try {
    sessionStorage.setItem(LAST_EMAIL, email);
  } catch {}
  return res.user;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const redirectUri = (c: CognitoConfig) => c.redirectUri ?? `${location.origin}/`;

/** Cognito's hosted sign-in, authorization code with PKCE (no client secret in a browser). */
export function startCognitoLogin(cognito: CognitoConfig, next: string) {
  return startHosted(cognito, next, '/oauth2/authorize');
}

/**
 * Cognito's hosted sign-up, for someone invited who has no account yet: they choose their own
 * password and confirm their address with Cognito, and come back signed in (nobody is sent a
 * temporary password). It takes the same parameters as sign-in.
 */
export function startCognitoSignUp(cognito: CognitoConfig, next: string) {
  return startHosted(cognito, next, '/signup');
}

async function startHosted(cognito: CognitoConfig, next: string, path: string) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, next }));
  const url = new URL(path, cognito.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: redirectUri(cognito),
    scope: (cognito.scopes ?? ['openid', 'email', 'profile']).join(' '),
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  }).toString();
  location.assign(url.toString());
}

async function tokenRequest(cognito: CognitoConfig, body: Record<string, string>) {
  const res = await fetch(new URL('/oauth2/token', cognito.domain), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: cognito.clientId, ...body }),
  });
  if (!res.ok) throw new Error(`Cognito token endpoint answered ${res.status}`);
  return (await res.json()) as { id_token: string; refresh_token?: string };
}

/** Whether this page load is the hosted UI coming back with ?code=…&state=… for a sign-in we started. */
export const isCognitoReturn = (params: URLSearchParams) =>
  params.has('code') && params.has('state') && !!sessionStorage.getItem(PKCE);

/** The hosted UI came back with ?code=…&state=…: trade it for tokens. Returns where to go next. */
export async function finishCognitoLogin(cognito: CognitoConfig, params: URLSearchParams): Promise<string> {
  const saved = JSON.parse(sessionStorage.getItem(PKCE) ?? 'null') as {
    verifier: string;
    state: string;
    next: string;
  } | null;
  sessionStorage.removeItem(PKCE);
  const code = params.get('code');
  if (!saved || !code || params.get('state') !== saved.state) throw new Error('Sign-in state mismatch');
  const tokens = await tokenRequest(cognito, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(cognito),
    code_verifier: saved.verifier,
  });
  // The API reads the ID token's claims (org, cognito:groups): it is the bearer token.
  setSession(tokens.id_token, tokens.refresh_token ?? null);
  return saved.next || '/';
}

/**
 * After POST /v1/orgs the token still lacks the new organisation (docs/api.md): log in again locally,
 * refresh with Cognito.
 */
export async function renewSession(config: AppConfig) {
  if (config.cognito) {
    const refresh = getRefreshToken();
    if (!refresh) return startCognitoLogin(config.cognito, '/');
    const tokens = await tokenRequest(config.cognito, {
      grant_type: 'refresh_token',
      refresh_token: refresh,
    });
    setSession(tokens.id_token);
    return;
  }
  const email = getSession()?.email ?? sessionStorage.getItem(LAST_EMAIL);
  if (email) await devLogin(email);
}

export function logout(config: AppConfig) {
  setSession(null, null);
  if (config.cognito) {
    const url = new URL('/logout', config.cognito.domain);
    url.search = new URLSearchParams({
      client_id: config.cognito.clientId,
      logout_uri: config.cognito.logoutUri ?? `${location.origin}/`,
    }).toString();
    location.assign(url.toString());
  }
}
