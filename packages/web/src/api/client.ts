import type { AppConfig } from '../auth/config';
import { getSession, setSession } from '../auth/session';

export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457, as the API sends it (packages/api/src/http/problem.ts). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** Creating calls: the same key for every retry of one submission, so it acts once. */
  idempotencyKey?: string;
  ifMatch?: string | null;
  signal?: AbortSignal;
}

let apiBase = '';
let onUnauthenticated: () => void = () => {};
let renewSession: () => Promise<void> = async () => {};

/**
 * `unauthenticated`: what to do when the session is gone; `renew`: sign in again without asking
 * (locally the dev login, in AWS the refresh token), for a token whose membership changed.
 */
export function configureApi(
  config: AppConfig,
  handlers: { unauthenticated: () => void; renew: () => Promise<void> },
) {
  apiBase = config.apiUrl;
  onUnauthenticated = handlers.unauthenticated;
  renewSession = handlers.renew;
}

export const apiUrl = (path: string) => `${apiBase}${path}`;

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A token whose holder was given another role, or removed, is refused with 401
 * `auth.membership_changed`: the session is renewed once (the new token says what the person is
 * now) and the request sent again; a removed person then has no organisation and the app shows
 * them so.
 */
async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, opts);
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'auth.membership_changed')) throw err;
    await renewSession();
    if (!getSession()) {
      onUnauthenticated();
      throw err;
    }
    return send<T>(method, path, opts);
  }
}

async function send<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const token = getSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  if (opts.idempotencyKey) headers['idempotency-key'] = await idempotencyKeyFor(opts.idempotencyKey, payload);
  if (opts.ifMatch) headers['if-match'] = opts.ifMatch;
  let res: Response;
  try {
    res = await fetch(apiUrl(withQuery(path, opts.query)), {
      method,
      headers,
      body: payload,
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({
      type: 'network',
      title: 'Network',
      status: 0,
      detail: String(err),
      code: 'network',
    });
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!res.ok) {
    const problem =
      body && typeof body === 'object' && 'status' in body
        ? (body as Problem)
        : {
            type: 'about:blank',
            title: res.statusText,
            status: res.status,
            detail: '',
            code: `http.${res.status}`,
          };
    if (res.status === 401 && token && problem.code !== 'auth.membership_changed') {
      setSession(null);
      onUnauthenticated();
    }
    throw new ApiError(problem);
  }
  return body as T;
}

export const api = {
  get: async <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: async <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body }),
  put: async <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  patch: async <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
  delete: async <T>(path: string, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('DELETE', path, opts),
};

/** A file the API serves behind auth (the chain map's CSV): fetched with the token, then saved. */
export async function downloadWithAuth(path: string, fileName: string) {
  const token = getSession()?.token;
  const res = await fetch(apiUrl(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    throw new ApiError({
      type: 'about:blank',
      title: res.statusText,
      status: res.status,
      detail: '',
      code: `http.${res.status}`,
    });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const newIdempotencyKey = () => crypto.randomUUID();

/**
 * The key a creating call sends: the submission's own nonce plus a digest of the body. Retrying
 * the same submission with the same content repeats the key (the server answers once); editing the
 * form after a refusal makes a new request, with a new key, instead of a 422 for a reused key.
 */
async function idempotencyKeyFor(nonce: string, payload: string | undefined): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(payload ?? ''));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${nonce}.${hex}`;
}
