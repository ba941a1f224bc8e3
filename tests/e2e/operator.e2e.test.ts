import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmDialog, pickCategory } from './support/ui';
import {
  atPath,
  screenshot,
  seriousA11yViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness';

const DAY = 86_400_000;

let h: WebHarness;
let park: Awaited<ReturnType<WebHarness['runtime']['park']>>;

beforeAll(async () => {
  h = await startWebHarness({ jobs: true });
  park = await h.runtime.park({ name: 'Eshtehard Industrial Town', names: { fa: 'شهرک صنعتی اشتهارد' } });
});
afterAll(async () => {
  await h?.close();
});

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await h.runtime.call(method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('workflow 6: expo floor plan, hold, submit, approve', () => {
  it('the operator draws a slot on the pavilion floor; a supplier holds and submits it; once approved it shows booked', {
    timeout: 150_000,
  }, async () => {
    const op = park.operator;
    const start = Date.now() + 30 * DAY;
    const expo = await api('POST', '/v1/expos', op.token, {
      parkId: park.parkId,
      name: 'Eshtehard Industry Expo',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3 * DAY).toISOString(),
      venue: 'Exhibition hall, Eshtehard',
    });
    const supplier = await h.runtime.firm({
      kinds: ['supplier'],
      name: 'Karaj Packaging Industries',
      approvedIn: { parkId: park.parkId, operatorToken: op.token },
    });

    // The operator adds a pavilion and draws a slot on its floor with the mouse.
    const opPage = await h.newPage('en');
    await h.openAs(opPage, op.email, `/expos/${expo.expoId}/edit`);
    await opPage.getByTestId('pavilion-name').fill('Hall A: metals');
    await pickCategory(opPage, /^Add a theme/, '24');
    await opPage.getByTestId('pavilion-create').click();
    const floor = opPage.getByTestId('floor-editor');
    await floor.waitFor();
    const box = (await floor.boundingBox())!;
    // The viewBox is the 40 × 25 m floor plus half a metre of margin on each side.
    const at = (x: number, y: number) => ({
      x: box.x + ((x + 0.5) / 41) * box.width,
      y: box.y + ((y + 0.5) / 26) * box.height,
    });
    const from = at(2, 2);
    const to = at(8, 6);
    await opPage.mouse.move(from.x, from.y);
    await opPage.mouse.down();
    await opPage.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await opPage.mouse.move(to.x, to.y, { steps: 4 });
    await opPage.mouse.up();
    await opPage.getByTestId('draft-slot').waitFor();
    expect(await opPage.getByTestId('rect-w').inputValue()).toBe('6');
    expect(await opPage.getByTestId('rect-h').inputValue()).toBe('4');
    // The keyboard moves the drawn rectangle too.
    await opPage.getByTestId('draft-slot').focus();
    await opPage.keyboard.press('ArrowRight');
    expect(await opPage.getByTestId('rect-x').inputValue()).toBe('2.5');
    await opPage.getByTestId('slot-code').fill('A1');
    await opPage.getByTestId('slot-price').fill('50000000');
    await opPage.getByTestId('slot-save').click();
    await opPage.getByTestId('slot-A1').waitFor();
    await screenshot(opPage, 'operator-floor-editor', 'en');

    // A rectangle over an existing slot is refused, and the refusal is shown.
    await opPage.getByTestId('rect-x').fill('3');
    await opPage.getByTestId('rect-y').fill('3');
    await opPage.getByTestId('rect-w').fill('2');
    await opPage.getByTestId('rect-h').fill('2');
    await opPage.getByTestId('slot-code').fill('A2');
    await opPage.getByTestId('slot-price').fill('50000000');
    await opPage.getByTestId('slot-save').click();
    await opPage.getByRole('alert').first().waitFor();
    expect(await opPage.getByTestId('slot-A2').count()).toBe(0);

    // The supplier finds the expo, holds the slot on the floor plan and submits it.
    const sup = await h.newPage('en');
    await h.openAs(sup, supplier.email, '/inbox');
    await sup.getByTestId('nav-expos').click();
    await sup.getByRole('link', { name: 'Eshtehard Industry Expo' }).click();
    const plan = sup.getByTestId('floor-plan');
    await plan.waitFor();
    expect(await plan.getByTestId('slot-A1').getAttribute('data-status')).toBe('available');
    await plan.getByTestId('slot-A1').focus();
    await sup.keyboard.press('Enter');
    await sup.getByTestId('slot-hold').click();
    await sup.getByTestId('hold-countdown').waitFor();
    await sup.getByTestId('booking-submit').click();
    await sup.getByTestId('slot-panel').getByText('Yours: Requested').waitFor();
    await screenshot(sup, 'supplier-floor-plan', 'en');

    // The operator approves it.
    await opPage.goto(`${h.base}/expos/${expo.expoId}/bookings`);
    await opPage.getByTestId('approve-A1').click();
    await confirmDialog(opPage, ['A1']);
    await opPage.getByTestId('expo-bookings').waitFor({ state: 'detached' });
    await opPage
      .getByTestId('occupancy')
      .getByText(/100 %|100%/)
      .waitFor();
    await screenshot(opPage, 'operator-bookings', 'en');

    // The slot shows booked, to the supplier and in Persian too.
    await sup.reload();
    await expect.poll(() => sup.getByTestId('slot-A1').getAttribute('data-status')).toBe('booked');
    await sup.getByTestId('slot-A1').click();
    await sup.getByTestId('slot-exhibitor').getByText('Karaj Packaging Industries').waitFor();
    await sup.getByTestId('language').selectOption('fa');
    await sup.getByTestId('slot-panel').getByText('رزرو شده').first().waitFor();
    await screenshot(sup, 'supplier-floor-plan', 'fa');
  });
});

describe('workflow 7: the park’s production-chain map', () => {
  it('shows the operator who supplies whom, the gaps highlighted, idle capacity, and exports CSV', {
    timeout: 120_000,
  }, async () => {
    const op = park.operator;
    const tube = await h.runtime.firm({
      kinds: ['tenant', 'supplier'],
      name: 'Eshtehard Steel Tube',
      approvedIn: { parkId: park.parkId, operatorToken: op.token },
    });
    const pumps = await h.runtime.firm({
      kinds: ['tenant'],
      name: 'Alborz Pump Works',
      approvedIn: { parkId: park.parkId, operatorToken: op.token },
    });
    await api('POST', '/v1/chains', pumps.token, {
      parkId: park.parkId,
      output: { category: '2813', name: 'Centrifugal pumps' },
      inputs: [
        {
          category: '2420',
          quantity: 10,
          unit: 't',
          period: 'month',
          source: 'in_park',
          supplierOrgId: tube.orgId,
        },
        { category: '2013', quantity: 5, unit: 't', period: 'month', source: 'imported' },
      ],
    });
    await api('POST', '/v1/listings', tube.token, {
      kind: 'capacity',
      title: 'Free CNC turning hours',
      description: 'Two CNC lathes idle on the night shift.',
      category: '2592',
      capacityPerPeriod: 120,
      unit: 'h',
      period: 'month',
      leadTimeDays: 3,
      machineClass: 'CNC lathe, Ø 400 mm',
      serviceArea: { scope: 'park' },
      parkId: park.parkId,
    });
    await api('POST', '/v1/listings', tube.token, {
      kind: 'product',
      title: 'Seamless steel tube',
      description: 'DN15 to DN100.',
      category: '2420',
      capacityPerPeriod: 300,
      unit: 't',
      period: 'month',
      leadTimeDays: 7,
      serviceArea: { scope: 'park' },
      parkId: park.parkId,
    });

    const page = await h.newPage('en');
    await h.openAs(page, op.email, `/parks/${park.parkId}`);
    await page.getByTestId('open-chain-map').click();
    await atPath(page, `/parks/${park.parkId}/chain-map`);
    // The map's figures follow the records through the table's stream: reload until they arrive.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('chain-map-gap-count').waitFor();
          return page.getByTestId('chain-gap-node').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    const graph = page.getByTestId('chain-graph');
    expect(await graph.getByTestId('chain-node').count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('gaps').getByText('2013').waitFor();
    await page.getByTestId('idle-capacity').getByText('CNC lathe, Ø 400 mm').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'operator-chain-map', 'en');

    const download = page.waitForEvent('download');
    await page.getByTestId('chain-map-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^chain-map-.*\.csv$/);
    const csv = await file.createReadStream().then(
      (s) =>
        new Promise<string>((resolve) => {
          let text = '';
          s.setEncoding('utf8');
          s.on('data', (c) => {
            text += c;
          });
          s.on('end', () => resolve(text));
        }),
    );
    expect(csv).toContain('2013');

    await page.getByTestId('language').selectOption('fa');
    await page.getByRole('heading', { level: 1, name: /نقشهٔ زنجیرهٔ تولید/ }).waitFor();
    expect(await page.getByTestId('chain-map-gap-count').textContent()).toMatch(/^[۰-۹]+$/);
    await screenshot(page, 'operator-chain-map', 'fa');
  });
});
