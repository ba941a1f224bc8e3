import { fixedClock } from '@parkbridge/domain/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleague } from '../support/people';
import { openTab } from './support/ui';
import {
  atPath,
  screenshot,
  seriousA11yViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness';

const clock = fixedClock(new Date());
const DAY = 86_400_000;
let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness({ clock });
});
afterAll(async () => {
  await h?.close();
});

const visible = (page: Page, testId: string) => page.getByTestId(testId).isVisible();

describe('workflow 8: a firm’s admin invites colleagues with roles', () => {
  it('the admin invites, the colleague accepts and sees only what the role may do, a new role and a removal take effect at once', {
    timeout: 240_000,
  }, async () => {
    const { parkId, operator } = await h.runtime.park();
    const firm = await h.runtime.firm({
      kinds: ['tenant'],
      name: 'Alborz Steel Pipe Co.',
      approvedIn: { parkId, operatorToken: operator.token },
    });
    const email = h.runtime.unique('colleague');

    // The admin invites a colleague as a viewer from the People page.
    const admin = await h.newPage('en');
    await h.openAs(admin, firm.email, '/people');
    await admin.getByTestId('member-row').first().waitFor();
    await admin.getByTestId('invite-email').fill(email);
    await admin.getByTestId('invite-role').selectOption('viewer');
    await admin.getByTestId('invite-send').click();
    await admin.getByTestId('invitations').getByText(email).waitFor();
    expect(await admin.getByTestId('invitations').getByText('Pending').isVisible()).toBe(true);
    await admin.locator('[data-testid="invite-send"]:not([data-loading])').waitFor();
    // The pointer leaves the button it pressed: axe judges the page at rest, not a hovered button.
    await admin.mouse.move(0, 0);
    await screenshot(admin, 'people-admin', 'en');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // The colleague signs in with the invited address, finds the invitation and accepts it.
    const them = await h.newPage('en');
    await them.goto(`${h.base}/login`);
    await them.getByTestId('login-email').fill(email);
    await them.getByTestId('login-submit').click();
    await atPath(them, '/onboarding');
    await them
      .getByTestId('my-invitation')
      .getByText(/Alborz Steel Pipe Co\. invites you as Viewer/)
      .waitFor();
    await them.getByTestId('accept-invitation').click();
    await atPath(them, '/needs');
    expect(await them.getByTestId('my-role').textContent()).toContain('Viewer');

    // A viewer reads the needs but is offered nothing the API would refuse.
    await them.getByRole('heading', { name: 'My needs' }).waitFor();
    expect(await visible(them, 'new-need')).toBe(false);
    await them.getByTestId('nav-people').click();
    await them.getByTestId('members').getByText(email).waitFor();
    expect(await visible(them, 'invite-form')).toBe(false);
    expect(await them.getByTestId('members').getByRole('combobox').count()).toBe(0);
    await them.getByTestId('nav-chains').click();
    await them.getByRole('heading', { name: 'Production chains' }).waitFor();
    expect(await visible(them, 'new-chain')).toBe(false);
    await screenshot(them, 'people-viewer', 'en');

    // The admin makes them a buyer: the colleague's next call (the deals they open) is refused
    // with the old role, the session renews itself, and from then on they are offered a buyer's
    // buttons, without signing in again.
    await admin.reload();
    await admin.getByTestId(`role-${email}`).selectOption('buyer');
    await admin.getByTestId(`save-role-${email}`).click();
    await admin.getByTestId(`save-role-${email}`).and(admin.locator('[disabled]')).waitFor();
    await them.getByTestId('nav-deals').click();
    await them.getByTestId('my-role').getByText('Buyer').waitFor();
    await them.getByTestId('nav-needs').click();
    await them.getByTestId('new-need').waitFor();

    // The admin removes them: their very next call is refused, and the app shows it.
    await admin.getByTestId(`remove-${email}`).click();
    await admin.getByTestId(`confirm-remove-${email}`).click();
    await admin.getByTestId('members').getByText(email).waitFor({ state: 'detached' });
    await them.getByTestId('nav-expos').click();
    await atPath(them, '/onboarding');
    const refused = await h.runtime.call('GET', '/v1/needs', {
      token: await them.evaluate(() => sessionStorage.getItem('parkbridge.token') ?? ''),
    });
    expect(refused.status).toBe(403);

    // The People page in Persian, right to left, wide and on a phone.
    await admin.getByTestId('language').selectOption('fa');
    await admin.getByRole('heading', { name: 'افراد' }).first().waitFor();
    expect(await admin.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(admin, 'people-admin', 'fa');
    for (const lang of ['fa', 'en'] as const) {
      const phone = await h.newPage(lang);
      await phone.setViewportSize({ width: 390, height: 844 });
      await h.openAs(phone, firm.email, '/people');
      await phone.getByTestId('invitation-row').first().waitFor();
      // The page fits the phone's width: wide tables scroll inside themselves, not the page.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(phone, 'people-admin-phone', lang);
    }
  });

  it('a buyer’s large award waits in the need’s award panel until another admin approves it', {
    timeout: 240_000,
  }, async () => {
    const { parkId, operator } = await h.runtime.park();
    const approvedIn = { parkId, operatorToken: operator.token };
    const firm = await h.runtime.firm({ kinds: ['tenant'], name: 'Pars Auto Parts', approvedIn });
    const supplier = await h.runtime.firm({ kinds: ['supplier'], name: 'Caspian Flange Works', approvedIn });
    const buyer = await colleague(h.runtime, firm, 'buyer');
    await h.runtime.call('PATCH', `/v1/orgs/${firm.orgId}`, {
      token: firm.token,
      body: { awardApprovalAbove: { amount: 1_000_000, currency: 'IRR' } },
    });
    const created = await h.runtime.call('POST', '/v1/needs', {
      token: buyer.token,
      body: {
        title: 'Brake discs, 300 mm',
        description: 'Grey cast iron GG25.',
        category: '2910',
        quantity: 100,
        unit: 'pcs',
        parkId,
        currency: 'IRR',
        closesAt: new Date(clock.now().getTime() + 2 * DAY).toISOString(),
        mode: 'sealed',
      },
    });
    const needId = created.body.needId as string;
    await h.runtime.call('POST', `/v1/needs/${needId}/publish`, { token: buyer.token });
    const bid = await h.runtime.call('POST', `/v1/needs/${needId}/bids`, {
      token: supplier.token,
      body: {
        unitPrice: { amount: 250_000, currency: 'IRR' },
        quantity: 100,
        leadTimeDays: 10,
        validUntil: '2099-01-01T00:00:00Z',
      },
    });
    expect(bid.status).toBe(201);
    clock.advance(3 * DAY);

    // The buyer awards: above the threshold it waits, and the panel says so.
    const page = await h.newPage('en');
    await h.openAs(page, buyer.email, `/needs/${needId}`);
    await openTab(page, 'Bids');
    await page.getByRole('button', { name: 'Award to Caspian Flange Works' }).click();
    await page
      .getByTestId('confirm-dialog')
      .getByText(/Caspian Flange Works/)
      .waitFor();
    await page.getByTestId('confirm-yes').click();
    await page
      .getByTestId('pending-award')
      .getByText(/You asked to award it to Caspian Flange Works/)
      .waitFor();
    expect(await visible(page, 'approve-award')).toBe(false);
    expect(await page.getByRole('button', { name: 'Award to Caspian Flange Works' }).count()).toBe(0);
    await screenshot(page, 'award-waiting-buyer', 'en');

    // The admin approves it from the same panel: the deal is made.
    const admin = await h.newPage('fa');
    await h.openAs(admin, firm.email, `/needs/${needId}`);
    await admin.getByRole('tab', { name: 'پیشنهادها' }).click();
    await admin.getByTestId('pending-award').waitFor();
    await screenshot(admin, 'award-waiting-admin', 'fa');
    await admin.getByTestId('approve-award').click();
    await admin.getByTestId('confirm-yes').click();
    await atPath(admin, /^\/deals\/deal_/);
    const stored = await h.runtime.container.bidding.repos.needs.get(needId);
    expect(stored?.status).toBe('awarded');
  });
});
