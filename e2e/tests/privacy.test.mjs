// Privacy rights without JavaScript: an employee downloads their data from the profile page; an
// administrator erases a person with the confirmation step, and the audit log shows it.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, signIn, clickAndWait, USERS, PASSWORD } from '../lib/browser.mjs';

let kleur;
let browser;
const NO_JS = { javaScriptEnabled: false };
const NOOR = { email: 'noor.hendriks@elderveen.example', name: 'Noor Hendriks' };

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

test('an employee downloads all their data from the profile page', async () => {
  const context = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await context.newPage();
    await signIn(page, USERS.employee.email);
    await page.goto('/profiel');
    const link = page.locator('a[href="/profiel/mijn-gegevens.json"]');
    assert.equal(await link.count(), 1, 'the profile page links to the download');
    const response = await page.request.get('/profiel/mijn-gegevens.json');
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-disposition'], /^attachment/);
    const data = await response.json();
    assert.equal(data.format, 'kleur-personal-data');
    assert.equal(data.tables.people[0].email, USERS.employee.email);
    assert.ok(data.tables.portfolio_items.length > 0, 'the demo portfolio is in it');
    assert.ok(!JSON.stringify(data).includes('password_hash'));
  } finally {
    await context.close();
  }
});

test('an administrator erases a person after confirming, and the log shows it', async () => {
  const context = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await context.newPage();
    await signIn(page, USERS.admin.email);
    await page.goto(`/beheer/mensen?q=${encodeURIComponent(NOOR.name)}`);
    await clickAndWait(page, page.locator('table.kleur-table tbody a', { hasText: NOOR.name }));
    await clickAndWait(page, page.locator('main a[href$="/wissen"]'));
    assert.match(await page.locator('h1').textContent(), /Persoon wissen/);

    // A wrong address: an error, nothing erased.
    await page.locator('#confirmation').fill('iemand@elders.example');
    await clickAndWait(page, page.locator('main form button[type=submit]'));
    assert.equal(await page.locator('.kleur-errors').count(), 1);
    assert.equal(await page.locator('#confirmation').getAttribute('aria-invalid'), 'true');

    await page.locator('#confirmation').fill(NOOR.email);
    await clickAndWait(page, page.locator('main form button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, '/beheer/mensen');
    assert.match(await page.locator('.kleur-notice').textContent(), /gewist/);

    await page.goto(`/beheer/mensen?q=${encodeURIComponent(NOOR.name)}`);
    assert.equal(await page.locator('table.kleur-table tbody a', { hasText: NOOR.name }).count(), 0);

    await page.goto('/beheer/logboek?gebeurtenis=person-erased');
    assert.equal(await page.locator('table.kleur-table tbody tr').count(), 1);
  } finally {
    await context.close();
  }

  // The erased person cannot sign in any more.
  const other = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await other.newPage();
    await page.goto('/inloggen');
    await page.locator('#email').fill(NOOR.email);
    await page.locator('#password').fill(PASSWORD);
    await clickAndWait(page, page.locator('main form button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, '/inloggen');
  } finally {
    await other.close();
  }
});
