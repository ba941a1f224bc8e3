import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNeed } from '../integration/bidding/support/needs';
import { screenshot, seriousA11yViolations, startWebHarness, type WebHarness } from './support/web-harness';

const DAY = 86_400_000;

let h: WebHarness;

beforeAll(async () => {
  // A short minimum bidding window: the deal test closes a need a few seconds after publishing it.
  h = await startWebHarness({ jobs: true, rules: { minBiddingWindowS: 1 } });
});
afterAll(async () => {
  await h?.close();
});

async function api(method: string, path: string, token: string, body?: unknown, headers = {}) {
  const res = await h.runtime.call(method, path, { token, body, headers });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** An approved tenant and an approved supplier of the park. */
async function tenantAndSupplier(
  parkId: string,
  operatorToken: string,
  names: { tenant?: string; supplier?: string } = {},
) {
  const approvedIn = { parkId, operatorToken };
  const tenant = await h.runtime.firm({ kinds: ['tenant'], name: names.tenant, approvedIn });
  const supplier = await h.runtime.firm({ kinds: ['supplier'], name: names.supplier, approvedIn });
  return { tenant, supplier };
}

/** A park with an expo, one 40 × 25 m pavilion themed 24 (basic metals), and two slots. */
async function expoWithSlots(name: string) {
  const { parkId, operator } = await h.runtime.park();
  const start = Date.now() + 30 * DAY;
  const expo = (
    await api('POST', '/v1/expos', operator.token, {
      parkId,
      name,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3 * DAY).toISOString(),
      venue: 'Exhibition hall',
    })
  ).body;
  const pavilion = (
    await api('POST', `/v1/expos/${expo.expoId}/pavilions`, operator.token, {
      name: 'Hall A: metals',
      themes: ['24'],
      floor: { width: 40, depth: 25 },
    })
  ).body;
  const slot = async (code: string, rect: { x: number; y: number; w: number; h: number }) =>
    (
      await api('POST', `/v1/pavilions/${pavilion.pavilionId}/slots`, operator.token, {
        code,
        kind: 'inline',
        area: rect.w * rect.h,
        rect,
        price: { amount: 50_000_000, currency: 'IRR' },
      })
    ).body as { slotId: string };
  const a1 = await slot('A1', { x: 2, y: 2, w: 6, h: 4 });
  const a2 = await slot('A2', { x: 20, y: 2, w: 4, h: 4 });
  return {
    parkId,
    operator,
    expoId: expo.expoId as string,
    pavilionId: pavilion.pavilionId as string,
    a1,
    a2,
  };
}

describe('the floor-plan editor edits saved slots', () => {
  it('the operator selects a slot, moves and reprices it; refusals show next to the fields; a held slot keeps its rectangle', {
    timeout: 150_000,
  }, async () => {
    const w = await expoWithSlots('Slot editing expo');
    const supplier = await h.runtime.firm({
      kinds: ['supplier'],
      approvedIn: { parkId: w.parkId, operatorToken: w.operator.token },
    });
    await api('POST', `/v1/slots/${w.a2.slotId}/hold`, supplier.token);

    const page = await h.newPage('en');
    await h.openAs(page, w.operator.email, `/expos/${w.expoId}/edit`);
    const editor = page.getByTestId('floor-editor');
    await editor.getByTestId('slot-A1').click();
    await page.getByTestId('slot-form-title').getByText('Edit slot A1').waitFor();
    expect(await page.getByTestId('rect-x').inputValue()).toBe('2');
    expect(await page.getByTestId('slot-code').inputValue()).toBe('A1');

    // Off the floor: the server's field error is shown under the rectangle's fields.
    await page.getByTestId('rect-x').fill('38');
    await page.getByTestId('slot-save').click();
    await page.getByText('Must fit a floor of 40 × 25 m.').waitFor();
    // Over A2: refused with the reason, and nothing moves.
    await page.getByTestId('rect-x').fill('19');
    await page.getByTestId('slot-save').click();
    await page.getByRole('alert').getByText('The rectangle overlaps another slot').waitFor();

    // The keyboard moves the slot's rectangle (Shift+arrows resize it), and the save lands.
    await page.getByTestId('rect-x').fill('10');
    await page.getByTestId('draft-slot').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('rect-y').inputValue()).toBe('2.5');
    await page.getByTestId('slot-code').fill('A1-corner');
    await page.getByTestId('slot-price').fill('65000000');
    await screenshot(page, 'operator-slot-edit', 'en');
    await page.getByTestId('slot-save').click();
    await editor.getByTestId('slot-A1-corner').waitFor();
    await page.getByTestId('slot-form-title').getByText('New slot').waitFor();
    const saved = (await api('GET', `/v1/slots/${w.a1.slotId}`, w.operator.token)).body;
    expect(saved).toMatchObject({ code: 'A1-corner', rect: { x: 10, y: 2.5, w: 6, h: 4 }, version: 2 });
    expect(saved.price).toEqual({ amount: 65_000_000, currency: 'IRR' });
    expect(await editor.getByTestId('slot-A1-corner').locator('rect').first().getAttribute('x')).toBe('10');

    // A2 is held by a supplier: its price cannot change, and the editor says why.
    await editor.getByTestId('slot-A2').click();
    await page.getByTestId('slot-form-title').getByText('Edit slot A2').waitFor();
    await page.getByTestId('slot-price').fill('1000');
    await page.getByTestId('slot-save').click();
    await page.getByRole('alert').getByText('The slot is held or booked').waitFor();
    await page.getByTestId('slot-edit-cancel').click();
    expect((await api('GET', `/v1/slots/${w.a2.slotId}`, w.operator.token)).body.version).toBe(1);

    // In Persian, the editor speaks Persian and the plan stays unmirrored.
    await page.getByTestId('language').selectOption('fa');
    await editor.getByTestId('slot-A2').click();
    await page.getByTestId('slot-form-title').getByText('ویرایش غرفهٔ A2').waitFor();
    await screenshot(page, 'operator-slot-edit', 'fa');
  });
});

