// Check-ins without JavaScript, in Dutch and in English: Daan is refused an incomplete check-in
// with an error summary, checks in, sees it in his trend table, and shares his averages and
// notes; Sanne (his manager) then sees his summary and note on her team page; Priya (HR) sees
// only aggregates per unit, never his note.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, clickAndWait, USERS } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, clean, h1, signInTo, uniqueTag } from '../lib/portfolio.mjs';

const NO_JS = { javaScriptEnabled: false };
let kleur;
let browser;

const TEXT = {
  nl: { title: 'Check-in', team: 'Check-ins van je team', organisation: 'Check-ins in de organisatie', saved: 'Je check-in is opgeslagen.' },
  en: { title: 'Check-in', team: "Your team's check-ins", organisation: 'Check-ins across the organisation', saved: 'Your check-in has been saved.' },
};

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

for (const lang of ['nl', 'en']) {
  test(`check-in journey without JavaScript (${lang})`, async (t) => {
    const text = TEXT[lang];
    const note = `Notitie ${uniqueTag(lang)}`;
    const daan = await newContext(browser, kleur.baseUrl, NO_JS);
    try {
      const page = await daan.newPage();
      await signInTo(page, PORTFOLIO_USERS.daan, lang);
      await t.test(`${lang}: Daan checks in and shares`, async () => {
        await clickAndWait(page, page.locator('nav.kleur-nav').getByRole('link', { name: 'Check-in', exact: true }));
        assert.equal(await h1(page), text.title);
        assert.equal(await page.locator('script').count(), 0);
        // A check-in of today (from the other language's run) is replaced by a new one; delete
        // it first so the form starts empty.
        const today = new Date().toISOString().slice(0, 10);
        const remove = page.locator(`main form[action$="/verwijderen"]:has(button:text-matches("${today}"))`);
        if ((await remove.count()) > 0) {
          await clickAndWait(page, remove.first().locator('button'));
          assert.equal(new URL(page.url()).searchParams.get('klaar'), 'checkin-removed');
        }
        const form = page.locator('main form[action="/check-in"]');
        await page.locator('#energy-4').check();
        await clickAndWait(page, form.locator('button[type=submit]'));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'an incomplete check-in is refused');
        assert.ok(await page.locator('#energy-4').isChecked(), 'the answer given is kept');
        for (const name of ['workload', 'stress', 'autonomy', 'learning']) {
          await page.locator(`#${name}-3`).check();
        }
        await page.locator('#note').fill(note);
        await clickAndWait(page, form.locator('button[type=submit]'));
        assert.equal(new URL(page.url()).searchParams.get('klaar'), 'checkin-saved');
        assert.equal(clean(await page.locator('main .kleur-notice').textContent()), text.saved);
        const rows = (await page.locator('main table tbody tr').allTextContents()).map(clean);
        assert.ok(rows[0].includes(note) && rows[0].includes('4'), `today's check-in is first: ${rows[0]}`);
        assert.ok((await page.locator('main svg polyline').count()) === 5, 'five trend charts');

        await clickAndWait(page, page.locator('main a[href="/check-in/instellingen"]'));
        await page.locator('#share-4').check();
        await page.locator('#share_notes').check();
        await clickAndWait(page, page.locator('main form button[type=submit]'));
        assert.equal(new URL(page.url()).searchParams.get('klaar'), 'checkin-settings-saved');
      });
    } finally {
      await daan.close();
    }

    const sanne = await newContext(browser, kleur.baseUrl, NO_JS);
    try {
      const page = await sanne.newPage();
      await signInTo(page, USERS.manager, lang);
      await t.test(`${lang}: Sanne sees what Daan shares`, async () => {
        await page.goto('/check-in', { waitUntil: 'load' });
        await clickAndWait(page, page.locator('main a[href="/check-in/team"]'));
        assert.equal(await h1(page), text.team);
        const shared = clean(await page.locator('main').innerText());
        assert.ok(shared.includes(PORTFOLIO_USERS.daan.name), 'Daan shares with her');
        assert.ok(shared.includes(note), 'and his note');
        assert.ok(!shared.includes(PORTFOLIO_USERS.noor.name), 'Noor shares nothing');
      });
    } finally {
      await sanne.close();
    }

    const priya = await newContext(browser, kleur.baseUrl, NO_JS);
    try {
      const page = await priya.newPage();
      await signInTo(page, USERS.hr, lang);
      await t.test(`${lang}: Priya sees aggregates only`, async () => {
        await page.goto('/check-in', { waitUntil: 'load' });
        await clickAndWait(page, page.locator('main a[href="/check-in/organisatie"]'));
        assert.equal(await h1(page), text.organisation);
        const body = clean(await page.locator('main').innerText());
        assert.ok(!body.includes(note) && !body.includes(PORTFOLIO_USERS.daan.name));
        assert.ok((await page.locator('main tbody tr').count()) > 3, 'a row per unit');
      });
    } finally {
      await priya.close();
    }
  });
}
