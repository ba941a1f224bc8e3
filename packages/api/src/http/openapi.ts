import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { DynamoIdempotencyRepository } from '@parkbridge/db/idempotency';
import { invalid } from '@parkbridge/domain/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { idempotent } from './idempotency';
import { type Admit, admitsOf, inContractOrder } from './order-of-checks';
import { admittedPeople } from './person-roles';
import { zodFieldErrors } from './problem';

/** A router whose validation failures become problem+json naming every failing field. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? undefined : result.target;
        throw invalid(
          'request.invalid',
          'The request has invalid fields.',
          zodFieldErrors(result.error, where),
        );
      }
    },
  });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid input: the fields that failed are in `errors`.',
  401: 'No valid bearer token.',
  403: 'The caller’s role may not do this.',
  404: 'Not found, or not visible to the caller.',
  409: 'Conflicts with the current state, or a concurrent request.',
  412: 'The If-Match version is stale.',
  413: 'The body is larger than 64 KiB.',
  422: 'A business rule refused the request.',
};

/** Problem responses for the statuses a route can answer. */
export function problems(...statuses: (keyof typeof PROBLEM_TEXT)[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: PROBLEM_TEXT[s] ?? 'Error',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;
}

/**
/**
 * Security requirement plus the order of checks (order-of-checks.ts), spread into a route
 * definition: every route is checked the same way. It lists whom the route admits: kinds of
 * organisation (none: any), the caller's stance to the thing its path names (`ownListing`,
 * `parkOperator`...), `signedIn` for what a user without an organisation may do, and the person
 * roles admitted (admins always; none: everyone, for reads; `anyRole` says so for a change), which
 * the OpenAPI document states as `x-person-roles`.
 */
export function secured(...admits: Admit[]) {
  const admitted = admitsOf(admits);
  return {
    security: [{ bearer: [] }],
    'x-person-roles': admittedPeople(admitted.people),
    middleware: [inContractOrder(admitted)] as MiddlewareHandler<AppEnv>[],
  };
}

/** As `secured`, for creating calls: the order of checks, then the Idempotency-Key handling. */
export function securedCreate(store: DynamoIdempotencyRepository, ...admits: Admit[]) {
  const admitted = admitsOf(admits);
  return {
    security: [{ bearer: [] }],
    'x-person-roles': admittedPeople(admitted.people),
    middleware: [inContractOrder(admitted), idempotent(store)] as MiddlewareHandler<AppEnv>[],
  };
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** `{ items, nextCursor }`, the shape of every list. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(128).optional().openapi({
    description: 'Retry-safe creation: the same key and body replays the first response.',
  }),
});

export const IfMatchHeader = z.object({
  'if-match': z.string().optional().openapi({
    description: 'The ETag from your last read; a stale one answers 412.',
  }),
});
