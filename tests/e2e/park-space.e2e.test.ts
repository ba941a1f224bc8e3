import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations, startWebHarness, type WebHarness } from './support/web-harness';

const DAY = 86_400_000;

/** Real time that the test can move ahead, to stand after the close without waiting for it. */
function travellingClock() {
  let shift = 0;
  return {
    now: () => new Date(Date.now() + shift),
    advance: (ms: number) => {
      shift += ms;
    },
  };
}

const clock = travellingClock();
let h: WebHarness;
let park: Awaited<ReturnType<WebHarness['runtime']['park']>>;

beforeAll(async () => {
  h = await startWebHarness({ clock, rules: { minBiddingWindowS: 60, snipingWindowS: 1 } });
  park = await h.runtime.park({ name: 'Eshtehard Industrial Town', names: { fa: 'شهرک صنعتی اشتهارد' } });
});
afterAll(async () => {
  await h?.close();
});

/** The datetime-local value of an instant on the park's clock (Asia/Tehran, no daylight saving). */
const tehranLocal = (ms: number) => new Date(ms + 3.5 * 3600_000).toISOString().slice(0, 16);

async function bid(page: Page, price: string) {
  await page.getByTestId('bid-price').fill(price);
  await page.getByTestId('bid-submit').click();
}

describe('workflow 12: the park offers an idle unit, investors bid, the operator awards', () => {
  it('the operator offers an idle unit; two investors bid in a forward auction; the operator awards; the winner is a tenant', {
    timeout: 240_000,
  }, async () => {
    const op = park.operator;
    const [a, b] = await Promise.all([
      h.runtime.firm({ kinds: ['tenant'], name: 'Eshtehard Dairy Co.' }),
      h.runtime.firm({ kinds: ['supplier'], name: 'Pars Food Industries' }),
    ]);

    // The operator offers the idle unit from the park's page, as a draft, then publishes it.
    const opPage = await h.newPage('en');
    await h.openAs(opPage, op.email, `/parks/${park.parkId}?tab=offerings`);
    await opPage.getByTestId('new-offering').click();
    await opPage.getByTestId('offering-kind').selectOption('idle_unit');
    await opPage.getByTestId('offering-title').fill('Former dairy line, hall B');
    await opPage
      .getByTestId('offering-description')
      .fill('Idle since 2023, with cold rooms and a CIP station.');
    await opPage.getByTestId('offering-area').fill('2400');
    await opPage.getByTestId('offering-allowed').fill('10');
    await opPage.getByTestId('offering-reserve').fill('1000000');
    await opPage.getByTestId('offering-increment').fill('50000');
    await opPage.getByTestId('offering-mode').selectOption('auction');
    await opPage.getByTestId('offering-closes').fill(tehranLocal(Date.now() + 2 * DAY));
    await screenshot(opPage, 'park-space-offering-form', 'en');
    await opPage.getByTestId('offering-save').click();
    await opPage.getByTestId('offering-publish').click();
    await opPage.getByText('Open', { exact: true }).first().waitFor();
    const offeringId = opPage.url().split('/offerings/')[1]!;
    expect(offeringId).toMatch(/^off_/);

    // Two investors, not members of the park, find it on the park-space page and bid.
    const pageA = await h.newPage('en');
    await h.openAs(pageA, a.email, '/offerings');
    await pageA.getByTestId('offerings-park').selectOption(park.parkId);
    await pageA.getByTestId('offering-link').filter({ hasText: 'Former dairy line' }).click();
    await pageA.getByTestId('bid-category').fill('1050');
    await pageA.getByTestId('bid-investment').fill('90000000');
    await pageA.getByTestId('bid-jobs').fill('45');
    await pageA.getByTestId('bid-months').fill('4');
    await bid(pageA, '1000000');
    await expect.poll(() => pageA.getByTestId('offering-rank').textContent()).toBe('1 of 1');

    const pageB = await h.newPage('fa');
    await h.openAs(pageB, b.email, `/offerings/${offeringId}`);
    await pageB.getByTestId('bid-category').fill('1079');
    await pageB.getByTestId('bid-investment').fill('60000000');
    await pageB.getByTestId('bid-jobs').fill('30');
    await pageB.getByTestId('bid-months').fill('6');
    // Not above the best by the increment: refused, naming the rule.
    await bid(pageB, '1040000');
    await pageB.getByRole('alert').waitFor();
    await bid(pageB, '1100000');
    await expect.poll(() => pageB.getByTestId('offering-rank').textContent()).toBe('۱ از ۲');
    await screenshot(pageB, 'park-space-auction', 'fa');
    await pageB.setViewportSize({ width: 390, height: 844 });
    await screenshot(pageB, 'park-space-auction-390', 'fa');

    // A falls behind, sees it live, and raises; it never learns who leads.
    await expect
      .poll(() => pageA.getByTestId('offering-rank').textContent(), { timeout: 15_000 })
      .toBe('2 of 2');
    expect(await pageA.content()).not.toContain('Pars Food');
    await bid(pageA, '1200000');
    await expect.poll(() => pageA.getByTestId('offering-rank').textContent()).toBe('1 of 2');
    await screenshot(pageA, 'park-space-auction', 'en');
    await pageA.setViewportSize({ width: 390, height: 844 });
    await screenshot(pageA, 'park-space-auction-390', 'en');
    expect(await seriousA11yViolations(pageA)).toEqual([]);

    // After the close the operator sees the bids side by side and awards, after confirming.
    clock.advance(3 * DAY);
    await opPage.goto(`${h.base}/offerings/${offeringId}`);
    await opPage.getByTestId('offering-bid-row').first().waitFor();
    expect(await opPage.getByTestId('offering-bid-row').count()).toBe(2);
    await expect
      .poll(() => opPage.getByTestId('offering-bid-row').first().textContent())
      .toContain('Eshtehard Dairy');
    await screenshot(opPage, 'park-space-award', 'en');
    await opPage.getByTestId('offering-award-1').click();
    await opPage.getByTestId('offering-award-confirm').waitFor();
    await opPage.getByTestId('offering-award-yes').click();
    await opPage.getByText('Awarded').first().waitFor();

    // The winner sees it won and is now an approved tenant of the park.
    await pageA.reload();
    await pageA.getByTestId('offering-outcome').waitFor();
    expect(await pageA.getByTestId('offering-outcome').textContent()).toContain('you are now a tenant');
    const memberships = await h.runtime.call('GET', '/v1/memberships', { token: a.token });
    expect(memberships.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ parkId: park.parkId, status: 'approved', as: ['tenant'] }),
      ]),
    );
    await pageB.reload();
    await pageB.getByTestId('offering-outcome').waitFor();
  });

  it('shows the operator’s offering editor in Persian, right to left, at both widths', {
    timeout: 60_000,
  }, async () => {
    const page = await h.newPage('fa');
    await h.openAs(page, park.operator.email, `/parks/${park.parkId}?tab=offerings`);
    await page.getByTestId('new-offering').click();
    await page.getByTestId('offering-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(page, 'park-space-offering-form', 'fa');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'park-space-offering-form-390', 'fa');
    const en = await h.newPage('en');
    await h.openAs(en, park.operator.email, `/parks/${park.parkId}?tab=offerings`);
    await en.setViewportSize({ width: 390, height: 844 });
    await en.getByTestId('new-offering').click();
    await screenshot(en, 'park-space-offering-form-390', 'en');
  });
});
