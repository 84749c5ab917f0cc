// The talent directory and team talent map in a real browser: Sanne (a team coach) finds
// colleagues by a talent, sees why each matches (the matching words marked), picks two of them
// for a talent map (SVG heatmap with table alternative), then records a talent her own team
// needs and removes it again. In Dutch with JavaScript and axe on every page, in English with
// JavaScript switched off.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, clickAndWait } from '../lib/browser.mjs';
import { clean, h1, expectLang, signInTo } from '../lib/portfolio.mjs';
import { AXE_CONTEXT, checkPage as axeCheck, printChecked } from '../lib/pages.mjs';

const SANNE = { email: 'sanne.vanderberg@elderveen.example', name: 'Sanne van der Berg' };
let kleur;
let browser;
const checked = [];

const TEXT = {
  nl: {
    nav: 'Talenten zoeken',
    search: 'Zoeken',
    chosenMap: "Talentenkaart van de gekozen collega's",
    mapTitle: 'Talentenkaart',
    chosenTitle: "Gekozen collega's",
    add: 'Toevoegen',
    saved: 'De talenten die het team nodig heeft zijn bijgewerkt.',
    remove: (name) => `${name} niet meer nodig`,
  },
  en: {
    nav: 'Find talents',
    search: 'Search',
    chosenMap: 'Talent map of the chosen colleagues',
    mapTitle: 'Talent map',
    chosenTitle: 'Chosen colleagues',
    add: 'Add',
    saved: 'The talents the team needs have been updated.',
    remove: (name) => `${name} no longer needed`,
  },
};

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
  printChecked(checked);
});

for (const [lang, javaScript] of [['nl', true], ['en', false]]) {
  test(`directory journey (${lang}, JavaScript ${javaScript ? 'on' : 'off'})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, javaScript ? AXE_CONTEXT : { javaScriptEnabled: false });
    const check = async (label) => {
      if (javaScript) await axeCheck(t, page, `${lang} ${label}`, checked);
    };
    const page = await context.newPage();
    try {
      await signInTo(page, SANNE, lang);
      const text = TEXT[lang];
      await clickAndWait(page, page.locator('nav.kleur-nav').getByRole('link', { name: text.nav, exact: true }));
      assert.equal(new URL(page.url()).pathname, '/talenten');
      assert.equal(await h1(page), text.nav);
      await check('/talenten');

      await page.locator('#q').fill('analyseren');
      await clickAndWait(page, page.locator('main form[role=search]').getByRole('button', { name: text.search, exact: true }));
      assert.equal(new URL(page.url()).searchParams.get('q'), 'analyseren');
      await expectLang(page, lang);
      const results = page.locator('ol.kleur-results > li');
      assert.ok((await results.count()) >= 2, 'colleagues found');
      assert.ok((await page.locator('ol.kleur-results mark').count()) >= 1, 'the matching words are marked');
      await check('/talenten?q=analyseren');

      const names = [];
      for (const index of [0, 1]) {
        names.push(clean(await results.nth(index).locator('h3').textContent()));
        await results.nth(index).locator('input[type=checkbox][name=persoon]').check();
      }
      await clickAndWait(page, page.getByRole('button', { name: text.chosenMap, exact: true }));
      assert.equal(new URL(page.url()).pathname, '/talenten/kaart');
      assert.equal(await h1(page), text.mapTitle);
      assert.equal(clean(await page.locator('main h2').first().textContent()), text.chosenTitle);
      assert.equal(await page.locator('main svg[role=img]').count(), 1, 'the heatmap');
      const rows = page.locator('main details table tbody tr');
      assert.equal(await rows.count(), 2, 'one row per chosen colleague');
      for (const name of names) assert.ok((await page.locator('main details').textContent()).includes(name));
      await check('/talenten/kaart?persoon=… (two chosen)');

      // Her own team: the demo recorded what it needs; she adds one more and removes it again.
      await page.goto('/talenten/kaart');
      assert.ok((await page.locator('main table.kleur-table').first().locator('tbody tr').count()) >= 3, 'coverage rows');
      const option = page.locator('#talent option[value=innoveren]');
      const talentName = clean(await option.textContent());
      await page.locator('#talent').selectOption('innoveren');
      await page.locator('#niveau').selectOption('3');
      await clickAndWait(page, page.getByRole('button', { name: text.add, exact: true }));
      assert.equal(new URL(page.url()).searchParams.get('klaar'), 'directory-needs-saved');
      assert.equal(clean(await page.locator('main .kleur-notice[role=status]').first().textContent()), text.saved);
      const remove = page.getByRole('button', { name: text.remove(talentName), exact: true });
      assert.equal(await remove.count(), 1, 'the new need is listed');
      await check('/talenten/kaart (own team, with needs)');
      await clickAndWait(page, remove);
      assert.equal(await page.getByRole('button', { name: text.remove(talentName), exact: true }).count(), 0, 'removed');
      assert.equal(await page.locator('script').count(), 0, 'no script on the page');
    } finally {
      await context.close();
    }
  });
}
