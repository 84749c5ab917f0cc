// The 360° feedback journey in a real browser, in Dutch and in English, with axe on every page:
// Daan starts a round (three colleagues from his team, one external rater, his manager), the
// invitations are read from the sent mail as Joost (administrator), the three colleagues and the
// external rater answer through their personal links without signing in (one saves a draft first),
// a used link answers 409 "already sent", and Daan closes the round and reads the report.
// The steps live in lib/feedback.mjs, shared with no-javascript-feedback.test.mjs.
import { before, after, test } from 'node:test';
import { startKleur } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { AXE_CONTEXT, checkPage as axeCheck, printChecked } from '../lib/pages.mjs';
import { findTeammates, feedbackJourney } from '../lib/feedback.mjs';

let kleur;
let browser;
/** E-mail addresses of three of Daan's teammates (not Daan, not his manager). */
let peers;
const checked = [];

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
  peers = await findTeammates(browser, kleur.baseUrl);
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
  printChecked(checked);
});

const check = (t, page, label) => axeCheck(t, page, label, checked);

for (const lang of ['nl', 'en']) {
  test(`feedback journey (${lang}): start a round, four raters answer by link, close, read the report`, async (t) => {
    await feedbackJourney(t, { browser, baseUrl: kleur.baseUrl, lang, peers, check, contextOptions: AXE_CONTEXT });
  });
}
