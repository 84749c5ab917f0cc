// A development conversation without JavaScript, in Dutch and in English: Sanne plans one with
// Daan and puts a topic on the agenda; Daan adds a private note; Sanne records the agreements;
// both confirm; Sanne never sees Daan's note.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, clickAndWait, USERS } from '../lib/browser.mjs';
import { PORTFOLIO_USERS, clean, h1, signInTo, uniqueTag } from '../lib/portfolio.mjs';

const NO_JS = { javaScriptEnabled: false };
let kleur;
let browser;

const TEXT = {
  nl: { both: 'Jullie hebben dit verslag allebei bevestigd.', waiting: 'Jij hebt dit verslag bevestigd; de ander nog niet.' },
  en: { both: 'You have both confirmed this record.', waiting: 'You confirmed this record; the other has not yet.' },
};

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

for (const lang of ['nl', 'en']) {
  test(`conversation journey without JavaScript (${lang})`, async (t) => {
    const tag = uniqueTag(lang);
    const topic = `Onderwerp ${tag}`;
    const secret = `Geheime notitie ${tag}`;
    const sanne = await newContext(browser, kleur.baseUrl, NO_JS);
    const daan = await newContext(browser, kleur.baseUrl, NO_JS);
    try {
      const s = await sanne.newPage();
      const d = await daan.newPage();
      await signInTo(s, USERS.manager, lang);
      await signInTo(d, PORTFOLIO_USERS.daan, lang);
      let path;
      await t.test(`${lang}: Sanne plans a conversation with Daan and adds a topic`, async () => {
        await s.goto('/gesprekken', { waitUntil: 'load' });
        await clickAndWait(s, s.locator('main a[href="/gesprekken/nieuw"]'));
        await s.locator('#employee_id').selectOption({ label: PORTFOLIO_USERS.daan.name });
        await s.locator('#planned_on').fill(yesterday());
        await clickAndWait(s, s.locator('main form button[type=submit]'));
        path = new URL(s.url()).pathname;
        assert.match(path, /^\/gesprekken\/[0-9a-f-]{36}$/);
        assert.ok((await h1(s)).includes(PORTFOLIO_USERS.daan.name));
        await s.locator('#text').fill(topic);
        await clickAndWait(s, s.locator('main form:has(#text) button[type=submit]'));
        assert.ok(clean(await s.locator('section[aria-labelledby=agenda]').innerText()).includes(topic));
      });
      await t.test(`${lang}: Daan sees the agenda and keeps a private note`, async () => {
        await d.goto(path, { waitUntil: 'load' });
        assert.ok(clean(await d.locator('section[aria-labelledby=agenda]').innerText()).includes(topic));
        await d.locator('#note').fill(secret);
        await clickAndWait(d, d.locator('main form:has(#note) button[type=submit]'));
        assert.equal(await d.locator('#note').inputValue(), secret);
      });
      await t.test(`${lang}: Sanne records the agreements; both confirm`, async () => {
        await s.goto(path, { waitUntil: 'load' });
        assert.ok(!clean(await s.locator('main').innerText()).includes(secret), "Sanne never sees Daan's note");
        await s.locator('#held_on').fill(yesterday());
        await s.locator('#agreements').fill(`Afspraak ${tag}`);
        await clickAndWait(s, s.locator('main form:has(#agreements) button[type=submit]'));
        await clickAndWait(s, s.locator('main form[action$="/bevestigen"] button'));
        assert.equal(clean(await s.locator('section[aria-labelledby=bevestigen] p').first().innerText()), TEXT[lang].waiting);
        await d.goto(path, { waitUntil: 'load' });
        assert.equal(await d.locator('#agreements').inputValue(), `Afspraak ${tag}`);
        await clickAndWait(d, d.locator('main form[action$="/bevestigen"] button'));
        assert.equal(clean(await d.locator('section[aria-labelledby=bevestigen] p').first().innerText()), TEXT[lang].both);
        assert.equal(await d.locator('script').count(), 0);
      });
    } finally {
      await sanne.close();
      await daan.close();
    }
  });
}