describe('pavilion recommendations', () => {
  it('a supplier sees pavilions ranked by open demand with worded reasons and holds a free slot from them; once it is booked, a matched tenant sees the booth', {
    timeout: 180_000,
  }, async () => {
    const w = await expoWithSlots('Metals supply expo');
    const { tenant, supplier } = await tenantAndSupplier(w.parkId, w.operator.token, {
      tenant: 'Alborz Steel Pipe Co.',
      supplier: 'Caspian Steel Trading',
    });
    await api('POST', '/v1/listings', supplier.token, {
      kind: 'product',
      title: 'Hot-rolled steel coil',
      description: 'S235JR, 1.5–6 mm.',
      category: '2410',
      unit: 't',
      leadTimeDays: 10,
      serviceArea: { scope: 'national' },
    });
    await openNeed(h.runtime, { owner: tenant, parkId: w.parkId, closesAt: Date.now() + 5 * DAY });

    // The supplier finds the recommendations from the expo list.
    const sup = await h.newPage('en');
    await h.openAs(sup, supplier.email, '/expos');
    await sup.getByTestId(`recommendations-${w.expoId}`).click();
    const card = sup.getByTestId('reco-pavilion').first();
    await card.waitFor();
    await card.getByText('1 open needs from 1 tenants of the park in these categories').waitFor();
    await card.getByText('The pavilion’s themes meet 1 of your listings').waitFor();
    await card.getByText('2 of 2 slots are free').waitFor();
    expect(await seriousA11yViolations(sup)).toEqual([]);
    await screenshot(sup, 'supplier-recommendations', 'en');

    // From the recommendation to the slot on the floor plan, and a hold.
    await card.getByTestId('reco-slot-A1').click();
    await sup.getByTestId('slot-panel').getByText('Slot A1').waitFor();
    await sup.getByTestId('slot-hold').click();
    await sup.getByTestId('hold-countdown').waitFor();
    await sup.getByTestId('booking-submit').click();
    await sup.getByTestId('slot-panel').getByText('Yours: Requested').waitFor();

    // In Persian, the reasons are worded in Persian with Persian digits.
    await sup.goto(`${h.base}/expos/${w.expoId}/recommendations`);
    await sup.getByTestId('language').selectOption('fa');
    await sup.getByTestId('reco-pavilion').first().getByText('۱ از ۲ غرفه آزاد است').waitFor();
    await screenshot(sup, 'supplier-recommendations', 'fa');

    // The operator approves; the tenant, whose open need matched the supplier, sees its booth.
    const bookings = (await api('GET', '/v1/bookings?mine=true', supplier.token)).body.items;
    await api('POST', `/v1/bookings/${bookings[0].bookingId}/approve`, w.operator.token);
    const ten = await h.newPage('en');
    await h.openAs(ten, tenant.email, `/expos/${w.expoId}`);
    await ten.getByTestId('open-recommendations').click();
    // Matching runs off the table's stream: look again until the match has arrived.
    await expect
      .poll(
        async () => {
          await ten.reload();
          await ten.getByTestId('reco-booths').waitFor();
          return ten.getByTestId('reco-booth').count();
        },
        { timeout: 40_000, interval: 1000 },
      )
      .toBe(1);
    const booth = ten.getByTestId('reco-booth');
    await booth.getByText(/Matches your open need “Cold-rolled steel coil, 2 mm”/).waitFor();
    await booth.getByText('Booth A1, Hall A: metals', { exact: false }).waitFor();
    expect(await seriousA11yViolations(ten)).toEqual([]);
    await screenshot(ten, 'tenant-recommendations', 'en');
    await booth.getByTestId('reco-booth-A1').click();
    await ten.getByTestId('slot-exhibitor').waitFor();
  });
});

