import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../packages/web/src/i18n/messages/en';
import { fa } from '../../packages/web/src/i18n/messages/fa';
import { zh } from '../../packages/web/src/i18n/messages/zh';
import { screenshot, seriousA11yViolations, startWebHarness, type WebHarness } from './support/web-harness';

// Category titles in the reader's language in the ISIC picker and in category labels, with the
// code at the start of the line in right-to-left Persian (issue 19, point 1).

let h: WebHarness;
let tenantEmail: string;

const STEEL_FA = 'ساخت آهن و فولاد پایه';
const STEEL_EN = 'Manufacture of basic iron and steel';

beforeAll(async () => {
  h = await startWebHarness();
  const { parkId, operator } = await h.runtime.park();
  const tenant = await h.runtime.firm({
    kinds: ['tenant'],
    name: 'Alborz Steel Pipe Co.',
    approvedIn: { parkId, operatorToken: operator.token },
  });
  tenantEmail = tenant.email;
  const chain = await h.runtime.call('POST', '/v1/chains', {
    token: tenant.token,
    body: {
      parkId,
      output: { category: '2410', name: 'Hot-rolled coil' },
      inputs: [{ category: '0710', quantity: 900, unit: 't', period: 'month', source: 'in_country' }],
    },
  });
  expect(chain.status, JSON.stringify(chain.body)).toBe(201);
});
afterAll(async () => {
  await h?.close();
});

/** The chain's output category picker, found by its label as ui.ts's pickCategory finds it. */
const categoryInput = (page: Page, label: string) => {
  const name = new RegExp(`^${label} *\\*?$`);
  return page.getByRole('textbox', { name }).or(page.getByLabel(name)).first();
};

/** The new-chain form with its category picker open on the results for `word`. */
async function pickerOpenOn(page: Page, label: string, word: string) {
  await h.openAs(page, tenantEmail, '/chains/new');
  const input = categoryInput(page, label);
  await input.click();
  await input.fill(word);
  await page.getByTestId('category-option').first().waitFor();
  return page.getByRole('listbox').getByRole('option');
}

/** Left edges of the code and the title inside one label or option, in CSS pixels. */
async function codeAndTitleX(container: ReturnType<Page['getByTestId']>) {
  const code = await container.getByTestId('category-code').boundingBox();
  const title = await container.getByTestId('category-title').boundingBox();
  expect(code && title).toBeTruthy();
  return { code: code!.x, title: title!.x, titleRight: title!.x + title!.width };
}

describe('ISIC categories in the reader’s language', () => {
  it('shows a Persian reader the Persian title of a class in a label, code on the right', async () => {
    const page = await h.newPage('fa');
    await h.openAs(page, tenantEmail, '/chains');
    const label = page.locator('[data-testid="category-label"][data-code="2410"]').first();
    await label.getByText(STEEL_FA).waitFor();
    expect(await label.textContent()).toBe(`2410 · ${STEEL_FA}`);
    expect(await label.textContent()).not.toContain(STEEL_EN);
    expect(await label.getByTestId('category-title').getAttribute('lang')).toBe('fa');
    const x = await codeAndTitleX(label);
    expect(x.code).toBeGreaterThan(x.titleRight - 1);
    await screenshot(page, 'category-label-chains', 'fa');
  });

  it('finds steel classes in the picker by a Persian word and titles them in Persian', async () => {
    const page = await h.newPage('fa');
    const options = await pickerOpenOn(page, fa['common.category'], 'فولاد');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(['2431 · ریخته‌گری آهن و فولاد', `241 · ${STEEL_FA}`, `2410 · ${STEEL_FA}`]);
    const steel = page.getByRole('listbox').getByRole('option', { name: `2410 · ${STEEL_FA}` });
    const x = await codeAndTitleX(steel);
    expect(x.code).toBeGreaterThan(x.titleRight - 1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'category-picker-steel', 'fa');
    await page.setViewportSize({ width: 390, height: 844 });
    await steel.waitFor();
    await screenshot(page, 'category-picker-steel-390', 'fa');

    // Choosing it puts the code first (on the right) in the input too.
    await steel.click();
    await screenshot(page, 'category-picker-chosen-390', 'fa');
    expect(await categoryInput(page, fa['common.category']).inputValue()).toBe(
      `\u20682410\u2069 · \u2068${STEEL_FA}\u2069`,
    );
  });

  it.each([
    ['en', en['common.category'], 'steel', STEEL_EN],
    ['zh', zh['common.category'], '钢', '基本钢铁的制造'],
  ] as const)(
    'finds the steel classes in the %s picker, titled in that language',
    async (lang, label, word, title) => {
      const page = await h.newPage(lang);
      const options = await pickerOpenOn(page, label, word);
      await expect.poll(() => options.allTextContents()).toContain(`2410 · ${title}`);
      expect(await options.count()).toBe(3);
      const x = await codeAndTitleX(
        page.getByRole('listbox').getByRole('option', { name: `2410 · ${title}` }),
      );
      expect(x.code).toBeLessThan(x.title);
      await screenshot(page, 'category-picker-steel', lang);
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'category-picker-steel-390', lang);
    },
  );
});
