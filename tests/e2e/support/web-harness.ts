import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { mountStaticFiles } from '../../../functions/local/static-files';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

const ROOT = resolve(import.meta.dirname, '../../..');
const WEB_DIST = join(ROOT, 'packages/web/dist');
const CHROMIUM = process.env.PARKBRIDGE_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, '.artifacts/screenshots');

export type Lang = 'en' | 'fa' | 'mn' | 'vi' | 'zh';

/**
 * One real Parkbridge for a browser test file: the local runtime on its own table, the built web
 * app on the API's port (as `npm start` serves it), and one Chromium for the whole file.
 * Missing Chromium or a missing build fails the file loudly: a browser test never passes by not running.
 */
export async function startWebHarness(options: Parameters<typeof startTestRuntime>[0] = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}. The browser tests need Debian's chromium: run \`npm test\` ` +
        '(scripts/prerequisites.mjs installs it) or `apt-get install -y chromium`.',
    );
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web app is not built (${WEB_DIST}/index.html is missing). Run \`npm run build -w @parkbridge/web\` ` +
        '(`npm test` builds it before the tests).',
    );
  }
  const runtime: TestRuntime = await startTestRuntime(options);
  mountStaticFiles(runtime.app, WEB_DIST);
  const server = await runtime.listen();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];

  /** A fresh, isolated browser session (its own sessionStorage and localStorage) in a language. */
  async function newPage(lang: Lang = 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    contexts.push(context);
    await context.addInitScript((l) => {
      if (!localStorage.getItem('parkbridge.lang')) localStorage.setItem('parkbridge.lang', l);
    }, lang);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  /** Signs in through the login page's email form, as a person would locally. */
  async function signIn(page: Page, email: string, then?: string) {
    await page.goto(`${server.base}/login${then ? `?next=${encodeURIComponent(then)}` : ''}`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('main-nav').waitFor();
  }

  /**
   * Opens the app already signed in (the token the login page would store), to spend the test's
   * time on the workflow rather than on the login page, which the foundation tests drive.
   */
  async function openAs(page: Page, email: string, path: string) {
    const token = await runtime.login(email);
    await page.addInitScript((t) => {
      if (!sessionStorage.getItem('parkbridge.token')) sessionStorage.setItem('parkbridge.token', t);
    }, token);
    await page.goto(`${server.base}${path}`);
    await page.getByTestId('main-nav').waitFor();
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close();
    await server.close();
    await runtime.stop();
  }

  return { runtime, base: server.base, http: server.http, browser, newPage, signIn, openAs, close };
}

export type WebHarness = Awaited<ReturnType<typeof startWebHarness>>;

/** A full-page screenshot under .artifacts/screenshots (git-ignored), named screen-lang.png. */
export async function screenshot(page: Page, name: string, lang: Lang) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A dialog caught fading in shows half-transparent: let finite transitions end first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}.png`), fullPage: true });
}

/** axe-core's WCAG checks: the serious and critical violations, described for a failure message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** Waits until the app's client-side router is at this path. */
export async function atPath(page: Page, path: string | RegExp) {
  await page.waitForURL((u) => (typeof path === 'string' ? u.pathname === path : path.test(u.pathname)));
}