describe('amending an open need', () => {
  it('the owner amends an open need: a refused value shows under its field, the amendment lands in the history that bidders see too', {
    timeout: 120_000,
  }, async () => {
    const { parkId, operator } = await h.runtime.park();
    const { tenant, supplier } = await tenantAndSupplier(parkId, operator.token);
    const need = await openNeed(h.runtime, {
      owner: tenant,
      parkId,
      title: 'Galvanised wire, 3 mm',
      description: 'For fencing panels.',
      quantity: 40,
      closesAt: Date.now() + 5 * DAY,
    });

    const page = await h.newPage('en');
    await h.openAs(page, tenant.email, `/needs/${need.needId}`);
    await page.getByTestId('need-amend').click();
    const form = page.getByTestId('amend-form');
    await page.getByTestId('amend-quantity').fill('0');
    await page.getByTestId('amend-reason').fill('The fencing order grew.');
    await page.getByTestId('amend-submit').click();
    // The server's 400 names `quantity`: the message sits under that input, which is marked invalid.
    await expect.poll(() => page.getByTestId('amend-quantity').getAttribute('aria-invalid')).toBe('true');
    const wrapper = page
      .getByTestId('amend-quantity')
      .locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")][1]');
    expect(await wrapper.locator('.mantine-InputWrapper-error').count()).toBe(1);
    // Nothing typed is lost: the reason is still there; a valid quantity goes through.
    expect(await page.getByTestId('amend-reason').inputValue()).toBe('The fencing order grew.');
    await page.getByTestId('amend-quantity').fill('55');
    await page.getByTestId('amend-title').fill('Galvanised wire, 3 mm, class B zinc');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/amend'));
    await page.getByTestId('amend-submit').click();
    // Only what differs from the need is sent, the quantity as a number.
    expect((await sent).postDataJSON()).toEqual({
      reason: 'The fencing order grew.',
      title: 'Galvanised wire, 3 mm, class B zinc',
      quantity: 55,
    });
    await form.waitFor({ state: 'detached' });
    const history = page.getByTestId('amendments');
    await history.getByText('Amendments (1)').waitFor();
    await history.getByTestId('amendment-reason').getByText('Reason: The fencing order grew.').waitFor();
    expect(await history.getByTestId('amendment-after-quantity').textContent()).toBe('55');
    await page.getByRole('heading', { level: 1, name: 'Galvanised wire, 3 mm, class B zinc' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'tenant-need-amended', 'en');
    await page.getByTestId('language').selectOption('fa');
    await history.getByText('اصلاحیه‌ها (۱)').waitFor();
    await screenshot(page, 'tenant-need-amended', 'fa');

    // An approved supplier reading the need sees what changed and why.
    const sup = await h.newPage('en');
    await h.openAs(sup, supplier.email, `/needs/${need.needId}`);
    await sup.getByTestId('amendments').getByText('Reason: The fencing order grew.').waitFor();
  });
});

describe('cancelling a deal', () => {
  it('either side calls a deal off before delivery with a reason: an empty reason is refused under its field, then both sides see it cancelled', {
    timeout: 120_000,
  }, async () => {
    const { parkId, operator } = await h.runtime.park();
    const { tenant, supplier } = await tenantAndSupplier(parkId, operator.token);
    const closesAt = Date.now() + 4000;
    const need = await openNeed(h.runtime, {
      owner: tenant,
      parkId,
      title: 'Steel angle 50 × 50',
      description: 'For racks.',
      quantity: 10,
      closesAt,
    });
    const bid = (
      await api('POST', `/v1/needs/${need.needId}/bids`, supplier.token, {
        unitPrice: { amount: 900_000, currency: 'IRR' },
        quantity: 10,
        leadTimeDays: 14,
        validUntil: '2099-01-01T00:00:00Z',
      })
    ).body;
    await new Promise((r) => setTimeout(r, Math.max(0, closesAt - Date.now() + 500)));
    const deal = (await api('POST', `/v1/needs/${need.needId}/award`, tenant.token, { bidId: bid.bidId }))
      .body;

    const page = await h.newPage('en');
    await h.openAs(page, tenant.email, `/deals/${deal.dealId}`);
    await page.getByTestId('deal-cancel').click();
    await page.getByTestId('deal-cancel-confirm').click();
    await expect.poll(() => page.getByTestId('deal-cancel-reason').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('deal-cancel-reason').fill('The line was retooled; we no longer need the angles.');
    await page.getByTestId('deal-cancel-confirm').click();
    await page
      .getByTestId('deal-cancelled')
      .getByText(
        /The buyer cancelled the deal on .*: .?The line was retooled; we no longer need the angles\..?/,
      )
      .waitFor();
    expect(await page.getByTestId('deal-cancel').count()).toBe(0);
    await screenshot(page, 'tenant-deal-cancelled', 'en');

    // The seller sees the same, in its language, and can no longer act on it.
    const sup = await h.newPage('vi');
    await h.openAs(sup, supplier.email, `/deals/${deal.dealId}`);
    await sup
      .getByTestId('deal-cancelled')
      .getByText(/Bên mua đã hủy giao dịch/)
      .waitFor();
    expect(await sup.getByTestId('deal-next-step').count()).toBe(0);
    expect(await sup.getByTestId('deal-cancel').count()).toBe(0);
    expect((await api('GET', `/v1/deals/${deal.dealId}`, supplier.token)).body.status).toBe('cancelled');
  });
});
