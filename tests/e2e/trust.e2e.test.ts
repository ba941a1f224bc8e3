import { fixedClock } from '@parkbridge/domain/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromJalali, toJalali } from '../../packages/web/src/format/jalali';
import { utcToZonedInput, zonedInputToUtc } from '../../packages/web/src/format/zoned-time';
import { openNeed } from '../integration/bidding/support/needs';
import { confirmDialog, pickCategory } from './support/ui';
import { atPath, screenshot, startWebHarness, type WebHarness } from './support/web-harness';

// Screens people can trust: an award asks once and names what it does, a refused publish says why
// at the field in the user's language, Persian users enter dates in their own calendar, and user
// text keeps its direction. In Persian on a phone (390 px) as well as in English on a desktop.
const clock = fixedClock(new Date());
const HOUR = 3_600_000;
const TZ = 'Asia/Tehran';
const PHONE = { width: 390, height: 844 };

let h: WebHarness;
let world: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const { parkId, operator } = await h.runtime.park();
  const approvedIn = { parkId, operatorToken: operator.token };
  const tenant = await h.runtime.firm({ kinds: ['tenant'], name: 'Alborz Steel Pipe Co.', approvedIn });
  const supplier = await h.runtime.firm({ kinds: ['supplier'], name: 'Caspian Zinc Trading', approvedIn });
  return { parkId, operator, tenant, supplier };
}

beforeAll(async () => {
  h = await startWebHarness({ clock });
  world = await setUp();
});
afterAll(async () => {
  await h?.close();
});

/** Nothing on the page is wider than the window (a table scrolls inside its own box). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Labels of the header's buttons cut short ("خرو" for "خروج"). */
async function clippedHeaderLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('header button, header a')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => (el as HTMLElement).innerText),
  );
}

