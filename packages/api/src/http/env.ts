import type { Caller } from '@parkbridge/domain/core';

/** What middleware put on the Hono context for the handlers after them. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller | null;
  };
  // On Lambda, hono/aws-lambda puts the event here; elsewhere it is empty.
  Bindings: { event?: unknown; lambdaContext?: unknown };
}
