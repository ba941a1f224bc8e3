import { fixedClock } from '@parkbridge/domain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmDialog, openTab, pickCategory } from './support/ui';
import {
  atPath,
  screenshot,
  seriousA11yViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness';

// The server's clock: the test moves it past a need's close instead of waiting for it.
const clock = fixedClock(new Date());
const DAY = 86_400_000;

let h: WebHarness;
let world: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const { parkId, operator } = await h.runtime.park();
  const tenant = await h.runtime.firm({
    kinds: ['tenant'],
    name: 'Alborz Steel Pipe Co.',
    location: { lat: 35.726, lon: 50.366 },
    approvedIn: { parkId, operatorToken: operator.token },
  });
  const supplier = await h.runtime.firm({
    kinds: ['supplier'],
    name: 'Caspian Zinc Trading',
    location: { lat: 35.69, lon: 51.39 },
    approvedIn: { parkId, operatorToken: operator.token },
  });
  const listing = await h.runtime.call('POST', '/v1/listings', {
    token: supplier.token,
    body: {
      kind: 'product',
      title: 'Zinc ingot SHG 99.995%',
      description: 'Special high grade zinc ingot, 25 kg, for hot-dip galvanising.',
      category: '2420',
      capacityPerPeriod: 200,
      unit: 't',
      period: 'month',
      leadTimeDays: 12,
      serviceArea: { scope: 'national' },
    },
  });
  expect(listing.status, JSON.stringify(listing.body)).toBe(201);
  return { parkId, operator, tenant, supplier };
}

beforeAll(async () => {
  h = await startWebHarness({ clock, jobs: true, rules: { snipingWindowS: 300 } });
  world = await setUp();
});
afterAll(async () => {
  await h?.close();
});

