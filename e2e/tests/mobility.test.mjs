// Internal mobility in a real browser, in Dutch and in English, with axe on every page: Sanne
// (manager) posts an opportunity (first with too many hours), publishes it; Daan (opted in by the
// demo) finds it under "for me" with its explanation, expresses interest (first without a
// motivation); Sanne sees him on the ranked shortlist and records that he got it; Daan's page then
// accepts no more interest. Then, without JavaScript, Noor expresses interest and withdraws it.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, clickAndWait } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, h1, uniqueTag, signInTo } from '../lib/portfolio.mjs';
import { AXE_CONTEXT, checkPage as axeCheck, printChecked, stable } from '../lib/pages.mjs';

const SANNE = { email: 'sanne.vanderberg@elderveen.example', name: 'Sanne van der Berg' };
let kleur;
let browser;
const checked = [];

const TEXT = {
  nl: {
    overview: 'Interne kansen',
    newLink: 'Nieuwe kans plaatsen',
    save: 'Opslaan',
    publish: 'Publiceren',
    published: 'Gepubliceerd',
    forMe: 'Kansen die bij mij passen',
    express: 'Interesse tonen',
    withdraw: 'Interesse intrekken',
    interested: 'Je hebt interesse getoond.',
    shortlist: 'Kandidaten bekijken',
    outcomeSave: 'Uitkomst vastleggen',
    filled: 'Ingevuld',
    matched: 'Passende talenten',
    closedForInterest: 'Deze kans staat niet (meer) open voor reacties.',
  },
  en: {
    overview: 'Internal opportunities',
    newLink: 'Post an opportunity',
    save: 'Save',
    publish: 'Publish',
    published: 'Published',
    forMe: 'Opportunities that fit me',
    express: 'Express interest',
    withdraw: 'Withdraw interest',
    interested: 'You have expressed interest.',
    shortlist: 'View candidates',
    outcomeSave: 'Record outcome',
    filled: 'Filled',
    matched: 'Matching talents',
    closedForInterest: 'This opportunity is not (or no longer) open for responses.',
  },
};

function inDays(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
  printChecked(checked);
});

