export { type Container, createContainer } from '@parkbridge/runtime';
export { type AppDeps, createApp, MAX_BODY_BYTES } from './app';
export { type CallerResolver, callerFromClaims } from './http/auth';
export type { AppEnv } from './http/env';
export { apiGatewayClaims } from './http/lambda-claims';
export { LocalTokens } from './http/local-tokens';
export { ALL_ROUTE_GROUPS, type RouteGroup } from './routes';
export { devRoutes } from './routes/dev';
