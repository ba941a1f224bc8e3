import { ORIGIN_HEADER } from '@parkbridge/config';
import { forbidden } from '@parkbridge/domain/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/** Whether a request came through CloudFront: it carries one of the origin secret's live values. */
export interface OriginDoor {
  admits(value: string | undefined): Promise<boolean>;
}

/**
 * In prod the API answers only what CloudFront forwards (which WAF has seen): anything that found
 * the API's own domain and calls it directly is refused before it is read.
 */
export function onlyThroughTheDoor(door: OriginDoor): MiddlewareHandler<AppEnv> {
  return async function originDoor(c, next) {
    if (!(await door.admits(c.req.header(ORIGIN_HEADER)))) {
      throw forbidden('origin.direct', 'Call Parkbridge at its web address, not the API’s own.');
    }
    await next();
  };
}
