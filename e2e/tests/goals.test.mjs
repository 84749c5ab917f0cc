// Goals in a real browser, in Dutch and in English, with axe on every page: Daan creates a personal
// goal that contributes to a team goal and is visible to his team, records progress and proposes it
// to the team; Sanne (his manager) accepts it; it is a team goal now with both events in its
// history; Noor (same team) sees it.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, clickAndWait } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, clean, h1, expectLang, uniqueTag, signInTo } from '../lib/portfolio.mjs';
import { AXE_CONTEXT, checkPage as axeCheck, printChecked } from '../lib/pages.mjs';

const SANNE = { email: 'sanne.vanderberg@elderveen.example', name: 'Sanne van der Berg' };
let kleur;
let browser;
const checked = [];

const TEXT = {
  nl: {
    overview: 'Doelen',
    newGoal: 'Nieuw doel',
    save: 'Opslaan',
    progressLink: 'Voortgang bijwerken',
    progressSave: 'Voortgang opslaan',
    proposeLink: 'Voorstellen aan mijn team',
    proposeConfirm: 'Ja, stel voor aan mijn team',
    accept: 'Accepteren als teamdoel',
    decline: 'Afwijzen',
    personal: 'Persoonlijk doel',
    team: 'Teamdoel',
    proposed: 'Door Daan de Vries voorgesteld als teamdoel',
    accepted: 'Door Sanne van der Berg geaccepteerd: nu een teamdoel',
  },
  en: {
    overview: 'Goals',
    newGoal: 'New goal',
    save: 'Save',
    progressLink: 'Update progress',
    progressSave: 'Save progress',
    proposeLink: 'Propose to my team',
    proposeConfirm: 'Yes, propose to my team',
    accept: 'Accept as a team goal',
    decline: 'Decline',
    personal: 'Personal goal',
    team: 'Team goal',
    proposed: 'Proposed as a team goal by Daan de Vries',
    accepted: 'Accepted by Sanne van der Berg: now a team goal',
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

/** The value of the goal page's definition list entry at `index` (0: level). */
async function level(page) {
  return clean(await page.locator('main dl.kleur-dl dd').first().innerText());
}

async function history(page) {
  return (await page.locator('section[aria-labelledby=geschiedenis] li').allTextContents()).map(clean);
}

for (const lang of ['nl', 'en']) {
  test(`goals journey (${lang}): create, progress, propose, accept, colleague sees it`, async (t) => {
    const text = TEXT[lang];
    const title = `Doel ${uniqueTag(lang)}`;
    let goalPath;
    const daanContext = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await daanContext.newPage();
      await signInTo(page, PORTFOLIO_USERS.daan, lang);

      await t.test(`${lang}: Daan creates a personal goal for a team goal, visible to the team`, async (t) => {
        await page.goto('/doelen', { waitUntil: 'load' });
        assert.equal(await h1(page), text.overview);
        await axeCheck(t, page, `${lang} /doelen (employee)`, checked);
        await clickAndWait(page, page.getByRole('link', { name: text.newGoal, exact: true }));
        assert.equal(new URL(page.url()).pathname, '/doelen/nieuw');
        await axeCheck(t, page, `${lang} /doelen/nieuw (employee)`, checked);
        await clickAndWait(page, page.getByRole('button', { name: text.save, exact: true }));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'an empty goal is refused with an error summary');
        await axeCheck(t, page, `${lang} /doelen/nieuw with errors (employee)`, checked);

        await page.locator('#title').fill(title);
        await page.locator('#description').fill('Een doel uit de browsertest.');
        const teamGoal = await page.locator('#parent_id optgroup').nth(1).locator('option').first().getAttribute('value');
        await page.locator('#parent_id').selectOption(teamGoal);
        await page.locator('#visibility-team').check();
        await Promise.all([
          page.waitForURL(/\/doelen\/[0-9a-f-]{36}(\?.*)?$/, { waitUntil: 'load' }),
          page.getByRole('button', { name: text.save, exact: true }).click(),
        ]);
        goalPath = new URL(page.url()).pathname;
        assert.equal(await h1(page), title);
        assert.equal(await level(page), text.personal);
        await axeCheck(t, page, `${lang} /doelen/<id> personal (owner)`, checked);
      });

      await t.test(`${lang}: Daan records progress`, async (t) => {
        await clickAndWait(page, page.getByRole('link', { name: text.progressLink, exact: true }));
        assert.equal(new URL(page.url()).pathname, `${goalPath}/voortgang`);
        await axeCheck(t, page, `${lang} /doelen/<id>/voortgang (owner)`, checked);
        await page.locator('#percent').fill('40');
        await page.locator('#status input[type=radio]').first().check();
        await page.locator('#note').fill(`Voortgang ${title}`);
        await clickAndWait(page, page.getByRole('button', { name: text.progressSave, exact: true }));
        assert.equal(new URL(page.url()).pathname, goalPath);
        const rows = (await page.locator('section[aria-labelledby=voortgang] tbody tr').allTextContents()).map(clean);
        assert.ok(rows.some((r) => r.includes(`Voortgang ${title}`) && r.includes('40')), `the progress is listed: ${rows}`);
      });

      await t.test(`${lang}: Daan proposes it to his team`, async (t) => {
        await clickAndWait(page, page.getByRole('link', { name: text.proposeLink, exact: true }));
        assert.equal(new URL(page.url()).pathname, `${goalPath}/voorstellen`);
        await axeCheck(t, page, `${lang} /doelen/<id>/voorstellen (owner)`, checked);
        await clickAndWait(page, page.getByRole('button', { name: text.proposeConfirm, exact: true }));
        assert.equal(new URL(page.url()).pathname, goalPath);
        assert.ok((await history(page)).some((e) => e.includes(text.proposed)), 'the proposal is in the history');
        await axeCheck(t, page, `${lang} /doelen/<id> proposed (owner)`, checked);
      });
    } finally {
      await daanContext.close();
    }

    const sanneContext = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await sanneContext.newPage();
      await signInTo(page, SANNE, lang);
      await t.test(`${lang}: Sanne accepts it as a team goal`, async (t) => {
        await page.goto(goalPath, { waitUntil: 'load' });
        assert.ok(await page.getByRole('button', { name: text.decline, exact: true }).isVisible());
        await axeCheck(t, page, `${lang} /doelen/<id> proposal to decide (manager)`, checked);
        await clickAndWait(page, page.getByRole('button', { name: text.accept, exact: true }));
        await page.goto(goalPath, { waitUntil: 'load' });
        assert.equal(await level(page), text.team);
        const events = await history(page);
        assert.ok(events.some((e) => e.includes(text.proposed)), `proposed event: ${events}`);
        assert.ok(events.some((e) => e.includes(text.accepted)), `accepted event: ${events}`);
        assert.equal(await page.getByRole('button', { name: text.accept, exact: true }).count(), 0);
        await axeCheck(t, page, `${lang} /doelen/<id> team goal (manager)`, checked);
      });
    } finally {
      await sanneContext.close();
    }

    const noorContext = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await noorContext.newPage();
      await signInTo(page, PORTFOLIO_USERS.noor, lang);
      await t.test(`${lang}: Noor (same team) sees the team goal`, async (t) => {
        await page.goto('/doelen', { waitUntil: 'load' });
        await expectLang(page, lang);
        const link = page.locator(`main a[href="${goalPath}"]`);
        assert.ok((await link.count()) > 0, 'the goal is listed for Noor');
        await clickAndWait(page, link.first());
        assert.equal(await h1(page), title);
        assert.equal(await level(page), text.team);
        await axeCheck(t, page, `${lang} /doelen/<id> team goal (teammate)`, checked);
      });
    } finally {
      await noorContext.close();
    }
  });
}