describe('an award asks once, naming the need, the amount and the supplier', () => {
  it('in Persian on a phone: Go back changes nothing; confirming opens the deal; names, not ids; nothing clipped or overflowing', {
    timeout: 180_000,
  }, async () => {
    const { parkId, tenant, supplier } = world;
    const need = await openNeed(h.runtime, {
      owner: tenant,
      parkId,
      title: 'لوله فولادی درزدار ۲ اینچ',
      quantity: 40,
      closesAt: clock.now().getTime() + 2 * HOUR,
    });
    const bid = await h.runtime.call('POST', `/v1/needs/${need.needId}/bids`, {
      token: supplier.token,
      body: {
        unitPrice: { amount: 27_500_000, currency: 'IRR' },
        quantity: 40,
        leadTimeDays: 14,
        validUntil: '2099-01-01T00:00:00Z',
      },
    });
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);
    clock.advance(3 * HOUR);

    const page = await h.newPage('fa');
    await page.setViewportSize(PHONE);
    await h.openAs(page, tenant.email, `/needs/${need.needId}`);
    await page.getByTestId('tab-bids').click();
    await page.getByTestId(`award-${bid.body.bidId}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const total = new Intl.NumberFormat('fa-IR-u-nu-arabext', {
      style: 'currency',
      currency: 'IRR',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(1_100_000_000);
    const message = (await dialog.getByTestId('confirm-message').textContent()) ?? '';
    expect(message).toContain(total);
    expect(message).toContain('Caspian Zinc Trading');
    expect(message).toContain('لوله فولادی درزدار ۲ اینچ');
    // The supplier's English name and the Persian title are isolated from the sentence around them.
    expect(message).toContain('\u2068Caspian Zinc Trading\u2069');
    await screenshot(page, 'award-confirmation-390', 'fa');
    await page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(page, 'award-confirmation-1280', 'fa');
    await page.setViewportSize(PHONE);

    // Going back awards nothing.
    await dialog.getByTestId('confirm-no').click();
    await dialog.waitFor({ state: 'detached' });
    const none = await h.runtime.call('GET', '/v1/deals?role=buyer', { token: tenant.token });
    expect(none.body.items).toEqual([]);

    await page.getByTestId(`award-${bid.body.bidId}`).click();
    await confirmDialog(page, [total]);
    await atPath(page, /^\/deals\/deal_/);
    await page.getByTestId('deal-seller').getByText('Caspian Zinc Trading').waitFor();
    await screenshot(page, 'deal-390', 'fa');

    // The deals list: the seller by name (never an org_ id), the same award time as the deal page.
    await page.goto(`${h.base}/deals`);
    const deals = page.getByTestId('deals');
    await deals.getByText('Caspian Zinc Trading').waitFor();
    expect(await deals.textContent()).not.toMatch(/org_/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await clippedHeaderLabels(page)).toEqual([]);
    await screenshot(page, 'deals-390', 'fa');

    // The purchase order: the buyer's English name keeps its full stop on its own side.
    const dealId = (await h.runtime.call('GET', '/v1/deals?role=buyer', { token: tenant.token })).body
      .items[0].dealId as string;
    await page.goto(`${h.base}/deals/${dealId}/purchase-order`);
    const buyer = page.getByTestId('po-buyer');
    await buyer.locator('bdi', { hasText: 'Alborz Steel Pipe Co.' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'purchase-order-390', 'fa');
  });
});

describe('a refused publish says why, at the field, in words', () => {
  it('"Post and publish" with a close under an hour keeps the form, marks the close, keeps ids and ISO instants under Details, and the next try publishes the same draft', {
    timeout: 180_000,
  }, async () => {
    const { parkId, tenant } = world;
    const page = await h.newPage('en');
    await h.openAs(page, tenant.email, '/needs/new');
    await page.getByTestId('need-title').fill('Galvanised wire 2.5 mm');
    await page.getByLabel('Delivery park').selectOption(parkId);
    await pickCategory(page, /Category/, '2410');
    await page.getByRole('textbox', { name: /^Quantity/ }).fill('12');
    await page.getByRole('textbox', { name: /^Description/ }).fill('For fencing panels.');
    const soon = utcToZonedInput(new Date(clock.now().getTime() + 20 * 60_000).toISOString(), TZ);
    await page.getByTestId('need-closes-at').fill(soon);
    await page.getByTestId('need-submit').click();

    await page.getByTestId('need-saved-not-published').waitFor();
    await page
      .getByText(/The close is too soon: a need stays open at least an hour/)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/needs/new');
    const alert = page.getByRole('alert');
    const visible = await alert.innerText();
    expect(visible).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(visible).not.toMatch(/Request id/);
    expect(await alert.getByTestId('problem-details').getAttribute('open')).toBeNull();
    await screenshot(page, 'need-publish-refused', 'en');
    await page.getByTestId('language').selectOption('fa');
    await page
      .getByText(/زمان بسته‌شدن خیلی نزدیک است/)
      .first()
      .waitFor();
    await screenshot(page, 'need-publish-refused', 'fa');
    await page.getByTestId('language').selectOption('en');

    const later = utcToZonedInput(new Date(clock.now().getTime() + 3 * 24 * HOUR).toISOString(), TZ);
    await page.getByTestId('need-closes-at').fill(later);
    await page.getByTestId('need-submit').click();
    await atPath(page, /^\/needs\/need_/);
    const mine = await h.runtime.call('GET', '/v1/needs?mine=true', { token: tenant.token });
    const wires = mine.body.items.filter((n: { title: string }) => n.title === 'Galvanised wire 2.5 mm');
    expect(wires.map((n: { status: string }) => n.status)).toEqual(['open']);
  });
});

describe('Persian users enter dates in the Solar Hijri calendar', () => {
  it('a draft offers Edit; its close is picked as a Jalali day, month and year and saved as the same instant in UTC', {
    timeout: 180_000,
  }, async () => {
    const { parkId, tenant } = world;
    const draft = await openNeed(h.runtime, {
      owner: tenant,
      parkId,
      title: 'Zinc ingot, draft',
      closesAt: clock.now().getTime() + 5 * 24 * HOUR,
      draft: true,
    });
    const page = await h.newPage('fa');
    await page.setViewportSize(PHONE);
    await h.openAs(page, tenant.email, `/needs/${draft.needId}`);
    await page.getByTestId('need-edit-draft').click();
    const form = page.getByTestId('need-draft-form');
    await form.waitFor();

    // Ten days from now on the park's clock, as a Persian calendar shows that day.
    const target = utcToZonedInput(new Date(clock.now().getTime() + 10 * 24 * HOUR).toISOString(), TZ);
    const j = toJalali(target.slice(0, 10));
    if (!j) throw new Error(`no Jalali date for ${target}`);
    await form.getByTestId('jalali-year').selectOption(String(j.year));
    await form.getByTestId('jalali-month').selectOption(String(j.month));
    await form.getByTestId('jalali-day').selectOption(String(j.day));
    await form.getByTestId('jalali-time').fill('16:30');
    // The months are named as Iran names them; the line under the field echoes the chosen instant.
    expect(await form.getByTestId('jalali-month').locator('option').first().textContent()).toBe('فروردین');
    const dayInPersian = new Intl.NumberFormat('fa-IR-u-nu-arabext').format(j.day);
    await form.getByText(new RegExp(dayInPersian)).first().waitFor();
    await screenshot(page, 'persian-date-entry-390', 'fa');
    await page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(page, 'persian-date-entry-1280', 'fa');
    await form.getByTestId('need-draft-save').click();
    await form.waitFor({ state: 'detached' });

    const saved = await h.runtime.call('GET', `/v1/needs/${draft.needId}`, { token: tenant.token });
    const expected = zonedInputToUtc(`${fromJalali(j)}T16:30`, TZ);
    expect(new Date(saved.body.closesAt).toISOString()).toBe(expected);
  });
});
