// The talent catalogue in a real browser, in Dutch and in English, with axe on every page: Priya
// (HR) searches, adds an entry, edits it, retires it and restores it; Daan (employee) is offered the
// entry on the talent form only while it is active, and may not open the catalogue (403).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, clickAndWait } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, clean, h1, expectLang, uniqueTag, signInTo } from '../lib/portfolio.mjs';
import { AXE_CONTEXT, checkPage as axeCheck, printChecked } from '../lib/pages.mjs';

const PRIYA = { email: 'priya.ramdin@elderveen.example', name: 'Priya Ramdin' };
let kleur;
let browser;
const checked = [];

const TEXT = {
  nl: { title: 'Talentencatalogus', newTitle: 'Onderdeel toevoegen aan de catalogus', search: 'Zoeken', save: 'Opslaan', retire: 'Intrekken', restore: 'Terugzetten', retired: 'Ingetrokken', active: 'Actief' },
  en: { title: 'Talent catalogue', newTitle: 'Add an entry to the catalogue', search: 'Search', save: 'Save', retire: 'Retire', restore: 'Restore', retired: 'Retired', active: 'Active' },
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

/** As Daan: the suggestions of the talent form's datalist. */
async function suggestions(page) {
  await page.goto('/portfolio/nieuw?sectie=talents', { waitUntil: 'load' });
  return page.locator('datalist#catalogus option').evaluateAll((options) => options.map((o) => o.value));
}

for (const lang of ['nl', 'en']) {
  test(`catalogue journey (${lang}): search, add, edit, retire and restore; employees see only active entries`, async (t) => {
    const text = TEXT[lang];
    const tag = uniqueTag(lang);
    const key = `e2e-${tag}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '');
    const nameNl = `Testtalent ${tag}`;
    const nameEn = `Test talent ${tag}`;
    const name = lang === 'nl' ? nameNl : nameEn;
    const hr = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    const daanContext = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await hr.newPage();
      await signInTo(page, PRIYA, lang);
      const daan = await daanContext.newPage();
      await signInTo(daan, PORTFOLIO_USERS.daan, lang);
      const row = () => page.locator(`tr#entry-${key}`);

      await t.test(`${lang}: HR opens and searches the catalogue`, async (t) => {
        await page.goto('/beheer/catalogus', { waitUntil: 'load' });
        assert.equal(await h1(page), text.title);
        await axeCheck(t, page, `${lang} /beheer/catalogus (HR)`, checked);
        await page.locator('#q').fill('samen');
        await clickAndWait(page, page.locator('form.kleur-search button[type=submit]'));
        assert.match(page.url(), /[?&]q=samen/);
        assert.ok((await page.locator('table.kleur-table tbody tr').count()) > 0, 'the search finds entries');
        await axeCheck(t, page, `${lang} /beheer/catalogus?q=samen (HR)`, checked);
      });

      await t.test(`${lang}: HR adds an entry (after an error)`, async (t) => {
        await page.goto('/beheer/catalogus/nieuw', { waitUntil: 'load' });
        assert.equal(await h1(page), text.newTitle);
        await axeCheck(t, page, `${lang} /beheer/catalogus/nieuw (HR)`, checked);
        await clickAndWait(page, page.getByRole('button', { name: text.save, exact: true }));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await axeCheck(t, page, `${lang} /beheer/catalogus/nieuw with errors (HR)`, checked);
        await page.locator('#kind-talent').check();
        await page.locator('#category').selectOption('samenwerken-en-communiceren');
        await page.locator('#key').fill(key);
        await page.locator('#name_nl').fill(nameNl);
        await page.locator('#name_en').fill(nameEn);
        await page.locator('#description_nl').fill('Een talent uit de browsertest.');
        await page.locator('#description_en').fill('A talent from the browser test.');
        await page.locator('#synonyms_nl').fill(`zoekwoord${tag}`);
        await clickAndWait(page, page.getByRole('button', { name: text.save, exact: true }));
        await expectLang(page, lang);
        await page.goto(`/beheer/catalogus?q=${encodeURIComponent(tag)}`, { waitUntil: 'load' });
        assert.equal(await row().count(), 1, 'the new entry is listed');
        assert.match(clean(await row().innerText()), new RegExp(text.active));
        assert.ok((await suggestions(daan)).includes(name), 'Daan is offered the new entry');
      });

      await t.test(`${lang}: HR edits the entry`, async (t) => {
        await page.goto(`/beheer/catalogus/${key}/wijzigen`, { waitUntil: 'load' });
        await axeCheck(t, page, `${lang} /beheer/catalogus/<key>/wijzigen (HR)`, checked);
        await page.locator('#description_nl').fill('Een gewijzigd talent uit de browsertest.');
        await page.locator('#description_en').fill('A changed talent from the browser test.');
        await clickAndWait(page, page.getByRole('button', { name: text.save, exact: true }));
        await page.goto(`/beheer/catalogus/${key}/wijzigen`, { waitUntil: 'load' });
        assert.equal(await page.locator('#description_en').inputValue(), 'A changed talent from the browser test.');
      });

      await t.test(`${lang}: HR retires the entry; Daan is no longer offered it`, async (t) => {
        await page.goto(`/beheer/catalogus?q=${encodeURIComponent(tag)}`, { waitUntil: 'load' });
        await clickAndWait(page, row().getByRole('button', { name: text.retire }));
        await expectLang(page, lang);
        await axeCheck(t, page, `${lang} /beheer/catalogus after retiring (HR)`, checked);
        await page.goto(`/beheer/catalogus?q=${encodeURIComponent(tag)}`, { waitUntil: 'load' });
        assert.match(clean(await row().innerText()), new RegExp(text.retired));
        const offered = await suggestions(daan);
        assert.ok(offered.length > 0, 'the talent form still offers other entries');
        assert.ok(!offered.includes(nameNl) && !offered.includes(nameEn), 'a retired entry is not suggested');
        await axeCheck(t, daan, `${lang} /portfolio/nieuw?sectie=talents (employee)`, checked);
      });

      await t.test(`${lang}: HR restores the entry; Daan is offered it again`, async (t) => {
        await page.goto(`/beheer/catalogus?q=${encodeURIComponent(tag)}`, { waitUntil: 'load' });
        await clickAndWait(page, row().getByRole('button', { name: text.restore }));
        await axeCheck(t, page, `${lang} /beheer/catalogus after restoring (HR)`, checked);
        await page.goto(`/beheer/catalogus?q=${encodeURIComponent(tag)}`, { waitUntil: 'load' });
        assert.match(clean(await row().innerText()), new RegExp(text.active));
        assert.ok((await suggestions(daan)).includes(name), 'a restored entry is suggested again');
      });

      await t.test(`${lang}: an employee may not open the catalogue`, async (t) => {
        const response = await daan.goto('/beheer/catalogus', { waitUntil: 'load' });
        assert.equal(response.status(), 403);
        await expectLang(daan, lang);
        await axeCheck(t, daan, `${lang} /beheer/catalogus 403 (employee)`, checked);
      });
    } finally {
      await hr.close();
      await daanContext.close();
    }
  });
}
