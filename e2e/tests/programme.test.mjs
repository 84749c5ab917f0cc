// The ambassador cascade without JavaScript, in Dutch and in English: Noor (ambassador) records a
// training of a colleague, who then appears under her in the who-trained-whom tree.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, clickAndWait } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, clean, h1, signInTo } from '../lib/portfolio.mjs';

const NO_JS = { javaScriptEnabled: false };
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

for (const lang of ['nl', 'en']) {
  test(`ambassador cascade without JavaScript (${lang})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, NO_JS);
    try {
      const page = await context.newPage();
      await signInTo(page, PORTFOLIO_USERS.noor, lang);
      await t.test(`${lang}: Noor records a training of Willem`, async () => {
        await clickAndWait(page, page.locator('nav.kleur-nav a[href="/programma"]'));
        await clickAndWait(page, page.locator('main a[href="/programma/ambassadeurs"]'));
        assert.equal(await page.locator('script').count(), 0);
        await page.locator('#topic').fill(`Training ${lang}`);
        await page.locator('#training_held_on').fill(new Date().toISOString().slice(0, 10));
        await page.locator('#trainees').fill(PORTFOLIO_USERS.willem.email);
        await clickAndWait(page, page.locator('main form[action="/programma/trainingen"] button[type=submit]'));
        assert.equal(new URL(page.url()).searchParams.get('klaar'), 'programme-saved');
        // Willem sits in a nested list under Noor.
        const under = page.locator('.kleur-cascade > ul > li', { hasText: PORTFOLIO_USERS.noor.name })
          .locator('ul li .kleur-cascade-name', { hasText: PORTFOLIO_USERS.willem.name });
        assert.equal(await under.count(), 1, 'Willem is listed under Noor');
        assert.ok((await h1(page)).length > 0);
        assert.ok(clean(await page.locator('.kleur-cascade').innerText()).includes(PORTFOLIO_USERS.daan.name));
      });
    } finally {
      await context.close();
    }
  });
}
