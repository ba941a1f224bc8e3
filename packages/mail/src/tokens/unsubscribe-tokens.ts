import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UnsubscribeScope, UnsubscribeTokens } from '@parkbridge/domain/mail';
import { isNotificationKind } from '@parkbridge/domain/notifications';

const VERSION = 'u1';
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * Signed unsubscribe links: who and what, under an HMAC with a key of the mail's own (so rotating
 * the API's cursor key never breaks a link in an email already read). They do not expire: a
 * one-click link in an old email must still work (RFC 8058), and all it can do is turn mail off.
 */
export class HmacUnsubscribeTokens implements UnsubscribeTokens {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('The unsubscribe signing key must be at least 16 characters.');
  }

  sign(userId: string, scope: UnsubscribeScope): string {
    const payload = b64(`${userId} ${scope}`);
    return `${VERSION}.${payload}.${this.mac(payload)}`;
  }

  verify(token: string): { userId: string; scope: UnsubscribeScope } | null {
    const [version, payload, mac] = token.split('.');
    if (version !== VERSION || !payload || !mac || token.length > 400) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const [userId, scope] = Buffer.from(payload, 'base64url').toString('utf8').split(' ');
    if (!userId || !scope || !(scope === 'digest' || isNotificationKind(scope))) return null;
    return { userId, scope };
  }

  private mac(payload: string) {
    return createHmac('sha256', this.secret)
      .update(`${VERSION}.${payload}`)
      .digest()
      .subarray(0, 18)
      .toString('base64url');
  }
}
