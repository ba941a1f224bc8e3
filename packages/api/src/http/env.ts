import type { Caller, DomainError } from '@parkbridge/domain/core';

/** What middleware put on the Hono context for the handlers after them. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller | null;
    /** Why a presented token is not a credential any more (its membership changed), for the 401. */
    refusal?: DomainError;
  };
  // On Lambda, hono/aws-lambda puts the event here; elsewhere it is empty.
  Bindings: { event?: unknown; lambdaContext?: unknown };
}
