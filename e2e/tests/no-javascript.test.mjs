// Kleur needs no JavaScript: with JavaScript disabled in the browser, the whole sign-in journey,
// the portfolio journey and every page still work, and no page ships a script.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, signIn, switchLanguage, clickAndWait, USERS, PASSWORD } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, h1, findPersonId, signInTo, portfolioJourney } from '../lib/portfolio.mjs';

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

const NO_JS = { javaScriptEnabled: false };

/**
 * Loads a page and checks it is a whole page: status, one h1, the header and footer, no scripts.
 * `standalone` pages (the printable portfolio) have no header and footer, only a main.
 */
async function expectPage(page, path, status = 200, { standalone = false } = {}) {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.equal(response.status(), status, `status of ${path}`);
  assert.equal(await page.locator('h1').count(), 1, `${path} has one h1`);
  assert.ok((await page.locator('h1').textContent()).trim().length > 0, `${path} h1 has text`);
  assert.equal(await page.locator('header.kleur-header').count(), standalone ? 0 : 1, `${path} has the header`);
  assert.equal(await page.locator('footer.kleur-footer').count(), standalone ? 0 : 1, `${path} has the footer`);
  assert.equal(await page.locator('main').count(), 1, `${path} has a main`);
  assert.equal(await page.locator('script').count(), 0, `${path} ships no script`);
}

test('JavaScript really is off in this context', async () => {
  const context = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await context.newPage();
    await page.setContent('<p id="probe">off</p><script>document.getElementById("probe").textContent = "on";</script>');
    assert.equal(await page.locator('#probe').textContent(), 'off');
  } finally {
    await context.close();
  }
});

test('without JavaScript: sign in, every page, search, a person, language, sign out', async (t) => {
  const context = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await context.newPage();

    await t.test('signed-out pages', async () => {
      await expectPage(page, '/inloggen');
      await expectPage(page, '/wachtwoord-vergeten');
      await expectPage(page, '/bestaat-niet', 404);
      // A protected page sends a visitor to sign in.
      await page.goto('/beheer/mensen');
      assert.equal(new URL(page.url()).pathname, '/inloggen');
    });

    await t.test('a failed sign-in shows the error summary', async () => {
      await page.goto('/inloggen');
      await page.locator('#email').fill(USERS.admin.email);
      await page.locator('#password').fill(`${PASSWORD}-wrong`);
      await clickAndWait(page, page.locator('main form button[type=submit]'));
      assert.equal(await page.locator('.kleur-errors[role=alert]').count(), 1);
      assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
    });

    await t.test('sign in through the form', async () => {
      await signIn(page, USERS.admin.email);
      assert.equal((await page.locator('h1').textContent()).trim(), 'Welkom, Joost Bakker');
    });

    let personHref;
    await t.test('every signed-in page renders', async () => {
      await expectPage(page, '/');
      await expectPage(page, '/profiel');
      await expectPage(page, '/api');
      await expectPage(page, '/beheer/mensen');
      personHref = await page.locator('table.kleur-table tbody a[href^="/beheer/mensen/"]').first().getAttribute('href');
      assert.ok(personHref);
      await expectPage(page, personHref);
      await expectPage(page, '/beheer/mensen/nieuw');
      await expectPage(page, '/beheer/onderdelen');
      await expectPage(page, '/beheer/e-mail');
      await expectPage(page, '/bestaat-niet', 404);
      await expectPage(page, '/portfolio');
      for (const section of ['values', 'talents', 'core_qualities', 'passions', 'working_style', 'ambitions', 'results', 'reflections']) {
        await expectPage(page, `/portfolio/nieuw?sectie=${section}`);
      }
      await expectPage(page, '/portfolio/bekeken');
      await expectPage(page, '/portfolio/afdrukken', 200, { standalone: true });
      await expectPage(page, '/portfolio/importeren');
      await expectPage(page, personHref.replace('/beheer/mensen/', '/mensen/') + '/portfolio');
    });

    await t.test('search and open a person with plain forms and links', async () => {
      await page.goto('/beheer/mensen');
      await page.locator('#q').fill('Sanne');
      await clickAndWait(page, page.locator('form.kleur-search button[type=submit]'));
      assert.equal(new URL(page.url()).searchParams.get('q'), 'Sanne');
      const link = page.locator('table.kleur-table tbody').getByRole('link', { name: USERS.manager.name });
      assert.equal(await link.count(), 1);
      await clickAndWait(page, link);
      assert.equal((await page.locator('h1').textContent()).trim(), USERS.manager.name);
    });

    await t.test('the people form validates on the server', async () => {
      await page.goto('/beheer/mensen/nieuw');
      await page.locator('#display_name').fill('Zonder Script');
      await page.locator('#email').fill('niet-geldig');
      await clickAndWait(page, page.locator('main form button[type=submit]'));
      assert.equal(await page.locator('.kleur-errors a[href="#email"]').count(), 1);
    });

    await t.test('switch language and back', async () => {
      await page.goto('/');
      await switchLanguage(page, 'en');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Welcome, Joost Bakker');
      await switchLanguage(page, 'nl');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Welkom, Joost Bakker');
    });

    await t.test('sign out', async () => {
      await clickAndWait(page, page.getByRole('button', { name: 'Uitloggen' }));
      assert.equal(new URL(page.url()).pathname, '/inloggen');
      assert.equal((await page.locator('[role=status]').textContent()).trim(), 'Je bent uitgelogd.');
    });
  } finally {
    await context.close();
  }
});

// The portfolio journey of tests/portfolio.test.mjs, with JavaScript off in every context.
let daanId;
for (const lang of ['nl', 'en']) {
  test(`without JavaScript: the portfolio journey (${lang})`, async (t) => {
    daanId ??= await findPersonId(browser, kleur.baseUrl, PORTFOLIO_USERS.daan.name, NO_JS);
    await portfolioJourney(t, { browser, baseUrl: kleur.baseUrl, lang, daanId, contextOptions: NO_JS });
  });
}

test('without JavaScript: importing a file that is not a portfolio export shows the problem', async () => {
  const context = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await context.newPage();
    await signInTo(page, PORTFOLIO_USERS.daan, 'nl');
    await expectPage(page, '/portfolio/importeren');
    await page.locator('#file').setInputFiles({
      name: 'geen-export.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hallo": "wereld"}'),
    });
    const [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('main form button[type=submit]').click(),
    ]);
    assert.equal(response.status(), 422);
    assert.equal(await h1(page), 'Portfolio importeren');
    const summary = page.locator('.kleur-errors[role=alert]');
    assert.equal(await summary.count(), 1, 'the problem is shown in an error summary');
    assert.match(await summary.textContent(), /Dit is geen portfolio-export van Kleur\./);
    assert.equal(await page.locator('script').count(), 0);
  } finally {
    await context.close();
  }
});
