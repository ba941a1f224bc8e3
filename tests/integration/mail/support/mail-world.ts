import type { Lang } from '@parkbridge/domain/shared';
import type { ReceivedMail } from '@parkbridge/mail/local';
import type { TestRuntime } from '../../../support/test-runtime';
import { openNeed } from '../../bidding/support/needs';
import { bidBody, biddingWorld } from '../../bidding/support/world';
import { addSlot, expoWithPavilion } from '../../expos/expo-fixture';

export const WEB_ORIGIN = 'https://app.parkbridge.test';
export const HOSTILE_TITLE = 'Coil <script>alert("x")</script> & "2 mm"';

/**
 * The things notifications are about, made through the API as people would: a published need
 * (with a title a person typed carelessly), a bid on it, its award and so a deal, and an expo
 * with a slot. The clock is moved past the need's close to award.
 */
export async function mailWorld(rt: TestRuntime, clock: { set(at: string): void }) {
  clock.set('2030-03-01T06:00:00.000Z');
  const world = await biddingWorld(rt, { suppliers: 1 });
  const supplier = world.suppliers[0]!;
  const need = await openNeed(rt, {
    parkId: world.parkId,
    owner: world.owner,
    closesAt: '2030-03-01T08:00:00.000Z',
    title: HOSTILE_TITLE,
  });
  const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
    token: supplier.token,
    body: bidBody(1000),
  });
  if (bid.status !== 201) throw new Error(`bid failed: ${JSON.stringify(bid.body)}`);
  clock.set('2030-03-01T09:00:00.000Z');
  const award = await rt.call('POST', `/v1/needs/${need.needId}/award`, {
    token: world.owner.token,
    body: { bidId: bid.body.bidId },
  });
  if (award.status !== 201) throw new Error(`award failed: ${JSON.stringify(award.body)}`);
  const expo = await expoWithPavilion(rt);
  const slot = await addSlot(rt, expo.operator.token, expo.pavilionId, 1);
  return {
    ...world,
    supplier,
    needId: need.needId,
    dealId: award.body.dealId as string,
    expoId: expo.expoId,
    expoName: expo.expo.name as string,
    slot,
  };
}

/** A firm of one person who reads email in `language`, with every kind set to `mode`. */
export async function reader(
  rt: TestRuntime,
  language: Lang,
  mode: 'instant' | 'daily' | 'off' = 'instant',
  opts: { email?: string; timeZone?: string; country?: string } = {},
) {
  const email = opts.email ?? rt.unique(`reader-${language}`);
  let token = await rt.login(email);
  const org = await rt.call('POST', '/v1/orgs', {
    token,
    body: { name: `Readers ${language}`, kinds: ['supplier'], country: opts.country ?? 'IR' },
  });
  if (org.status !== 201) throw new Error(`org failed: ${JSON.stringify(org.body)}`);
  token = await rt.login(email);
  const me = await rt.call('GET', '/v1/me', { token });
  const kinds = Object.keys(me.body.email);
  const patched = await rt.call('PATCH', '/v1/me', {
    token,
    body: {
      language,
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      email: Object.fromEntries(kinds.map((k) => [k, mode])),
    },
  });
  if (patched.status !== 200) throw new Error(`settings failed: ${JSON.stringify(patched.body)}`);
  return { email, token, orgId: org.body.orgId as string, userId: me.body.userId as string, language };
}

/** The token of an email's one-click unsubscribe header, and the path to post to. */
export function unsubscribeOf(mail: ReceivedMail) {
  const header = mail.headers['list-unsubscribe'] ?? '';
  const url = new URL(/^<([^>]+)>$/.exec(header)?.[1] ?? 'http://invalid/');
  return { url, path: `${url.pathname}${url.search}`, token: url.searchParams.get('token') ?? '' };
}

/** The links of an email's plain-text part. */
export const linksOf = (mail: ReceivedMail) => [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
