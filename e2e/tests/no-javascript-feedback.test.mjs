// The 360° feedback journey of tests/feedback.test.mjs (steps in lib/feedback.mjs) with JavaScript
// disabled in every browser context, in Dutch and in English: Daan starts a round, the raters
// answer through their links without signing in (one saves a draft), a used link answers 409,
// Daan closes the round and reads the report. Every page checked is a whole page with no script.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext } from '../lib/browser.mjs';
import { findTeammates, feedbackJourney } from '../lib/feedback.mjs';

let kleur;
let browser;
let peers;

const NO_JS = { javaScriptEnabled: false };

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
  peers = await findTeammates(browser, kleur.baseUrl, NO_JS);
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

/** The page as it is now: one h1, a main, and no script. */
async function check(t, page, label) {
  assert.equal(await page.locator('h1').count(), 1, `${label} has one h1`);
  assert.equal(await page.locator('main').count(), 1, `${label} has a main`);
  assert.equal(await page.locator('script').count(), 0, `${label} ships no script`);
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

for (const lang of ['nl', 'en']) {
  test(`without JavaScript: the feedback journey (${lang})`, async (t) => {
    await feedbackJourney(t, { browser, baseUrl: kleur.baseUrl, lang, peers, check, contextOptions: NO_JS });
  });
}
