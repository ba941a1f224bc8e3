import type { Caller, DomainError } from '@parkbridge/domain/core';
import type { Subjects } from './subjects';

/** What middleware put on the Hono context for the handlers after them. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller | null;
    /** Why a presented token is not a credential any more (its membership changed), for the 401. */
    refusal?: DomainError;
    /** Who may see, and act on, what the mounted routes' paths name (the order of checks). */
    subjects: Subjects;
  };
  // On Lambda, hono/aws-lambda puts the event here; elsewhere it is empty.
  Bindings: { event?: unknown; lambdaContext?: unknown };
}
