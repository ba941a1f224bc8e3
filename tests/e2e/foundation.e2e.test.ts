import { createHash } from 'node:crypto';
import { securityHeaders, securityHeaderValues } from '@parkbridge/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmDialog } from './support/ui';
import {
  atPath,
  screenshot,
  seriousA11yViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness';

let h: WebHarness;
let park: Awaited<ReturnType<WebHarness['runtime']['park']>>;

beforeAll(async () => {
  h = await startWebHarness();
  park = await h.runtime.park({ name: 'Eshtehard Industrial Town', names: { fa: 'شهرک صنعتی اشتهارد' } });
});
afterAll(async () => {
  await h?.close();
});

describe('the web app shell', () => {
  it('shows the operator the parks it runs, with no serious accessibility violation', async () => {
    const page = await h.newPage('en');
    await h.signIn(page, park.operator.email);
    await atPath(page, '/parks');
    await page.getByRole('link', { name: 'Eshtehard Industrial Town' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Parks you operate');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'operator-parks', 'en');
  });

  it('renders Persian right to left, navigation on the right, in Persian digits and the Solar Hijri calendar', async () => {
    const page = await h.newPage('fa');
    await h.signIn(page, park.operator.email);
    await page.getByRole('link', { name: 'شهرک صنعتی اشتهارد' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'fa',
    ]);
    const nav = await page.getByTestId('main-nav').boundingBox();
    const main = await page.locator('#main h1').boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    expect(nav && main).toBeTruthy();
    expect(nav!.x).toBeGreaterThan(width / 2);
    expect(nav!.x).toBeGreaterThan(main!.x);

    await page.getByRole('link', { name: 'شهرک صنعتی اشتهارد' }).click();
    await page.getByRole('tab').first().waitFor();
    await page.getByTestId('empty-state').or(page.getByTestId('park-memberships')).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'operator-park', 'fa');

    // The audit trail of the park: its creation, dated in the Solar Hijri calendar with Persian digits.
    await page.goto(`${h.base}/audit?entityId=${park.parkId}`);
    const when = page.getByTestId('audit-at').first();
    await when.waitFor();
    const text = (await when.textContent()) ?? '';
    expect(text).toMatch(/[۰-۹]/);
    expect(text).not.toMatch(/20\d\d/);
    expect(text).toMatch(/۱۴[۰-۹]{2}/);
    await screenshot(page, 'operator-audit', 'fa');
  });

  it('remembers the language the user picks', async () => {
    const page = await h.newPage('en');
    await h.signIn(page, park.operator.email);
    await page.getByTestId('language').selectOption('vi');
    await page.getByRole('heading', { level: 1, name: 'Khu công nghiệp bạn quản lý' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Khu công nghiệp bạn quản lý' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('parkbridge.lang'))).toBe('vi');
  });
});

describe('workflow 1: a firm registers and the operator approves it', () => {
  it('signs a new firm up, applies to the park, and claims a certificate; the operator verifies it and approves the membership', {
    timeout: 90_000,
  }, async () => {
    const email = h.runtime.unique('newfirm');
    const firm = await h.newPage('en');
    await h.signIn(firm, email);
    await atPath(firm, '/onboarding');
    await firm.getByLabel('Organisation name').fill('Caspian Bearings');
    await firm.getByLabel('Supplier').check();
    await firm.getByLabel('Country').fill('IR');
    // A bad country code is refused by the server and the error is shown next to the field.
    await firm.getByLabel('Country').fill('I1');
    await firm.getByRole('button', { name: 'Create organisation' }).click();
    await firm.getByText(/ISO 3166-1 alpha-2/).waitFor();
    expect(await firm.getByLabel('Organisation name').inputValue()).toBe('Caspian Bearings');
    await firm.getByLabel('Country').fill('IR');
    await firm.getByRole('button', { name: 'Create organisation' }).click();
    await atPath(firm, '/org');

    await firm.getByLabel(/^Park/).selectOption({ label: 'Eshtehard Industrial Town' });
    await firm.getByRole('button', { name: 'Apply', exact: true }).click();
    await firm.getByTestId('my-memberships').getByText('Pending').waitFor();
    await firm.getByLabel('Number').fill('QMS-7781');
    await firm.getByLabel('Issuer').fill('TÜV Iran');
    await firm.getByLabel('Valid until').fill('2030-06-30');
    await firm.getByRole('button', { name: 'Claim', exact: true }).click();
    await firm.getByText('QMS-7781').waitFor();

    const op = await h.newPage('en');
    await h.signIn(op, park.operator.email, `/parks/${park.parkId}`);
    const row = op.getByTestId('park-memberships').getByRole('row', { name: /Caspian Bearings/ });
    await row.waitFor();
    // The claimed certificate, checked and verified from the application.
    await row.getByRole('button', { name: 'Certificates' }).click();
    const certs = op.getByTestId('park-memberships');
    await certs.getByText('QMS-7781').waitFor();
    await certs.getByRole('button', { name: 'Verify' }).click();
    await confirmDialog(op, ['QMS-7781', 'Caspian Bearings']);
    await certs.getByText('Verified').waitFor();
    // A pending applicant can be rejected; the dialog names the firm before anything happens.
    expect(await row.getByRole('button', { name: 'Reject' }).count()).toBe(1);
    await row.getByRole('button', { name: 'Approve' }).click();
    await confirmDialog(op, ['Caspian Bearings']);
    await op
      .getByTestId('park-memberships')
      .getByRole('row', { name: /Caspian Bearings/ })
      .waitFor({ state: 'detached' });

    await firm.reload();
    await firm.getByTestId('my-memberships').getByText('Approved').waitFor();
    await firm.getByText('Verified').first().waitFor();
  });
});

describe('signing in through Cognito’s hosted UI (as deployed)', () => {
  it('reads /config.json, signs in with authorization code and PKCE, and uses the ID token against the API', async () => {
    const HOSTED = 'https://parkbridge-test.auth.eu-central-1.amazoncognito.com';
    const page = await h.newPage('en');
    const context = page.context();
    // The stack's config.json, as infra writes it (apiUrl, cognito.signInUrl, redirectUri = the app's root).
    await context.route('**/config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          stage: 'test',
          apiUrl: h.base,
          cognito: {
            clientId: 'web-client',
            signInUrl: HOSTED,
            redirectUri: `${h.base}/`,
            scopes: ['openid', 'email'],
          },
        }),
      }),
    );
    // As deployed, CloudFront's security headers let the app call the hosted sign-in domain (the
    // stack's connectSources); the local server's own policy knows no Cognito, so the pages get the
    // deployed one.
    const deployedHeaders = securityHeaderValues(securityHeaders([HOSTED]));
    await context.route(
      (url) => url.origin === new URL(h.base).origin,
      async (route) => {
        if (!route.request().isNavigationRequest()) return route.fallback();
        const response = await route.fetch();
        return route.fulfill({ response, headers: { ...response.headers(), ...deployedHeaders } });
      },
    );
    let challenge = '';
    // Cognito stands in here: authorize sends the browser back with a code; the token endpoint
    // checks the PKCE verifier and answers with an ID token carrying the API's claims.
    await context.route(`${HOSTED}/oauth2/authorize**`, (route) => {
      const url = new URL(route.request().url());
      expect(url.searchParams.get('client_id')).toBe('web-client');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      challenge = url.searchParams.get('code_challenge') ?? '';
      const back = new URL(url.searchParams.get('redirect_uri') as string);
      back.search = new URLSearchParams({
        code: 'the-code',
        state: url.searchParams.get('state') ?? '',
      }).toString();
      // A page that navigates back rather than a 302: Playwright routes no request a redirect
      // makes, and the page that comes back must get the deployed security headers too.
      return route.fulfill({
        contentType: 'text/html',
        body: `<script>location.replace(${JSON.stringify(back.toString())})</script>`,
      });
    });
    const idToken = await h.runtime.login(park.operator.email);
    await context.route(`${HOSTED}/oauth2/token`, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const ok =
        form.get('code') === 'the-code' &&
        createHash('sha256').update(verifier).digest('base64url') === challenge;
      return route.fulfill({
        status: ok ? 200 : 400,
        headers: { 'access-control-allow-origin': '*' },
        contentType: 'application/json',
        body: JSON.stringify(ok ? { id_token: idToken, refresh_token: 'r' } : { error: 'invalid_grant' }),
      });
    });
    await page.goto(`${h.base}/login`);
    await page.getByRole('button', { name: 'Sign in with your Parkbridge account' }).click();
    await atPath(page, '/parks');
    await page.getByRole('link', { name: 'Eshtehard Industrial Town' }).waitFor();
    expect(await page.getByTestId('login-email').count()).toBe(0);
  });
});
