// The team builder and organisation insight in a real browser, with JavaScript off, in Dutch and
// English: Sanne (manager) states the talents her project needs and gets a team with reasons and
// alternatives; a mistake in the form is explained; Priya (HR) reads the heatmap, its table and
// the trend, looks into a department and back, and narrows it to one domain; Daan (employee) is refused both pages.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, signIn, switchLanguage, clickAndWait, USERS } from '../lib/browser.mjs';

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

const TEXT = {
  nl: { nav: 'Team samenstellen', submit: 'Stel een team voor', brings: /Brengt .+ mee, wat niemand anders in het voorstel heeft\./, insight: 'Inzicht', show: 'Toon', up: 'Een niveau hoger', sizeError: 'teamgrootte' },
  en: { nav: 'Build a team', submit: 'Propose a team', brings: /Brings .+, which nobody else in the proposal has\./, insight: 'Insight', show: 'Show', up: 'One level up', sizeError: 'team size' },
};

for (const lang of ['nl', 'en']) {
  test(`team builder journey without JavaScript (${lang})`, async () => {
    const context = await newContext(browser, kleur.baseUrl, NO_JS);
    try {
      const page = await context.newPage();
      await signIn(page, USERS.manager.email);
      await switchLanguage(page, lang);
      await clickAndWait(page, page.locator('nav.kleur-nav').getByRole('link', { name: TEXT[lang].nav, exact: true }));
      assert.equal(new URL(page.url()).pathname, '/teams/samenstellen');
      assert.equal(await page.locator('script').count(), 0);

      // A mistake first: no talent chosen.
      await page.locator('#size').fill('3');
      await clickAndWait(page, page.getByRole('button', { name: TEXT[lang].submit }));
      assert.equal(await page.locator('.kleur-errors[role=alert]').count(), 1, 'the error summary is shown');

      await page.locator('#talent-1').selectOption('analyseren');
      await page.locator('#gewicht-1').selectOption('5');
      await page.locator('#talent-2').selectOption('verbinden');
      await page.locator('#talent-3').selectOption('organiseren');
      await page.locator('#size').fill('3');
      await clickAndWait(page, page.getByRole('button', { name: TEXT[lang].submit }));
      const members = page.locator('#teamleden > li');
      assert.equal(await members.count(), 3, 'a team of three');
      const text = await page.locator('#teamleden').textContent();
      assert.match(text, TEXT[lang].brings);
      // The choices stay in the form, so the proposal can be refined.
      assert.equal(await page.locator('#talent-1').inputValue(), 'analyseren');

      // A team size that cannot be.
      await page.locator('#size').fill('0');
      await clickAndWait(page, page.getByRole('button', { name: TEXT[lang].submit }));
      assert.match(await page.locator('.kleur-errors').textContent(), new RegExp(TEXT[lang].sizeError));
    } finally {
      await context.close();
    }
  });

  test(`insight journey without JavaScript (${lang})`, async () => {
    const context = await newContext(browser, kleur.baseUrl, NO_JS);
    try {
      const page = await context.newPage();
      await signIn(page, USERS.hr.email);
      await switchLanguage(page, lang);
      await clickAndWait(page, page.locator('nav.kleur-nav').getByRole('link', { name: TEXT[lang].insight, exact: true }));
      assert.equal(new URL(page.url()).pathname, '/inzicht');
      assert.equal(await page.locator('svg.kleur-heatmap').count(), 1, 'the heatmap');
      assert.ok((await page.locator('#inzicht-tabel tbody tr').count()) > 2, 'the table alternative');
      assert.ok((await page.locator('#inzicht-trend tbody tr').count()) > 0, 'the trend');
      // No shown number in the table is a group below three.
      for (const cell of await page.locator('#inzicht-tabel td').allTextContents()) {
        const value = cell.trim();
        if (/^\d+$/.test(value)) assert.ok(Number(value) === 0 || Number(value) >= 3, `cell ${value}`);
      }
      // Look into a department, then back up.
      await clickAndWait(page, page.locator('#inzicht-tabel th a').first());
      assert.match(page.url(), /onderdeel=/);
      assert.equal(await page.locator('svg.kleur-heatmap').count(), 1);
      await clickAndWait(page, page.getByRole('link', { name: TEXT[lang].up }));
      assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/inzicht');
      await page.locator('#categorie').selectOption('denken-en-analyseren');
      await clickAndWait(page, page.getByRole('button', { name: TEXT[lang].show }));
      assert.match(page.url(), /categorie=denken-en-analyseren/);
      assert.equal(await page.locator('svg.kleur-heatmap').count(), 1);
    } finally {
      await context.close();
    }
  });
}

test('an employee is refused the team builder and insight', async () => {
  const context = await newContext(browser, kleur.baseUrl, NO_JS);
  try {
    const page = await context.newPage();
    await signIn(page, USERS.employee.email);
    for (const path of ['/teams/samenstellen', '/inzicht']) {
      const response = await page.goto(path);
      assert.equal(response.status(), 403, path);
    }
    assert.equal(await page.locator('nav.kleur-nav a[href="/inzicht"]').count(), 0);
  } finally {
    await context.close();
  }
});
