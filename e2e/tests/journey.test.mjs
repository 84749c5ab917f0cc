// A person's journey through Kleur in a real browser: sign in, find someone, change language,
// sign out; plus the error paths and keyboard entry point a screen-reader or keyboard user meets.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, signIn, switchLanguage, clickAndWait, USERS, PASSWORD } from '../lib/browser.mjs';

let kleur;
let browser;

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

async function withPage(options, fn) {
  const context = await newContext(browser, kleur.baseUrl, options);
  try {
    const page = await context.newPage();
    await fn(page);
  } finally {
    await context.close();
  }
}

test('administrator signs in, searches people, opens a person, switches to English and signs out', async () => {
  await withPage({}, async (page) => {
    await signIn(page, USERS.admin.email);
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Welkom, Joost Bakker');

    // Open "Mensen en organisatie" from the main navigation.
    const nav = page.getByRole('navigation', { name: /./ }).first();
    await clickAndWait(page, nav.getByRole('link', { name: 'Mensen en organisatie' }));
    assert.equal(new URL(page.url()).pathname, '/beheer/mensen');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Mensen');
    const allRows = await page.locator('table.kleur-table tbody tr').count();
    assert.ok(allRows > 1, `expected several people in the table, got ${allRows}`);

    // Search with the plain GET form (no JavaScript involved).
    await page.locator('#q').fill('Priya');
    await clickAndWait(page, page.locator('form.kleur-search button[type=submit]'));
    const searched = new URL(page.url());
    assert.equal(searched.pathname, '/beheer/mensen');
    assert.equal(searched.searchParams.get('q'), 'Priya');
    assert.equal(await page.locator('#q').inputValue(), 'Priya');
    const personLink = page.locator('table.kleur-table tbody').getByRole('link', { name: 'Priya Ramdin' });
    assert.equal(await personLink.count(), 1, 'the search result lists Priya Ramdin');
    const foundRows = await page.locator('table.kleur-table tbody tr').count();
    assert.ok(foundRows < allRows, `the search narrows the list (${foundRows} of ${allRows})`);

    // Open the person and go back to the search result.
    await clickAndWait(page, personLink);
    assert.match(new URL(page.url()).pathname, /^\/beheer\/mensen\/[^/]+$/);
    assert.equal((await page.locator('h1').textContent()).trim(), 'Priya Ramdin');
    assert.ok(await page.getByText('priya.ramdin@elderveen.example').first().isVisible());

    await page.goBack({ waitUntil: 'load' });
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Priya');
    assert.equal(await page.locator('#q').inputValue(), 'Priya');

    // Switch to English with the header form; the same page comes back in English.
    await switchLanguage(page, 'en');
    assert.equal(new URL(page.url()).pathname, '/beheer/mensen');
    assert.equal((await page.locator('h1').textContent()).trim(), 'People');
    await clickAndWait(page, page.locator('nav.kleur-nav').getByRole('link', { name: 'Home' }));
    assert.equal((await page.locator('h1').textContent()).trim(), 'Welcome, Joost Bakker');

    // Sign out and land on the sign-in page.
    await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));
    assert.equal(new URL(page.url()).pathname, '/inloggen');
    assert.ok(await page.locator('#email').isVisible());
    assert.ok(await page.locator('#password').isVisible());
    assert.equal(await page.locator('[role=status]').count(), 1, 'a notice says you are signed out');

    // Signed out for real: a protected page sends you back to sign in.
    await page.goto('/beheer/mensen');
    assert.equal(new URL(page.url()).pathname, '/inloggen');
  });
});

test('a failed sign-in shows the error summary and marks the e-mail field invalid', async () => {
  await withPage({}, async (page) => {
    await page.goto('/inloggen');
    await page.locator('#email').fill(USERS.employee.email);
    await page.locator('#password').fill(`${PASSWORD}-wrong`);
    await clickAndWait(page, page.locator('main form button[type=submit]'));

    assert.equal(new URL(page.url()).pathname, '/inloggen');
    const summary = page.locator('.kleur-errors[role=alert]');
    assert.equal(await summary.count(), 1, 'an error summary is shown');
    assert.equal((await summary.locator('h2').textContent()).trim(), 'Er is iets niet goed ingevuld');
    assert.equal(await summary.locator('a[href="#email"]').count(), 1, 'the summary links to the e-mail field');
    const email = page.locator('#email');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await email.getAttribute('aria-describedby'), 'email-fout');
    assert.ok((await page.locator('#email-fout').textContent()).trim().length > 0);
    assert.equal(await email.inputValue(), USERS.employee.email, 'the typed address is kept');
    assert.equal(await page.locator('#password').inputValue(), '', 'the password is not echoed back');
  });
});

test('the people form with an invalid e-mail shows an error summary linking to #email', async () => {
  await withPage({}, async (page) => {
    await signIn(page, USERS.admin.email);
    await page.goto('/beheer/mensen/nieuw');
    await page.locator('#display_name').fill('Testpersoon Eind-tot-eind');
    await page.locator('#email').fill('geen-e-mailadres');
    await clickAndWait(page, page.locator('main form button[type=submit]'));

    const summary = page.locator('.kleur-errors[role=alert]');
    assert.equal(await summary.count(), 1, 'an error summary is shown');
    const link = summary.locator('a[href="#email"]');
    assert.equal(await link.count(), 1, 'the summary links to #email');
    assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#email').inputValue(), 'geen-e-mailadres', 'the input is kept');
    assert.equal(await page.locator('#display_name').inputValue(), 'Testpersoon Eind-tot-eind');

    // Following the summary link brings the field into view.
    await link.click();
    await page.waitForURL((url) => url.hash === '#email');
    assert.ok(await page.locator('#email').isVisible());
  });
});

test('keyboard: the first Tab reaches the skip link, which moves focus to main#inhoud', async () => {
  await withPage({}, async (page) => {
    for (const path of ['/inloggen', '/']) {
      // An employee: the journey above leaves the administrator's profile set to English.
      if (path === '/') await signIn(page, USERS.employee.email);
      else await page.goto(path);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href'), visible: el.getBoundingClientRect().top >= 0 };
      });
      assert.deepEqual(
        focused,
        { tag: 'A', text: 'Direct naar de inhoud', href: '#inhoud', visible: true },
        `first Tab on ${path}`,
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'inhoud');
      const target = await page.evaluate(() => ({ tag: document.activeElement.tagName, id: document.activeElement.id }));
      assert.deepEqual(target, { tag: 'MAIN', id: 'inhoud' }, `skip link target on ${path}`);
      // The next Tab continues inside the main content, not back in the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => Boolean(document.activeElement.closest('main')));
      assert.ok(inMain, `after the skip link, Tab stays in main on ${path}`);
    }
  });
});
