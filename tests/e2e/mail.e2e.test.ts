import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNeed } from '../integration/bidding/support/needs';
import { bidBody, biddingWorld } from '../integration/bidding/support/world';
import { atPath, SCREENSHOTS, screenshot, startWebHarness, type WebHarness } from './support/web-harness';

// The server's clock: the test moves it past the need's close instead of waiting for it.
const clock = fixedClock(new Date());
const HOUR = 3_600_000;

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness({ clock, jobs: true, mail: { dispatchEveryMs: 200 } });
  // Links in emails lead to this server, as they lead to the web app's domain in AWS.
  h.runtime.mail.useWebOrigin(h.base);
});
afterAll(async () => {
  await h?.close();
});

/** Renders an email's HTML on its own, as a mail client would, at a phone's and a desk's width. */
async function emailScreenshots(html: string, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const page = await h.browser.newPage({ viewport: { width, height: 900 } });
    await page.setContent(html);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    await page.close();
  }
}

describe('workflow 9: hearing of a deal by email', () => {
  it('a supplier chooses to hear of wins at once, reads the email at /dev/mail, follows its link to the deal, and unsubscribes in one click', {
    timeout: 240_000, // two minutes alone at load average 25; the deal room leg adds a third email
  }, async () => {
    const rt = h.runtime;
    const world = await biddingWorld(rt, { suppliers: 1 });
    const supplier = world.suppliers[0]!;
    const supplierEmail = (await rt.call('GET', '/v1/me', { token: supplier.token })).body.emailAddress;
    const ownerMe = (await rt.call('GET', '/v1/me', { token: world.owner.token })).body;
    await rt.call('PATCH', '/v1/me', {
      token: world.owner.token,
      body: { language: 'en', email: { 'deal.confirmed': 'instant' } },
    });
    const need = await openNeed(rt, {
      parkId: world.parkId,
      owner: world.owner,
      closesAt: clock.now().getTime() + 2 * HOUR,
      title: 'Galvanised steel strip, 1.5 mm',
    });
    const bid = await rt.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: supplier.token,
      body: bidBody(1000),
    });
    expect(bid.status).toBe(201);

    // The supplier, who reads Persian, asks for wins at once in the settings.
    const page = await h.newPage('fa');
    await h.openAs(page, supplierEmail, '/settings');
    await page.getByTestId('settings-language').selectOption('fa');
    const won = page.getByTestId('mode-bid.won');
    await won.getByText('بی‌درنگ').click();
    await page.getByTestId('settings-save').click();
    await page.getByRole('status').waitFor();
    await screenshot(page, 'settings', 'fa');
    await page.setViewportSize({ width: 390, height: 860 });
    await screenshot(page, 'settings-390', 'fa');
    await page.setViewportSize({ width: 1280, height: 860 });
    expect((await rt.call('GET', '/v1/me', { token: supplier.token })).body.email['bid.won']).toBe('instant');

    // After the close the buyer awards: the win is emailed at once.
    clock.advance(3 * HOUR);
    const award = await rt.call('POST', `/v1/needs/${need.needId}/award`, {
      token: world.owner.token,
      body: { bidId: bid.body.bidId },
    });
    expect(award.status).toBe(201);
    const dealId = award.body.dealId as string;
    const [mail] = await rt.mail.server.waitFor(supplierEmail, 1, 30_000);
    expect(mail!.subject).toBe('پیشنهاد شما برنده شد: Galvanised steel strip, 1.5 mm');
    await emailScreenshots(mail!.html, 'email-bid-won-fa');
    // The seller confirms: the buyer, who reads English, hears of it at once.
    expect((await rt.call('POST', `/v1/deals/${dealId}/confirm`, { token: supplier.token })).status).toBe(
      200,
    );
    const [confirmed] = await rt.mail.server.waitFor(ownerMe.emailAddress, 1, 30_000);
    expect(confirmed!.subject).toMatch(/^Deal #\w{8} confirmed: Galvanised steel strip, 1\.5 mm$/);
    await emailScreenshots(confirmed!.html, 'email-deal-confirmed-en');

    // The local mailbox page shows it; the email's own button leads to the deal.
    await page.goto(`${h.base}/dev/mail?to=${encodeURIComponent(supplierEmail)}`);
    await page.getByTestId('devmail-item').first().click();
    await screenshot(page, 'dev-mail', 'fa');
    const email = page.frameLocator('[data-testid="devmail-frame"]');
    await email.getByRole('link', { name: 'دیدن معامله' }).click();
    await atPath(page, `/deals/${dealId}`);
    await page.getByText('Galvanised steel strip, 1.5 mm').first().waitFor();

    // The footer's link unsubscribes without a login, in the supplier's language.
    const anonymous = await h.newPage('en');
    await anonymous.goto(`${h.base}/dev/mail?to=${encodeURIComponent(supplierEmail)}`);
    await anonymous.getByTestId('devmail-item').first().click();
    await anonymous
      .frameLocator('[data-testid="devmail-frame"]')
      .getByRole('link', { name: 'لغو دریافت ایمیل‌هایی از این دست' })
      .click();
    await atPath(anonymous, '/unsubscribe');
    // The page speaks the supplier's language, whoever opens the link.
    await anonymous.getByRole('button', { name: 'توقف این ایمیل‌ها' }).click();
    expect(await anonymous.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await anonymous.getByTestId('unsubscribe-done').waitFor();
    await screenshot(anonymous, 'unsubscribe', 'fa');
    expect((await rt.call('GET', '/v1/me', { token: supplier.token })).body.email['bid.won']).toBe('off');

    // The buyer writes in the deal room: the supplier hears of it at once (the default), and the
    // email's button opens the room itself, scrolled into view on a phone.
    const message = await rt.call('POST', `/v1/deals/${dealId}/messages`, {
      token: world.owner.token,
      body: { text: 'Please send the mill certificate with the strip.' },
    });
    expect(message.status).toBe(201);
    const mails = await rt.mail.server.waitFor(supplierEmail, 2, 30_000);
    expect(mails.map((m) => m.subject)).toContainEqual(
      expect.stringMatching(/^پیام تازه در معاملهٔ #\w{8}: Galvanised steel strip, 1\.5 mm$/),
    );
    await page.setViewportSize({ width: 390, height: 860 });
    await page.goto(`${h.base}/dev/mail?to=${encodeURIComponent(supplierEmail)}`);
    await page.getByTestId('devmail-item').first().click();
    await page
      .frameLocator('[data-testid="devmail-frame"]')
      .getByRole('link', { name: 'رفتن به اتاق معامله' })
      .click();
    await atPath(page, `/deals/${dealId}`);
    expect(new URL(page.url()).hash).toBe('#room');
    await page.getByText('Please send the mill certificate with the strip.').waitFor();
    await expect
      .poll(() =>
        page.getByTestId('deal-room').evaluate((el) => {
          // Its top below the fixed header, in the upper half of the screen.
          const top = el.getBoundingClientRect().top;
          const header = document.querySelector('header')!.getBoundingClientRect().bottom;
          return window.scrollY > 0 && top >= header && top < window.innerHeight / 2;
        }),
      )
      .toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'deal-room-from-email-390-fa.png') });
  });
});
