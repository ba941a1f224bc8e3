import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '@parkbridge/domain/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samples } from '../support/files';
import { confirmDialog, openTab, pickCategory } from './support/ui';
import {
  atPath,
  SCREENSHOTS,
  screenshot,
  seriousA11yViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness';

const clock = fixedClock(new Date());
const DAY = 86_400_000;
let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness({ clock, jobs: true });
});
afterAll(async () => {
  await h?.close();
});

/** Drops a file on a drop zone the way a person drags one from the desktop. */
async function dropFile(page: Page, testId: string, name: string, type: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, type, b64 }) => {
      const dt = new DataTransfer();
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([data], name, { type }));
      return dt;
    },
    { name, type, b64: bytes.toString('base64') },
  );
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer });
}

describe('workflow 10: documents travel with the work', () => {
  it('a drawing on the need, a quotation sheet sealed with the bid, files in the deal room, and a purchase order printed in Persian', {
    timeout: 240_000,
  }, async () => {
    const { parkId, operator } = await h.runtime.park();
    const approvedIn = { parkId, operatorToken: operator.token };
    const tenant = await h.runtime.firm({ kinds: ['tenant'], name: 'Alborz Steel Pipe Co.', approvedIn });
    const supplier = await h.runtime.firm({ kinds: ['supplier'], name: 'Caspian Flange Works', approvedIn });

    // The buyer posts a need with a drawing and its delivery and payment terms.
    const buyer = await h.newPage('en');
    await h.openAs(buyer, tenant.email, '/needs/new');
    await buyer.getByTestId('need-title').fill('Weld-neck flanges DN50 PN16');
    await buyer.getByLabel(/^Delivery park/).selectOption({ index: 1 });
    await pickCategory(buyer, /^Category/, '2599');
    await buyer.getByLabel(/^Quantity/).fill('500');
    await buyer.getByLabel(/^Description/).fill('Per the attached drawing, EN 1092-1 type 11.');
    await buyer.getByTestId('terms-delivery').selectOption('delivered');
    await buyer.getByTestId('terms-place').fill('Gate 3, Eshtehard');
    await buyer.getByTestId('terms-days').fill('30');
    await buyer.getByTestId('file-input-need').setInputFiles({
      name: 'flange drawing DN50.pdf',
      mimeType: 'application/pdf',
      buffer: samples.pdf(),
    });
    await buyer.getByTestId('file-list').getByText('flange drawing DN50.pdf').waitFor();
    expect(await buyer.getByTestId('file-list').textContent()).toMatch(/PDF.*kB/);
    await screenshot(buyer, 'need-form-with-drawing', 'en');
    await buyer.getByTestId('need-submit').click();
    await atPath(buyer, /^\/needs\/need_/);
    const needId = buyer.url().split('/needs/')[1]!.split('?')[0]!;
    await buyer.getByTestId('file-list').getByText('flange drawing DN50.pdf').waitFor();
    await buyer
      .getByTestId('terms-summary')
      .getByText(/Gate 3, Eshtehard/)
      .waitFor();

    // The supplier fetches the drawing and bids with a quotation sheet, dropped on the bid form.
    const seller = await h.newPage('en');
    await h.openAs(seller, supplier.email, `/needs/${needId}`);
    await seller.getByTestId('file-list').getByText('flange drawing DN50.pdf').waitFor();
    const download = await seller.evaluate(
      async (id) => {
        const token = sessionStorage.getItem('parkbridge.token');
        const res = await fetch(`/v1/attachments/${id}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        });
        const { url } = await res.json();
        const file = await fetch(url);
        return { status: file.status, size: (await file.arrayBuffer()).byteLength };
      },
      (await h.runtime.call('GET', `/v1/needs/${needId}`, { token: supplier.token })).body.attachments[0]
        .attachmentId,
    );
    expect(download).toMatchObject({ status: 200, size: samples.pdf().length });
    await openTab(seller, 'Your bid');
    await seller.getByTestId('bid-unit-price').fill('4200000');
    await dropFile(
      seller,
      'file-drop-bid',
      'quotation.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      samples.xlsx(),
    );
    await seller.getByTestId('my-bid').getByTestId('file-list').getByText('quotation.xlsx').waitFor();
    await screenshot(seller, 'bid-with-sheet', 'en');
    await seller.getByTestId('bid-submit').click();
    await seller.getByTestId('my-bid-summary').waitFor();

    // Sealed: before the close the buyer cannot fetch the sheet.
    const bid = await h.runtime.call('GET', `/v1/needs/${needId}/bids/mine`, { token: supplier.token });
    const sheetId = bid.body.attachments[0].attachmentId as string;
    expect((await h.runtime.call('GET', `/v1/attachments/${sheetId}`, { token: tenant.token })).status).toBe(
      404,
    );

    // After the close the buyer sees the sheet beside the bid, and awards.
    clock.advance(4 * DAY);
    await buyer.reload();
    await openTab(buyer, 'Bids');
    const comparison = buyer.getByTestId('bid-comparison');
    await comparison.getByText('quotation.xlsx').waitFor();
    await comparison.getByRole('button', { name: 'Award to Caspian Flange Works' }).click();
    await confirmDialog(buyer, ['Caspian Flange Works']);
    await atPath(buyer, /^\/deals\/deal_/);
    const dealId = buyer.url().split('/deals/')[1]!;

    // The deal room: the buyer writes with a file, the seller answers with the delivery note.
    await buyer.getByTestId('deal-message-text').fill('Please mark each flange with the heat number.');
    await buyer.getByTestId('file-input-deal').setInputFiles({
      name: 'marking instructions.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Heat number on the hub, 6 mm letters.\n'),
    });
    await buyer
      .getByTestId('deal-room')
      .getByTestId('file-list')
      .getByText('marking instructions.txt')
      .waitFor();
    await buyer.getByTestId('deal-message-send').click();
    await buyer.getByTestId('deal-message').getByText('marking instructions.txt').waitFor();

    const told = await h.runtime.call('GET', '/v1/notifications', { token: supplier.token });
    expect(told.body.items.map((n: { kind: string }) => n.kind)).toContain('deal.message');
    await h.openAs(seller, supplier.email, `/deals/${dealId}`);
    await seller.getByText('Please mark each flange with the heat number.').waitFor();
    await seller.getByTestId('deal-message-text').fill('Understood. The delivery note is attached.');
    await seller.getByTestId('file-input-deal').setInputFiles({
      name: 'یادداشت تحویل.pdf',
      mimeType: 'application/pdf',
      buffer: samples.pdf(),
    });
    await seller.getByTestId('deal-room').getByTestId('file-list').getByText('یادداشت تحویل.pdf').waitFor();
    await seller.getByTestId('deal-message-send').click();
    await seller.getByTestId('deal-message').nth(1).waitFor();
    await buyer.reload();
    await buyer.getByTestId('deal-message').nth(1).getByText('یادداشت تحویل.pdf').waitFor();
    expect(await seriousA11yViolations(buyer)).toEqual([]);
    await screenshot(buyer, 'deal-room', 'en');

    // The same room in Persian, right to left, on a phone.
    await buyer.getByTestId('language').selectOption('fa');
    await buyer.getByRole('heading', { name: 'اتاق معامله' }).waitFor();
    expect(await buyer.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await buyer.setViewportSize({ width: 390, height: 844 });
    await screenshot(buyer, 'deal-room-phone', 'fa');
    await buyer.setViewportSize({ width: 1280, height: 860 });

    // The purchase order, in the buyer's language (Persian), printed on A4.
    await buyer.getByTestId('deal-po').click();
    await atPath(buyer, `/deals/${dealId}/purchase-order`);
    await buyer.getByTestId('po-number').waitFor();
    expect(await buyer.getByTestId('po-number').textContent()).toMatch(/^PO-\d{6}$/);
    expect(await buyer.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await buyer.getByTestId('po-buyer').getByText('Alborz Steel Pipe Co.').waitFor();
    await buyer.getByTestId('po-seller').getByText('Caspian Flange Works').waitFor();
    expect(await buyer.getByTestId('po-delivery').textContent()).toContain('Gate 3, Eshtehard');
    expect(await buyer.getByTestId('po-payment').textContent()).toContain('۳۰');
    expect(await buyer.getByTestId('po-total').textContent()).toMatch(/[۰-۹]/);
    expect(await seriousA11yViolations(buyer)).toEqual([]);
    await screenshot(buyer, 'purchase-order', 'fa');
    await buyer.emulateMedia({ media: 'print' });
    expect(await buyer.getByTestId('po-print').isVisible()).toBe(false);
    await screenshot(buyer, 'purchase-order-print', 'fa');
    const pdf = await buyer.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(SCREENSHOTS, 'purchase-order-fa.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
