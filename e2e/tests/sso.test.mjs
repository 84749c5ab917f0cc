// Single sign-on against a real OpenID Connect provider (the `oidc-provider` package), in
// Chromium with JavaScript switched off: the administrator connects Kleur to the provider on the
// settings page, an employee signs in through the provider's own login form and lands in Kleur
// signed in as herself/himself; the same callback used again is refused with a clear page.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { startProvider } from '../lib/oidc.mjs';
import { launchChromium, newContext, signIn, clickAndWait, switchLanguage, USERS } from '../lib/browser.mjs';
import { runAxe, formatViolations } from '../lib/axe.mjs';

const CLIENT_ID = 'kleur-e2e';
const CLIENT_SECRET = 'e2e-client-secret';

let kleur;
let provider;
let browser;

before(async () => {
  kleur = await startKleur();
  provider = await startProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${kleur.baseUrl}/inloggen/sso/terug`,
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await provider?.stop();
  await kleur?.stop();
});

const NO_JS = { javaScriptEnabled: false };

test('an administrator connects the provider; an employee signs in through it without JavaScript', async (t) => {
  const admin = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await admin.newPage();
    await signIn(page, USERS.admin.email);
    await page.goto('/beheer/sso');
    assert.match(await page.locator('main').textContent(), /\/inloggen\/sso\/terug/, 'shows the redirect address');
    await page.locator('#issuer').fill(provider.issuer);
    await page.locator('#client_id').fill(CLIENT_ID);
    await page.locator('#client_secret').fill(CLIENT_SECRET);
    await page.locator('#scopes').fill('openid email profile');
    await page.locator('#link_by-email').check();
    await page.locator('#link_claim').fill('email');
    await page.locator('#enabled').check();
    await clickAndWait(page, page.locator('main form button[type=submit]'));
    assert.match(await page.locator('.kleur-notice').textContent(), /opgeslagen/);
    assert.equal(await page.locator('#client_secret').inputValue(), '', 'the secret is not shown again');
  } finally {
    await admin.close();
  }

  const employee = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await employee.newPage();
    const callbacks = [];
    page.on('request', (request) => {
      if (request.url().includes('/inloggen/sso/terug')) callbacks.push(request.url());
    });
    await page.goto('/inloggen');
    await clickAndWait(page, page.getByRole('link', { name: 'Inloggen via Gemeente Elderveen' }));
    assert.ok(page.url().startsWith(provider.issuer), `at the provider: ${page.url()}`);
    // The provider's own sign-in form.
    await page.locator('input[name=login]').fill(USERS.employee.email);
    await page.locator('input[name=password]').fill('password-at-the-provider');
    await Promise.all([
      page.waitForURL((url) => url.origin === kleur.baseUrl && url.pathname === '/', { waitUntil: 'load' }),
      page.locator('button[type=submit]').click(),
    ]);
    const h1 = (await page.locator('h1').textContent()).trim();
    assert.match(h1, /^Welkom, Daan/, `signed in as Daan, got "${h1}"`);

    await t.test('the same callback used again is refused', async () => {
      assert.equal(callbacks.length, 1, 'one callback');
      const response = await page.goto(callbacks[0]);
      assert.equal(response.status(), 400);
      assert.match(await page.locator('main').textContent(), /al gebruikt/);
      assert.equal(await page.locator('main a[href="/inloggen"]').count(), 1, 'a way back');
    });
  } finally {
    await employee.close();
  }
});

// The sign-in page with the organisation's button exists only once single sign-on is set up,
// so it is checked here rather than in accessibility.test.mjs.
for (const lang of ['nl', 'en']) {
  test(`axe: the sign-in page with single sign-on (${lang})`, async () => {
    const context = await newContext(browser, kleur.baseUrl, { bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto('/inloggen');
      if (lang === 'en') await switchLanguage(page, 'en');
      assert.equal(await page.locator('main a[href^="/inloggen/sso/"]').count(), 1, 'the SSO button is shown');
      const { violations } = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations));
    } finally {
      await context.close();
    }
  });
}
