import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fa } from '../../packages/web/src/i18n/messages/fa';
import { eventually } from '../support/eventually';
import {
  atPath,
  type Lang,
  screenshot,
  seriousA11yViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness';

// Workflow 11 (issue 19): a visitor finds a park without signing in and is led to join it; a firm
// finds suppliers in the directory and searches needs, listings and suppliers in Persian and Chinese.

let h: WebHarness;
let parkId: string;
let outsider: { email: string };
let buyer: { email: string };
const PARK = 'Eshtehard Industrial Town';
const PARK_FA = 'شهرک صنعتی اشتهارد';
const MILL = 'Kaveh Steel Mill';
const NEED_FA = 'لوله فولادی بدون درز';
const LISTING_FA = 'ورق فولادی گرم‌نوردیده';

beforeAll(async () => {
  // The stream consumers (chain map, supplier directory) run as in the local server.
  h = await startWebHarness({ jobs: true });
  const rt = h.runtime;
  const made = await rt.park({
    name: PARK,
    names: { fa: PARK_FA },
    city: 'Eshtehard',
    description: 'Steel, auto parts and food processing, 60 km west of Tehran.',
  });
  parkId = made.parkId;
  const approvedIn = { parkId, operatorToken: made.operator.token };
  const tenant = await rt.firm({ kinds: ['tenant'], name: 'Alborz Pipe Co.', approvedIn });
  buyer = tenant;
  await rt.call('PATCH', `/v1/orgs/${tenant.orgId}`, { token: tenant.token, body: { publicProfile: true } });
  const mill = await rt.firm({ kinds: ['tenant', 'supplier'], name: MILL, approvedIn });
  await rt.verifiedCertificate(mill.token, mill.orgId, made.operator.token, 'iso_9001');
  const listing = await rt.call('POST', '/v1/listings', {
    token: mill.token,
    body: {
      kind: 'product',
      title: LISTING_FA,
      description: 'Hot rolled steel sheet, 2 to 12 mm.',
      category: '2410',
      capacityPerPeriod: 500,
      unit: 't',
      period: 'month',
      leadTimeDays: 14,
      serviceArea: { scope: 'national' },
      parkId,
    },
  });
  expect(listing.status, JSON.stringify(listing.body)).toBe(201);
  const need = await rt.call('POST', '/v1/needs', {
    token: tenant.token,
    body: {
      title: NEED_FA,
      description: 'DN50, ASTM A106 grade B',
      category: '2420',
      quantity: 10,
      unit: 't',
      parkId,
      currency: 'IRR',
      closesAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      mode: 'sealed',
    },
  });
  expect(need.status, JSON.stringify(need.body)).toBe(201);
  await rt.call('POST', `/v1/needs/${need.body.needId}/publish`, { token: tenant.token });
  const start = Date.now() + 30 * 86_400_000;
  await rt.call('POST', '/v1/expos', {
    token: made.operator.token,
    body: {
      parkId,
      name: 'Eshtehard supply expo',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3 * 86_400_000).toISOString(),
      venue: 'Park exhibition centre',
    },
  });
  const other = await rt.park({ name: 'Thang Long Industrial Park', country: 'VN', currency: 'VND' });
  outsider = await rt.firm({
    kinds: ['supplier'],
    name: 'Hanoi Bolts',
    country: 'VN',
    approvedIn: { parkId: other.parkId, operatorToken: other.operator.token },
  });
  // What the consumers build behind those writes, before any page is opened.
  await eventually(
    () => rt.call('GET', `/v1/public/parks/${parkId}`),
    (r) => r.body?.openNeeds === 1 && r.body?.memberFirms === 2,
    60_000,
  );
  await eventually(
    () => rt.call('GET', '/v1/suppliers?certificate=iso_9001', { token: tenant.token }),
    (r) => r.body?.items?.length === 1,
    60_000,
  );
}, 180_000);
afterAll(async () => {
  await h?.close();
});

async function narrow(page: Page, name: string, lang: Lang) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  await screenshot(page, `${name}-390`, lang);
}

