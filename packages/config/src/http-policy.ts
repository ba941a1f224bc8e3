/**
 * What every response carries, and whom browsers may call the API from: one definition for the
 * CloudFront distribution and the HTTP API (infra) and for the local server, so that what a
 * browser meets locally is what it meets in AWS.
 */

const DAY_S = 86_400;

/** The security headers of every response, as CloudFront's response headers policy sets them. */
export interface SecurityHeaders {
  /** Content-Security-Policy directives, in order. */
  contentSecurityPolicy: string[];
  strictTransportSecurity: { maxAgeS: number; includeSubdomains: boolean; preload: boolean };
  frameOptions: 'DENY';
  contentTypeOptions: 'nosniff';
  referrerPolicy: 'strict-origin-when-cross-origin';
  xssProtection: { protection: true; modeBlock: true };
}

/** `connectSources`: origins the web app may call besides its own (Cognito's sign-in endpoints in AWS). */
export function securityHeaders(connectSources: readonly string[] = []): SecurityHeaders {
  return {
    contentSecurityPolicy: [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "font-src 'self' data:",
      `connect-src 'self' ${connectSources.join(' ')}`.trim(),
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ],
    strictTransportSecurity: { maxAgeS: 730 * DAY_S, includeSubdomains: true, preload: true },
    frameOptions: 'DENY',
    contentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    xssProtection: { protection: true, modeBlock: true },
  };
}

/** The same headers as HTTP header values, the way CloudFront writes them. */
export function securityHeaderValues(h: SecurityHeaders): Record<string, string> {
  const hsts = h.strictTransportSecurity;
  return {
    'content-security-policy': h.contentSecurityPolicy.join('; '),
    'strict-transport-security': [
      `max-age=${hsts.maxAgeS}`,
      ...(hsts.includeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.preload ? ['preload'] : []),
    ].join('; '),
    'x-frame-options': h.frameOptions,
    'x-content-type-options': h.contentTypeOptions,
    'referrer-policy': h.referrerPolicy,
    'x-xss-protection': `${h.xssProtection.protection ? 1 : 0}${h.xssProtection.modeBlock ? '; mode=block' : ''}`,
  };
}

/**
 * The header CloudFront adds to every request it sends the API, with the origin secret's value:
 * the API refuses whatever arrives without it, so CloudFront (and its WAF) is the only door.
 */
export const ORIGIN_HEADER = 'x-parkbridge-origin';

/** Cross-origin calls to the API, for the browser origins a deployment allows (none by default). */
export const CORS_POLICY = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
  exposeHeaders: ['etag', 'x-request-id', 'idempotent-replayed', 'location', 'retry-after'],
  maxAgeS: 3600,
} as const;