for (const lang of ['nl', 'en']) {
  test(`mobility journey (${lang}): post, publish, match, interest, shortlist, outcome`, async (t) => {
    const text = TEXT[lang];
    const title = `Kans ${uniqueTag(lang)}`;
    let path;
    const sanneContext = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    const daanContext = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const sanne = await sanneContext.newPage();
      await signInTo(sanne, SANNE, lang);
      await t.test(`${lang}: Sanne posts and publishes an opportunity`, async (t) => {
        await sanne.goto('/kansen', { waitUntil: 'load' });
        assert.equal(await h1(sanne), text.overview);
        await axeCheck(t, sanne, `${lang} /kansen (manager)`, checked);
        await clickAndWait(sanne, sanne.getByRole('link', { name: text.newLink, exact: true }));
        assert.equal(new URL(sanne.url()).pathname, '/kansen/nieuw');
        await axeCheck(t, sanne, `${lang} /kansen/nieuw (manager)`, checked);
        await sanne.locator('#kind').selectOption('assignment');
        await sanne.locator('#title').fill(title);
        await sanne.locator('#description').fill('Een kans uit de browsertest.');
        await sanne.locator('#hours_per_week').fill('200');
        await sanne.locator('#closing_date').fill(inDays(20));
        await sanne.locator('#required').selectOption(['analyseren']);
        await sanne.locator('#nice').selectOption(['presenteren', 'helder-schrijven']);
        await clickAndWait(sanne, sanne.getByRole('button', { name: text.save, exact: true }));
        assert.equal(await sanne.locator('.kleur-errors').count(), 1, 'more hours than a week has is refused');
        assert.match(await sanne.locator('.kleur-errors').innerText(), /168/);
        await axeCheck(t, sanne, `${lang} /kansen/nieuw with errors (manager)`, checked);
        await sanne.locator('#hours_per_week').fill('8');
        await Promise.all([
          sanne.waitForURL(/\/kansen\/[0-9a-f-]{36}(\?.*)?$/, { waitUntil: 'load' }),
          sanne.getByRole('button', { name: text.save, exact: true }).click(),
        ]);
        path = new URL(sanne.url()).pathname;
        assert.equal(await h1(sanne), title);
        await axeCheck(t, sanne, `${lang} /kansen/<id> draft (poster)`, checked);
        await clickAndWait(sanne, sanne.getByRole('button', { name: text.publish, exact: true }));
        assert.ok((await sanne.locator('main dl').innerText()).includes(text.published));
      });

      const daan = await daanContext.newPage();
      await signInTo(daan, PORTFOLIO_USERS.daan, lang);
      await t.test(`${lang}: Daan finds it, explained, and expresses interest`, async (t) => {
        await daan.goto('/kansen/voor-mij', { waitUntil: 'load' });
        assert.equal(await h1(daan), text.forMe);
        await axeCheck(t, daan, `${lang} /kansen/voor-mij (employee)`, checked);
        const link = daan.locator(`main a[href="${path}"]`);
        assert.equal(await link.count(), 1, 'the new opportunity is ranked for Daan');
        await clickAndWait(daan, link);
        assert.equal(await h1(daan), title);
        await axeCheck(t, daan, `${lang} /kansen/<id> (employee)`, checked);
        await clickAndWait(daan, daan.getByRole('button', { name: text.express, exact: true }));
        assert.equal(await daan.locator('.kleur-errors').count(), 1, 'a motivation is required');
        await axeCheck(t, daan, `${lang} /kansen/<id> interest with errors (employee)`, checked);
        await daan.locator('#motivation').fill(`Motivatie ${title}`);
        await clickAndWait(daan, daan.getByRole('button', { name: text.express, exact: true }));
        assert.ok((await daan.locator('main').innerText()).includes(text.interested));
        await axeCheck(t, daan, `${lang} /kansen/<id> interested (employee)`, checked);
        await daan.goto('/portfolio/beschikbaarheid', { waitUntil: 'load' });
        assert.ok(await daan.locator('#open_to_opportunities').isChecked(), 'the demo opted Daan in');
        await axeCheck(t, daan, `${lang} /portfolio/beschikbaarheid (employee)`, checked);
      });

      await t.test(`${lang}: Sanne sees Daan on the shortlist and records that he got it`, async (t) => {
        await sanne.goto(path, { waitUntil: 'load' });
        await clickAndWait(sanne, sanne.getByRole('link', { name: text.shortlist, exact: true }));
        assert.equal(new URL(sanne.url()).pathname, `${path}/kandidaten`);
        const interested = await sanne.locator('section[aria-labelledby=geinteresseerd]').innerText();
        assert.ok(interested.includes('Daan de Vries') && interested.includes(`Motivatie ${title}`), interested);
        await axeCheck(t, sanne, `${lang} /kansen/<id>/kandidaten (poster)`, checked);
        await sanne.locator('#outcome-filled').check();
        await sanne.locator('#person_id').selectOption({ label: 'Daan de Vries' });
        await clickAndWait(sanne, sanne.getByRole('button', { name: text.outcomeSave, exact: true }));
        assert.equal(new URL(sanne.url()).pathname, path);
        const details = await sanne.locator('main dl').innerText();
        assert.ok(details.includes(text.filled) && details.includes('Daan de Vries'), details);
        await axeCheck(t, sanne, `${lang} /kansen/<id> filled (poster)`, checked);
      });

      await t.test(`${lang}: a filled opportunity accepts no interest`, async (t) => {
        await daan.goto(path, { waitUntil: 'load' });
        assert.equal(await daan.getByRole('button', { name: text.express, exact: true }).count(), 0);
        await axeCheck(t, daan, `${lang} /kansen/<id> filled (employee)`, checked);
      });
    } finally {
      await sanneContext.close();
      await daanContext.close();
    }
  });

  test(`mobility without JavaScript (${lang}): Noor expresses interest and withdraws it`, async () => {
    const text = TEXT[lang];
    const context = await newContext(browser, kleur.baseUrl, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signInTo(page, PORTFOLIO_USERS.noor, lang);
      await page.goto('/kansen?soort=mentoring', { waitUntil: 'load' });
      const link = page.locator('main a[href^="/kansen/"]:not([href="/kansen/voor-mij"]):not([href="/kansen/nieuw"])').first();
      assert.equal(await link.count(), 1, 'the demo has an open mentoring opportunity');
      await clickAndWait(page, link);
      await page.locator('#motivation').fill('Zonder JavaScript');
      await clickAndWait(page, page.getByRole('button', { name: text.express, exact: true }));
      assert.ok((await page.locator('main').innerText()).includes(text.interested));
      await clickAndWait(page, page.getByRole('button', { name: text.withdraw, exact: true }));
      assert.equal(await page.getByRole('button', { name: text.express, exact: true }).count(), 1);
      assert.ok(stable(new URL(page.url()).pathname).startsWith('/kansen/'));
    } finally {
      await context.close();
    }
  });
}