describe('finding things without signing in', { timeout: 90_000 }, () => {
  it.each(['en', 'fa'] as const)(
    'a visitor finds a park and its page in %s, and is led to join it',
    async (lang) => {
      const page = await h.newPage(lang);
      await page.goto(`${h.base}/explore`);
      const card = page.getByTestId('public-park-card').filter({ hasText: lang === 'fa' ? PARK_FA : PARK });
      await card.waitFor();
      expect(await page.title()).toContain(lang === 'fa' ? fa['public.parks.title'] : 'Industrial parks');
      await screenshot(page, 'public-parks', lang);
      await card.getByRole('link').click();
      await atPath(page, `/explore/parks/${parkId}`);
      await page.getByTestId('park-sector').first().waitFor();
      expect(await page.getByTestId('park-open-needs').textContent()).toBe(lang === 'fa' ? '۱' : '1');
      expect(await page.getByTestId('park-member-firms').textContent()).toBe(lang === 'fa' ? '۲' : '2');
      expect(await page.getByTestId('public-firms').textContent()).toContain('Alborz Pipe Co.');
      expect(await page.getByTestId('public-firms').textContent()).not.toContain(MILL);
      await page.getByTestId('park-expos').getByText('Eshtehard supply expo').waitFor();
      const steel = page.locator('[data-testid="park-sector"][data-code="24"]');
      expect(await steel.textContent()).toContain(
        lang === 'fa' ? 'ساخت فلزات پایه' : 'Manufacture of basic metals',
      );
      // Server-visible title and description per page, in the reader's language.
      expect(await page.title()).toContain(lang === 'fa' ? PARK_FA : PARK);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description).toContain(lang === 'fa' ? PARK_FA : PARK);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'public-park', lang);
      await narrow(page, 'public-park', lang);
      await page.setViewportSize({ width: 1280, height: 860 });

      await page.getByTestId('join-park').click();
      await atPath(page, '/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/org?join=${parkId}`);
    },
  );

  it('takes a firm that pressed "Join this park" to the membership form with that park chosen', async () => {
    const page = await h.newPage('en');
    await page.goto(`${h.base}/explore/parks/${parkId}`);
    await page.getByTestId('join-park').click();
    await atPath(page, '/login');
    await page.getByTestId('login-email').fill(outsider.email);
    await page.getByTestId('login-submit').click();
    await atPath(page, '/org');
    const select = page.getByLabel(/^Park/).last();
    await expect.poll(() => select.inputValue()).toBe(parkId);
  });
});

describe('finding suppliers and searching, signed in', { timeout: 90_000 }, () => {
  it.each([
    ['fa', 'فولاد'],
    ['en', 'steel'],
  ] as const)('finds the steel mill in the supplier directory by a word in %s', async (lang, word) => {
    const page = await h.newPage(lang);
    await h.openAs(page, buyer.email, '/suppliers');
    await page.getByTestId('supplier-card').first().waitFor();
    await page.getByTestId('suppliers-q').fill(word);
    await page.waitForURL((u) => u.searchParams.get('q') === word);
    await expect.poll(() => page.getByTestId('supplier-card').allTextContents()).toHaveLength(1);
    const card = page.getByTestId('supplier-card');
    expect(await card.textContent()).toContain(MILL);
    expect(await card.getByTestId('category-label').first().textContent()).toContain(
      lang === 'fa' ? 'ساخت آهن و فولاد پایه' : 'Manufacture of basic iron and steel',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'suppliers', lang);
    await narrow(page, 'suppliers', lang);
  });

  it.each([
    ['fa', 'فولاد', 1],
    ['zh', '钢', 0],
    ['en', 'mill', 0],
  ] as const)(
    'searches needs, listings and suppliers from the header in %s (%s)',
    async (lang, word, texts) => {
      const page = await h.newPage(lang);
      await h.openAs(page, buyer.email, '/');
      await page.getByTestId('header-search').fill(word);
      await page.getByTestId('header-search').press('Enter');
      await atPath(page, '/search');
      const suppliers = page.getByTestId('search-suppliers');
      await suppliers.getByTestId('supplier-card').first().waitFor();
      expect(await suppliers.textContent()).toContain(MILL);
      // Persian words find the Persian need and listing; the category titles find the mill in any language.
      const needs = page.getByTestId('search-needs');
      const listings = page.getByTestId('search-listings');
      await expect.poll(() => needs.getByTestId('search-need').count()).toBe(texts);
      await expect.poll(() => listings.getByTestId('search-listing').count()).toBe(texts);
      if (texts) {
        expect(await needs.textContent()).toContain(NEED_FA);
        expect(await listings.textContent()).toContain(LISTING_FA);
      }
      await page.getByTestId('search-categories').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'search', lang);
      await narrow(page, 'search', lang);
    },
  );
});
