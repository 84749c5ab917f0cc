// Keyboard only, the rater's answer form (/feedback/antwoord/<token>), in Dutch and in English:
// with Tab, Shift+Tab, the arrow keys, Space, Enter and typing only, a rating is chosen in every
// rating group, the open questions are answered and the form is sent. After every key press the
// focused element shows a focus indicator (an outline or a box-shadow), and Tab and Shift+Tab
// walk the whole page without getting stuck (no keyboard trap).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, switchLanguage } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, h1, expectLang, uniqueTag, signInTo } from '../lib/portfolio.mjs';
import { FEEDBACK_TEXT as TEXT, findTeammates, invitationLinks, startRound } from '../lib/feedback.mjs';
import { focusSnapshot, press, tabUntil, pressAndWait } from '../lib/keyboard.mjs';

let kleur;
let browser;
let peers;

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
  peers = await findTeammates(browser, kleur.baseUrl);
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

const noCheck = async () => {};

/** As Daan: a new round for the three peers and one external rater; the answer links in order. */
async function newRoundLinks(t, lang) {
  const title = `Toetsenbord ${uniqueTag(lang)}`;
  const external = `klant-kb-${lang}-${Date.now().toString(36)}@voorbeeld.nl`;
  const context = await newContext(browser, kleur.baseUrl);
  try {
    const page = await context.newPage();
    await signInTo(page, PORTFOLIO_USERS.daan, lang);
    await startRound(t, page, { lang, title, peers, external, check: noCheck });
  } finally {
    await context.close();
  }
  const links = await invitationLinks(browser, kleur.baseUrl, lang, title, [...peers, external]);
  return [...peers, external].map((to) => links[to]);
}

async function openAnswerForm(context, link, lang) {
  const page = await context.newPage();
  const response = await page.goto(link, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  if (lang !== 'nl') await switchLanguage(page, lang);
  await expectLang(page, lang);
  assert.equal(await h1(page), TEXT[lang].heading);
  // Start from a freshly loaded page, nothing focused.
  await page.goto(link, { waitUntil: 'load' });
  return page;
}

for (const lang of ['nl', 'en']) {
  test(`keyboard only (${lang}): the rater's answer form`, async (t) => {
    const links = await newRoundLinks(t, lang);
    const context = await newContext(browser, kleur.baseUrl);
    try {
      await t.test(`${lang}: Tab and Shift+Tab walk the whole page, focus always visible, no trap`, async (t) => {
        const page = await openAnswerForm(context, links[1], lang);
        const { stops, onBody } = await page.evaluate(focusSnapshot);
        assert.ok(onBody, 'nothing has focus after loading');
        const groups = await page.locator('main input[type=radio]').evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
        assert.ok(groups.length > 0, 'the form has rating groups');
        for (const name of groups) {
          assert.ok(stops.some((s) => s.startsWith(`input#r-${name.replace(/^rating-/, '')}-`)), `rating group ${name} is a tab stop`);
        }
        for (const id of ['textarea#open-sterk', 'textarea#open-groei', `button[name=actie] "${TEXT[lang].send}"`, `button[name=actie] "${TEXT[lang].draft}"`]) {
          assert.ok(stops.includes(id), `${id} is a tab stop (${stops.join(', ')})`);
        }

        const forward = [];
        for (let i = 0; i < stops.length; i += 1) forward.push((await press(page, 'Tab')).focused);
        assert.deepEqual(forward, stops, 'Tab visits every stop once, in document order');
        let snap = await press(page, 'Tab');
        assert.ok(snap.onBody || snap.index === 0, `after the last stop focus leaves the page or wraps (got ${snap.focused})`);

        // Back from the end: Shift+Tab visits every stop in reverse (an unchecked radio group is
        // entered at its last radio going backwards, so compare positions, not elements).
        await press(page, 'Shift+Tab');
        const backward = [(await page.evaluate(focusSnapshot)).index];
        for (let i = 1; i < stops.length; i += 1) backward.push((await press(page, 'Shift+Tab')).index);
        assert.deepEqual(backward, stops.map((_, i) => stops.length - 1 - i), 'Shift+Tab visits every stop in reverse');
        snap = await press(page, 'Shift+Tab');
        assert.ok(snap.onBody || snap.index === stops.length - 1, `before the first stop focus leaves the page or wraps (got ${snap.focused})`);
        t.diagnostic(`${stops.length} tab stops (${groups.length} rating groups), each with a visible focus indicator, both ways`);
      });

      await t.test(`${lang}: choose a rating in every group, write an open answer and send, keyboard only`, async () => {
        const page = await openAnswerForm(context, links[0], lang);
        const groups = await page.locator('main input[type=radio]').evaluateAll((inputs) => {
          const byName = new Map();
          for (const i of inputs) byName.set(i.name, [...(byName.get(i.name) || []), i.value]);
          return [...byName].map(([name, values]) => ({ name, key: name.replace(/^rating-/, ''), values }));
        });
        const chosen = {};
        for (const [gi, { key, values }] of groups.entries()) {
          // Tab enters the group (nothing checked yet: at its first radio); Space checks it; each
          // ArrowRight moves the choice to the next radio, as radio groups work.
          let snap = await tabUntil(page, (s) => s.focused.startsWith(`input#r-${key}-`));
          assert.equal(snap.focused, `input#r-${key}-${values[0]}`, `group ${key} is entered at its first radio`);
          await press(page, 'Space');
          const target = gi === groups.length - 1 ? values.length - 1 : gi % (values.length - 1);
          for (let step = 0; step < target; step += 1) snap = await press(page, 'ArrowRight');
          assert.equal(snap.focused, `input#r-${key}-${values[target]}`);
          assert.ok(await page.locator(`#r-${key}-${values[target]}`).isChecked(), `${values[target]} is chosen in ${key}`);
          chosen[key] = values[target];
        }
        const strong = `${lang} toetsenbord sterk ${Date.now()}`;
        const grow = `${lang} toetsenbord groei ${Date.now()}`;
        await tabUntil(page, (s) => s.focused === 'textarea#open-sterk');
        await page.keyboard.type(strong);
        await tabUntil(page, (s) => s.focused === 'textarea#open-groei');
        await page.keyboard.type(grow);
        for (const [key, value] of Object.entries(chosen)) {
          assert.ok(await page.locator(`#r-${key}-${value}`).isChecked(), `${key} still has ${value}`);
        }
        assert.equal(await page.locator('#open-sterk').inputValue(), strong);
        assert.equal(await page.locator('#open-groei').inputValue(), grow);

        const snap = await tabUntil(page, (s) => s.focused === `button[name=actie] "${TEXT[lang].send}"`);
        assert.ok(snap.inForm);
        await pressAndWait(page, 'Enter');
        assert.equal(await h1(page), TEXT[lang].thanks);
        const response = await page.goto(links[0], { waitUntil: 'load' });
        assert.equal(response.status(), 409, 'the answer was sent: the link is used');
      });
    } finally {
      await context.close();
    }
  });
}
