import { type CallerResolver, callerFromClaims } from './auth';

interface HttpApiEvent {
  requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
}

/**
 * In AWS the HTTP API's JWT authorizer has verified the Cognito token before the Lambda runs; the
 * app only reads the verified claims it passes along. Routes without the authorizer get no caller.
 */
export const apiGatewayClaims: CallerResolver = async (c) => {
  const claims = (c.env?.event as HttpApiEvent | undefined)?.requestContext?.authorizer?.jwt?.claims;
  return claims ? callerFromClaims(claims) : null;
};
