/**
 * The one error vocabulary of Parkbridge. Services throw these; the HTTP layer maps `kind`
 * to a status in one place, and `code` is the stable machine-readable reason clients rely on.
 */
export const ErrorKind = {
  validation: 'validation',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  preconditionFailed: 'precondition_failed',
  rule: 'rule',
  tooLarge: 'too_large',
  rateLimited: 'rate_limited',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, fields: FieldError[] = []) =>
  new DomainError(ErrorKind.validation, code, message, fields);
export const unauthenticated = (message = 'A valid bearer token is required.') =>
  new DomainError(ErrorKind.unauthenticated, 'auth.unauthenticated', message);
export const forbidden = (code: string, message: string) =>
  new DomainError(ErrorKind.forbidden, code, message);
/** Also used for things that exist but the caller may not see: never reveal which. */
export const notFound = (what: string) =>
  new DomainError(ErrorKind.notFound, `${what}.not_found`, `No such ${what}.`);
export const conflict = (code: string, message: string) => new DomainError(ErrorKind.conflict, code, message);
export const staleVersion = () =>
  new DomainError(
    ErrorKind.preconditionFailed,
    'version.stale',
    'The resource has changed since you read it.',
  );
/**
 * A versioned write lost a race: the record changed between this request's read and its write.
 * The HTTP layer answers 412 when the client sent If-Match (its version is stale now) and 409
 * when it did not (it asked for no precondition; it lost a race).
 */
export const versionChanged = () =>
  new DomainError(
    ErrorKind.conflict,
    'version.changed',
    'Someone else changed it while this change was being made; read it again.',
  );
/** Too many requests of one kind: `retryAfterS` is when the window that refused it has room again. */
export class RateLimited extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(ErrorKind.rateLimited, code, message);
  }
}
export const ruleBroken = (code: string, message: string, fields: FieldError[] = []) =>
  new DomainError(ErrorKind.rule, code, message, fields);
