import { DomainError, type ErrorKind, type FieldError, RateLimited } from '@parkbridge/domain/core';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { AppEnv } from './env';

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  rule: 422,
  rate_limited: 429,
};

const TITLE: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export function problemResponse(c: Context<AppEnv>, problem: Omit<Problem, 'type' | 'title'>): Response {
  const body: Problem = {
    type: `https://parkbridge.dev/problems/${problem.code.replaceAll('.', '/')}`,
    title: TITLE[problem.status] ?? 'Error',
    ...problem,
    instance: c.req.path,
    requestId: c.get('requestId'),
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'x-request-id': body.requestId ?? '',
    },
  });
}

export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  const at = (path: PropertyKey[]) =>
    [prefix, ...path.map(String)].filter(Boolean).join('.') || (prefix ?? '');
  return error.issues.flatMap((i) =>
    // zod reports unknown keys on their parent object: name each one, so the client sees which field to drop.
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: at([...i.path, k]), message: 'Unknown field.' }))
      : [{ path: at(i.path), message: i.message }],
  );
}

/** A domain error as HTTP: its status and code, its fields, and when to retry a 429. */
export function problemOf(c: Context<AppEnv>, err: DomainError): Response {
  const res = problemResponse(c, {
    status: STATUS[err.kind],
    code: err.code,
    detail: err.message,
    ...(err.fields.length ? { errors: err.fields } : {}),
  });
  if (err instanceof RateLimited) res.headers.set('retry-after', String(err.retryAfterS));
  return res;
}

/**
 * The one place where errors become HTTP. Domain errors keep their status and code; a 5xx says
 * nothing but the request id (never a message or a stack), and is logged in full.
 */
export function onError(log: (err: unknown, c: Context<AppEnv>) => void) {
  return function toProblem(err: unknown, c: Context<AppEnv>): Response {
    if (err instanceof DomainError) return problemOf(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      const status: number = err.status;
      const malformed = status === 400;
      return problemResponse(c, {
        status,
        code: malformed ? 'request.malformed_json' : `http.${status}`,
        detail: malformed ? 'The request body is not valid JSON.' : err.message || 'The request was refused.',
        ...(malformed ? { errors: [{ path: 'body', message: 'Malformed JSON.' }] } : {}),
      });
    }
    log(err, c);
    return problemResponse(c, {
      status: 500,
      code: 'internal',
      detail: 'Something went wrong on our side. Quote the request id if you contact support.',
    });
  };
}

/**
 * Hono hands only Error instances to onError and rethrows anything else past it (a 500 with no
 * problem body, or a failed Lambda invocation). The outermost middleware wraps such values.
 */
export function nonErrorsAsErrors(): MiddlewareHandler<AppEnv> {
  return async function wrapNonErrors(_c, next) {
    try {
      await next();
    } catch (err) {
      throw err instanceof Error ? err : new Error('A non-Error value was thrown.', { cause: err });
    }
  };
}
