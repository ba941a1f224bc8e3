import type { Page } from 'playwright-core';

/**
 * Picks an ISIC category in the app's category picker (a Mantine combobox): types the code, then
 * chooses the option the API found.
 */
export async function pickCategory(page: Page, label: RegExp, code: string) {
  const input = page.getByRole('textbox', { name: label }).or(page.getByLabel(label)).first();
  await input.click();
  await input.fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code} ·`) }).click();
}

/** A tab of a Mantine Tabs list, by its visible name. */
export async function openTab(page: Page, name: string | RegExp) {
  await page.getByRole('tab', { name }).click();
}