describe('workflows 2–5: from a production chain to a deal', () => {
  it('a tenant posts a need from its chain, a matched supplier asks and bids, the tenant awards after the close, and both see the deal', {
    timeout: 180_000,
  }, async () => {
    const { tenant, supplier } = world;
    const buyer = await h.newPage('en');
    await h.signIn(buyer, tenant.email);
    await atPath(buyer, '/needs');
    expect(await seriousA11yViolations(buyer)).toEqual([]);

    // The production chain: what the firm makes and one input it buys.
    await buyer.getByTestId('nav-chains').click();
    await buyer.getByTestId('new-chain').click();
    await buyer.getByLabel(/^Park/).selectOption({ index: 1 });
    await buyer.getByTestId('chain-output-name').fill('Galvanised steel pipe');
    await pickCategory(buyer, /^Category \*?$/, '2410');
    await pickCategory(buyer, /^Category of input 1/, '2420');
    await buyer.getByLabel(/^Name of input 1/).fill('Zinc ingot for galvanising');
    await buyer.getByLabel(/^Quantity of input 1/).fill('40');
    await buyer.getByTestId('save-chain').click();
    await atPath(buyer, /^\/chains\/chain_/);
    await screenshot(buyer, 'tenant-chain-editor', 'en');

    // Post a need from that input: category, quantity and unit come from it.
    await buyer.getByTestId('post-need-0').click();
    await atPath(buyer, '/needs/new');
    await buyer.getByTestId('need-from-input').getByText('Zinc ingot for galvanising').waitFor();
    await buyer.getByTestId('need-submit').click();
    await atPath(buyer, /^\/needs\/need_/);
    const needId = buyer.url().split('/needs/')[1]!.split('?')[0]!;
    await buyer.getByText('Open', { exact: true }).first().waitFor();
    expect(await buyer.getByTestId('need-quantity').textContent()).toContain('40');

    // Matched at once: the supplier, with the reasons for its score.
    const matches = buyer.getByTestId('matches');
    await matches.getByText('Caspian Zinc Trading').waitFor({ timeout: 20_000 });
    await matches.getByText('Offers this category').first().waitFor();
    await screenshot(buyer, 'tenant-need-matches', 'en');

    // The supplier finds it in its inbox, asks a question, and bids.
    const seller = await h.newPage('en');
    await h.openAs(seller, supplier.email, '/inbox');
    const item = seller.getByTestId('inbox-item').filter({ hasText: 'Zinc ingot for galvanising' });
    await item.waitFor({ timeout: 20_000 });
    expect(await seriousA11yViolations(seller)).toEqual([]);
    await screenshot(seller, 'supplier-inbox', 'en');
    await item.getByRole('link').first().click();
    await atPath(seller, `/needs/${needId}`);
    await openTab(seller, 'Questions and answers');
    await seller.getByTestId('question-text').fill('Is SHG 99.995% acceptable, in 25 kg ingots?');
    await seller.getByRole('button', { name: 'Send question' }).click();
    await seller.getByText('Is SHG 99.995% acceptable, in 25 kg ingots?').waitFor();

    await openTab(buyer, 'Questions and answers');
    await buyer.getByLabel(/^Your answer/).fill('Yes, SHG in 25 kg ingots is what we use.');
    await buyer.getByRole('button', { name: 'Send answer' }).click();
    await buyer.getByText('Yes, SHG in 25 kg ingots is what we use.').waitFor();

    await openTab(seller, 'Your bid');
    // A price the currency cannot carry is refused next to the field, and nothing typed is lost.
    await seller.getByTestId('bid-unit-price').fill('abc');
    await seller.getByTestId('bid-submit').click();
    await seller.getByTestId('my-bid').getByRole('alert').waitFor();
    expect(await seller.getByTestId('bid-unit-price').inputValue()).toBe('abc');
    await seller.getByTestId('bid-unit-price').fill('1250000000');
    await seller.getByTestId('bid-submit').click();
    await seller.getByTestId('my-bid-summary').waitFor();
    expect(await seller.getByTestId('my-bid-summary').textContent()).toMatch(/1,250,000,000/);
    await screenshot(seller, 'supplier-bid', 'en');

    // Sealed: before the close the owner sees only how many bids came in.
    await openTab(buyer, 'Bids');
    await buyer
      .getByTestId('bid-count')
      .getByText(/1 bid\(s\) received/)
      .waitFor();

    // The server's clock passes the close; the owner compares and awards.
    clock.advance(4 * DAY);
    await buyer.reload();
    const comparison = buyer.getByTestId('bid-comparison');
    await comparison.waitFor();
    await comparison.getByTestId('sort-unitPrice').click();
    expect(await comparison.locator('th[aria-sort="ascending"]').count()).toBe(1);
    await screenshot(buyer, 'tenant-bid-comparison', 'en');
    await comparison.getByRole('button', { name: 'Award to Caspian Zinc Trading' }).click();
    // One click does not award: the dialog names the need, the amount and the supplier first.
    await buyer.getByRole('dialog').waitFor();
    await screenshot(buyer, 'award-confirmation', 'en');
    await buyer.getByTestId('confirm-no').click();
    await buyer.getByRole('dialog').waitFor({ state: 'detached' });
    expect(
      await buyer
        .getByTestId('bid-comparison')
        .getByRole('button', { name: /Award to/ })
        .count(),
    ).toBe(1);
    await comparison.getByRole('button', { name: 'Award to Caspian Zinc Trading' }).click();
    await confirmDialog(buyer, ['Zinc ingot for galvanising', 'Caspian Zinc Trading', /IRR\s?[\d,]+/]);
    await atPath(buyer, /^\/deals\/deal_/);
    await buyer.getByTestId('deal-seller').getByText('Caspian Zinc Trading').waitFor();

    // Both sides see the deal; the seller takes the first step.
    await seller.getByTestId('nav-deals').click();
    await seller.getByTestId('deals').getByRole('link', { name: 'Zinc ingot for galvanising' }).click();
    await seller.getByTestId('deal-buyer').getByText('Alborz Steel Pipe Co.').waitFor();
    await seller.getByTestId('deal-next-step').click();
    await confirmDialog(seller, ['Alborz Steel Pipe Co.', /IRR\s?[\d,]+/]);
    await seller.getByText('Confirmed', { exact: true }).first().waitFor();
    await seller
      .getByTestId('deal-step-done')
      .getByText(/Alborz Steel Pipe Co\./)
      .waitFor();
    await buyer.getByTestId('nav-deals').click();
    await buyer.getByTestId('deals').getByRole('link', { name: 'Zinc ingot for galvanising' }).waitFor();

    // The same screens in Persian, right to left.
    await buyer.getByTestId('language').selectOption('fa');
    await buyer.getByRole('heading', { level: 1, name: 'معاملات' }).waitFor();
    await screenshot(buyer, 'tenant-deals', 'fa');
    await buyer.getByTestId('nav-needs').click();
    await buyer.getByTestId('my-needs').waitFor();
    expect(await seriousA11yViolations(buyer)).toEqual([]);
    await screenshot(buyer, 'tenant-needs', 'fa');
    await seller.getByTestId('language').selectOption('fa');
    await seller.getByTestId('nav-inbox').click();
    await seller.getByRole('heading', { level: 1, name: 'نیازهای منطبق' }).waitFor();
    await screenshot(seller, 'supplier-inbox', 'fa');
  });
});

