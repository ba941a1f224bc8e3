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

/**
 * Answers the one confirmation dialog an irreversible action opens, after checking that it says
 * what will happen (each of `says` must appear in its message). Returns the message.
 */
export async function confirmDialog(page: Page, says: (string | RegExp)[] = []): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const message = (await dialog.getByTestId('confirm-message').textContent()) ?? '';
  for (const s of says) {
    const ok = typeof s === 'string' ? message.includes(s) : s.test(message);
    if (!ok) throw new Error(`The confirmation does not say ${String(s)}: ${message}`);
  }
  await dialog.getByTestId('confirm-yes').click();
  await dialog.waitFor({ state: 'detached' });
  return message;
}
