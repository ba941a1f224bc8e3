import type { PersonRole, Role } from '@parkbridge/domain/core';
import { jwtVerify, SignJWT } from 'jose';
import type { CallerResolver } from './auth';
import { callerFromClaims } from './auth';

const ISSUER = 'parkbridge-local';
const AUDIENCE = 'parkbridge';

/**
 * Tokens for the local server and tests, signed and verified with jose. Only HS256 is accepted, so
 * `alg: none` and tokens signed with another key or algorithm are refused, as API Gateway would.
 */
export class LocalTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds = 12 * 3600,
  ) {
    if (secret.length < 32) throw new Error('The local token secret must be at least 32 characters.');
    this.key = new TextEncoder().encode(secret);
  }

  issue(claims: {
    sub: string;
    org: string | null;
    role?: PersonRole | null;
    groups: Role[];
    email?: string;
  }): Promise<string> {
    return new SignJWT({
      org: claims.org ?? undefined,
      role: claims.role ?? undefined,
      groups: claims.groups,
      email: claims.email,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  readonly resolve: CallerResolver = async (c) => {
    const header = c.req.header('authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return callerFromClaims(payload as Record<string, unknown>);
    } catch {
      return null;
    }
  };
}