describe('workflow 4: a reverse auction, live', () => {
  it('shows a bidder its rank, the best price and a countdown to the effective close, all refreshing without a reload', {
    timeout: 120_000,
  }, async () => {
    const { parkId, operator, tenant, supplier } = world;
    const rival = await h.runtime.firm({
      kinds: ['supplier'],
      name: 'Tabriz Metals',
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const closesAtMs = clock.now().getTime() + 2 * DAY;
    const created = await h.runtime.call('POST', '/v1/needs', {
      token: tenant.token,
      body: {
        title: 'Zinc anodes, reverse auction',
        description: 'Sacrificial zinc anodes for the pickling line.',
        category: '2420',
        quantity: 5,
        unit: 't',
        parkId,
        currency: 'IRR',
        closesAt: new Date(closesAtMs).toISOString(),
        mode: 'auction',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const needId = created.body.needId as string;
    const published = await h.runtime.call('POST', `/v1/needs/${needId}/publish`, { token: tenant.token });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const rivalBid = (unitPrice: number) =>
      h.runtime.call('POST', `/v1/needs/${needId}/bids`, {
        token: rival.token,
        body: {
          unitPrice: { amount: unitPrice, currency: 'IRR' },
          quantity: 5,
          leadTimeDays: 10,
          validUntil: new Date(closesAtMs + 30 * DAY).toISOString(),
        },
      });

    const page = await h.newPage('en');
    await h.openAs(page, supplier.email, `/needs/${needId}`);
    const auction = page.getByTestId('auction');
    await auction.getByText('Place a bid to see your rank and the best price.').waitFor();
    await page.getByTestId('bid-unit-price').fill('1000000000');
    await page.getByTestId('bid-submit').click();
    await auction.getByTestId('auction-rank').getByText('1 of 1').waitFor();

    // Another supplier undercuts: rank and best price change on their own (no reload, no identity).
    expect((await rivalBid(900_000_000)).status).toBe(201);
    await auction.getByTestId('auction-rank').getByText('2 of 2').waitFor({ timeout: 15_000 });
    expect(await auction.getByTestId('auction-best').textContent()).toMatch(/900,000,000/);
    expect(await auction.textContent()).not.toContain('Tabriz');
    const closesBefore = await auction.getByTestId('auction-closes-at').textContent();
    await screenshot(page, 'supplier-auction', 'en');

    // One minute before the close (server time), retaking the lead extends the close: the
    // countdown's target moves without a reload.
    clock.set(new Date(closesAtMs - 60_000));
    await page.getByTestId('bid-unit-price').fill('800000000');
    await page.getByTestId('bid-submit').click();
    await page.getByTestId('bid-extended').waitFor();
    await auction.getByTestId('auction-rank').getByText('1 of 2').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => auction.getByTestId('auction-closes-at').textContent(), { timeout: 15_000 })
      .not.toBe(closesBefore);
    const msLeft = Number(await auction.getByTestId('auction-countdown').getAttribute('data-ms-left'));
    expect(msLeft).toBeGreaterThan(0);
  });
});
