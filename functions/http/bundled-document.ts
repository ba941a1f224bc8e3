import { readFileSync } from 'node:fs';

/**
 * The OpenAPI document the bundling step wrote beside this function's bundle
 * (infra/bundling/lambda-bundle.ts): the core function serves the whole API's document without
 * carrying the other functions' routes. Read on the first request for it.
 */
export function bundledOpenApiDocument(): unknown {
  return JSON.parse(readFileSync(new URL('./openapi.json', import.meta.url), 'utf8'));
}
