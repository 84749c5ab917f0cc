// The portfolio in a real browser, in Dutch and in English: Daan fills in part of his portfolio and
// chooses who sees what, colleagues see exactly that, and the main form works with the keyboard
// alone (focus always visible, every control reached, no keyboard trap).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext } from '../lib/browser.mjs';
import {
  PORTFOLIO_USERS,
  TEXT,
  clean,
  h1,
  expectLang,
  uniqueTag,
  readPortfolio,
  findPersonId,
  signInTo,
  portfolioJourney,
} from '../lib/portfolio.mjs';
import { focusSnapshot, press, tabUntil, pressAndWait } from '../lib/keyboard.mjs';

let kleur;
let browser;
let daanId;

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
  daanId = await findPersonId(browser, kleur.baseUrl, PORTFOLIO_USERS.daan.name);
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

for (const lang of ['nl', 'en']) {
  test(`portfolio journey (${lang}): add, share, colleagues see what is shared, views, remove and undo`, async (t) => {
    await portfolioJourney(t, { browser, baseUrl: kleur.baseUrl, lang, daanId });
  });
}

// ---- keyboard only -------------------------------------------------------------------------

// Keyboard helpers: see lib/keyboard.mjs.

for (const lang of ['nl', 'en']) {
  test(`keyboard only (${lang}): add a talent shared with the team from /portfolio`, async () => {
    const context = await newContext(browser, kleur.baseUrl);
    try {
      const page = await context.newPage();
      await signInTo(page, PORTFOLIO_USERS.daan, lang);
      await page.goto('/portfolio', { waitUntil: 'load' });
      const title = `Toetsenbord e2e ${uniqueTag(lang)}`;

      // From the top of /portfolio, Tab to "Add a talent" and follow it with Enter.
      await tabUntil(page, (s) => s.focused.startsWith('a[href="/portfolio/nieuw?sectie=talents"]'));
      await pressAndWait(page, 'Enter');
      assert.equal(new URL(page.url()).pathname, '/portfolio/nieuw');
      assert.equal(await h1(page), TEXT[lang].addTalent);

      // Tab to the title field and type; Tab on to the explanation and type.
      await tabUntil(page, (s) => s.focused === 'input#title');
      await page.keyboard.type(title);
      let snap = await press(page, 'Tab');
      assert.equal(snap.focused, 'textarea#body', 'Tab from the title goes to the explanation');
      await page.keyboard.type('Met alleen het toetsenbord ingevuld.');

      // Tab to the visibility group (focus lands on the checked radio, "private"), then move the
      // choice with the arrow keys, as radio groups work, to "team"; Space keeps it selected.
      snap = await tabUntil(page, (s) => s.focused.startsWith('input#visibility-'));
      assert.equal(snap.focused, 'input#visibility-private', 'the group is entered at the checked radio');
      snap = await press(page, 'ArrowDown');
      assert.equal(snap.focused, 'input#visibility-manager');
      snap = await press(page, 'ArrowDown');
      assert.equal(snap.focused, 'input#visibility-team');
      await press(page, 'Space');
      assert.equal(await page.locator('#visibility-team').isChecked(), true);

      // Tab to Save and press Enter.
      snap = await press(page, 'Tab');
      assert.equal(snap.focused, `button "${TEXT[lang].save}"`, 'after the visibility group comes Save');
      await pressAndWait(page, 'Enter');
      const url = new URL(page.url());
      assert.equal(url.pathname, '/portfolio');
      assert.equal(url.searchParams.get('klaar'), 'portfolio-saved');
      await expectLang(page, lang);
      const added = (await readPortfolio(page, lang)).find((i) => i.title === title);
      assert.deepEqual(added, { section: 'talents', title, visibility: 'team' });

      // The redirect's #item-<id> is the new item, so the next Tab continues from there: its
      // "Change" link, not the top of the page.
      snap = await press(page, 'Tab');
      assert.equal(clean(await page.evaluate(() => document.activeElement.textContent)), `${TEXT[lang].edit}: ${title}`);
    } finally {
      await context.close();
    }
  });

  test(`keyboard only (${lang}): the talent form has every control in the tab order, focus visible, no trap`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl);
    try {
      const page = await context.newPage();
      await signInTo(page, PORTFOLIO_USERS.daan, lang);
      await page.goto('/portfolio/nieuw?sectie=talents', { waitUntil: 'load' });
      await expectLang(page, lang);
      const { stops, onBody } = await page.evaluate(focusSnapshot);
      assert.ok(onBody, 'nothing has focus after loading');
      const formControls = [
        'input#title',
        'textarea#body',
        'textarea#situation',
        'textarea#result',
        'input#witness',
        'input#strength',
        'input#enjoyment',
        'input#visibility-private',
        `button "${TEXT[lang].save}"`,
        `a[href="/portfolio#sectie-talents"] "${lang === 'nl' ? 'Annuleren' : 'Cancel'}"`,
      ];
      for (const control of formControls) assert.ok(stops.includes(control), `${control} is a tab stop (${stops.join(', ')})`);

      // Tab through the whole page: every stop once, in document order, then focus leaves the
      // document (or wraps to the first stop). Nothing keeps the focus.
      const visited = [];
      for (let i = 0; i < stops.length; i += 1) {
        const snap = await press(page, 'Tab');
        visited.push(snap.focused);
      }
      assert.deepEqual(visited, stops, 'Tab visits every stop in document order');
      let snap = await press(page, 'Tab');
      assert.ok(snap.onBody || snap.index === 0, `after the last stop focus leaves the page or wraps (got ${snap.focused})`);
      t.diagnostic(`${stops.length} tab stops, each with a visible focus indicator; after the last, focus ${snap.onBody ? 'left the page' : 'wrapped to the first'}`);
      // The form's controls came one after the other, with the header before and nothing after.
      const first = stops.indexOf('input#title');
      assert.deepEqual(stops.slice(first, first + formControls.length), formControls, 'the form controls are consecutive');

      // And back: Shift+Tab to Save, then on through the form in reverse to the title field.
      const save = `button "${TEXT[lang].save}"`;
      await tabUntil(page, (s) => s.focused === save, { backwards: true, max: stops.length + 1 });
      const back = [];
      await tabUntil(
        page,
        (s) => {
          back.push(s.focused);
          return s.focused === 'input#title';
        },
        { backwards: true, max: formControls.length },
      );
      assert.deepEqual(back, formControls.slice(0, 8).reverse(), 'Shift+Tab walks the form backwards');
    } finally {
      await context.close();
    }
  });
}
