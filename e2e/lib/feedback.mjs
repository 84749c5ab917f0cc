// The 360° feedback journey, shared by tests/feedback.test.mjs (with JavaScript and axe on every
// page) and tests/no-javascript-feedback.test.mjs (without JavaScript): Daan starts a round (three
// colleagues from his team, one external rater, his manager), the invitations are read from the
// sent mail as Joost (administrator), the three colleagues and the external rater answer through
// their personal links without signing in (one saves a draft first), a used link answers 409
// "already sent", and Daan closes the round and reads the report.
//
// `check(t, page, label)` is called on every page worth checking (axe with JavaScript, a
// whole-page/no-script check without); `contextOptions` go to every browser context.
import assert from 'node:assert/strict';
import { newContext, switchLanguage, clickAndWait } from './browser.mjs';
import { PORTFOLIO_USERS, clean, h1, expectLang, uniqueTag, signInTo } from './portfolio.mjs';

export const FEEDBACK_TEXT = {
  nl: {
    submit: 'Uitnodigingen versturen',
    progress: 'Wie heeft geantwoord',
    result: 'Resultaat',
    close: 'Ronde nu sluiten',
    send: 'Versturen',
    draft: 'Concept bewaren',
    draftSaved: 'Je concept is bewaard.',
    thanks: 'Dank je wel',
    used: 'Al verstuurd',
    peers: "Collega's",
    others: 'Alle anderen',
    external: 'Cliënten en partners',
    heading: 'Feedback voor Daan de Vries',
  },
  en: {
    submit: 'Send invitations',
    progress: 'Who has answered',
    result: 'Result',
    close: 'Close the round now',
    send: 'Send',
    draft: 'Save draft',
    draftSaved: 'Your draft has been saved.',
    thanks: 'Thank you',
    used: 'Already sent',
    peers: 'Colleagues',
    others: 'All others',
    external: 'Clients and partners',
    heading: 'Feedback for Daan de Vries',
  },
};
const TEXT = FEEDBACK_TEXT;

/** Daan's teammates: the unit filter on /beheer/mensen whose table lists Daan, then each person's e-mail. */
export async function findTeammates(browser, baseUrl, contextOptions = {}) {
  const context = await newContext(browser, baseUrl, contextOptions);
  try {
    const page = await context.newPage();
    await signInTo(page, PORTFOLIO_USERS.joost, 'nl');
    await page.goto('/beheer/mensen', { waitUntil: 'load' });
    const units = await page.locator('#onderdeel option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
    for (const unit of units) {
      await page.goto(`/beheer/mensen?onderdeel=${unit}`, { waitUntil: 'load' });
      const rows = page.locator('table.kleur-table tbody tr');
      const names = (await rows.locator('th a').allTextContents()).map(clean);
      if (!names.includes('Daan de Vries')) continue;
      const hrefs = await rows.locator('th a').evaluateAll((links) =>
        links
          .filter((a) => !['Daan de Vries', 'Sanne van der Berg'].includes(a.textContent.trim()))
          .map((a) => a.getAttribute('href')),
      );
      assert.ok(hrefs.length >= 3, `Daan's unit has at least three other colleagues (got ${hrefs.length})`);
      const emails = [];
      for (const href of hrefs.slice(0, 3)) {
        await page.goto(href, { waitUntil: 'load' });
        const text = await page.locator('main dl').first().innerText();
        const match = /[\w.+-]+@elderveen\.example/.exec(text);
        assert.ok(match, `an e-mail address on ${href}`);
        emails.push(match[0]);
      }
      return emails;
    }
    throw new Error('no unit lists Daan de Vries');
  } finally {
    await context.close();
  }
}

export function twoWeeksAhead() {
  const date = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  return date.toISOString().slice(0, 10);
}

/** As Joost: the invitation links for the round titled `title`, by recipient. */
export async function invitationLinks(browser, baseUrl, lang, title, recipients, contextOptions = {}) {
  const context = await newContext(browser, baseUrl, contextOptions);
  try {
    const page = await context.newPage();
    await signInTo(page, PORTFOLIO_USERS.joost, lang);
    const links = {};
    let listPath = '/beheer/e-mail';
    // Newest first; follow the pagination until every recipient's invitation is found (bounded).
    for (let pageNo = 0; pageNo < 10 && Object.keys(links).length < recipients.length; pageNo += 1) {
      await page.goto(listPath, { waitUntil: 'load' });
      const rows = await page.locator('table.kleur-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ href: tr.querySelector('th a').getAttribute('href'), to: tr.querySelector('td').textContent.trim() })),
      );
      for (const row of rows) {
        if (!recipients.includes(row.to) || links[row.to]) continue;
        await page.goto(row.href, { waitUntil: 'load' });
        const body = await page.locator('.kleur-mail-body').innerText();
        if (!body.includes(title)) continue;
        const match = /https?:\/\/[^\s]+(\/feedback\/antwoord\/[^\s]+)/.exec(body);
        assert.ok(match, `the invitation to ${row.to} has an answer link`);
        links[row.to] = match[1];
      }
      await page.goto(listPath, { waitUntil: 'load' });
      const next = page.locator('main a[rel=next]');
      if ((await next.count()) === 0) break;
      listPath = await next.first().getAttribute('href');
    }
    for (const to of recipients) assert.ok(links[to], `an invitation for "${title}" was sent to ${to}`);
    return links;
  } finally {
    await context.close();
  }
}

/** A rater answers through the link without signing in; optionally saves a draft first. */
export async function answer(t, { browser, baseUrl, lang, link, draft, index, check, contextOptions = {} }) {
  const text = TEXT[lang];
  const context = await newContext(browser, baseUrl, contextOptions);
  try {
    const page = await context.newPage();
    let response = await page.goto(link, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    if (lang !== 'nl') await switchLanguage(page, lang);
    await expectLang(page, lang);
    assert.equal(await h1(page), text.heading);
    if (index === 0) await check(t, page, `${lang} /feedback/antwoord/<token> (signed out)`);

    const radioGroups = await page.locator('main input[type=radio]').evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
    assert.ok(radioGroups.length > 0, 'the form has rating questions');
    const values = radioGroups.map((name, i) => (i === 0 && index === 3 ? 'x' : String(((i + index) % 5) + 1)));
    const strong = `${lang} sterk ${index} ${Date.now()}`;
    const grow = `${lang} groei ${index} ${Date.now()}`;

    if (draft) {
      await page.locator(`input[name="${radioGroups[0]}"][value="${values[0]}"]`).check();
      await page.locator('#open-sterk').fill(strong);
      await clickAndWait(page, page.getByRole('button', { name: text.draft, exact: true }));
      assert.match(clean(await page.locator('.kleur-notice').innerText()), new RegExp(`^${text.draftSaved.replace('.', '\\.')}`));
      await check(t, page, `${lang} /feedback/antwoord/<token> draft saved`);
      // The draft comes back when the link is opened again.
      response = await page.goto(link, { waitUntil: 'load' });
      assert.equal(response.status(), 200);
      assert.ok(await page.locator(`input[name="${radioGroups[0]}"][value="${values[0]}"]`).isChecked(), 'the draft rating is kept');
      assert.equal(await page.locator('#open-sterk').inputValue(), strong, 'the draft comment is kept');
    }

    for (const [i, name] of radioGroups.entries()) {
      await page.locator(`input[name="${name}"][value="${values[i]}"]`).check();
    }
    await page.locator('#open-sterk').fill(strong);
    await page.locator('#open-groei').fill(grow);
    await clickAndWait(page, page.getByRole('button', { name: text.send, exact: true }));
    assert.equal(await h1(page), text.thanks);
    if (index === 0) await check(t, page, `${lang} thank-you page (signed out)`);

    response = await page.goto(link, { waitUntil: 'load' });
    assert.equal(response.status(), 409, 'a used link answers 409');
    assert.equal(await h1(page), text.used);
    if (index === 0) await check(t, page, `${lang} used link, 409 (signed out)`);
    return { strong, grow };
  } finally {
    await context.close();
  }
}

/**
 * As Daan on `page` (signed in): the new-round form, first submitted empty (error summary), then
 * valid with `peers`, one external address and the manager. Returns the round's path.
 */
export async function startRound(t, page, { lang, title, peers, external, check }) {
  const text = TEXT[lang];
  await page.goto('/feedback/nieuw', { waitUntil: 'load' });
  await expectLang(page, lang);
  await check(t, page, `${lang} /feedback/nieuw (employee)`);
  await clickAndWait(page, page.getByRole('button', { name: text.submit, exact: true }));
  assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
  await check(t, page, `${lang} /feedback/nieuw with errors`);

  await page.locator('#title').fill(title);
  await page.locator('#deadline').fill(twoWeeksAhead());
  await page.locator('#peers').fill(peers.join('\n'));
  await page.locator('#externals').fill(external);
  await page.locator('#manager-ja').check();
  // One external rater is below the anonymity threshold: the form warns first and asks to
  // confirm (merged into "others" or hidden), then starts the round.
  await clickAndWait(page, page.getByRole('button', { name: text.submit, exact: true }));
  assert.equal(await page.locator('#small_groups_ok').count(), 1, 'the small-group warning is shown');
  await check(t, page, `${lang} /feedback/nieuw with the small-group warning`);
  await page.locator('#small_groups_ok').check();
  await Promise.all([
    page.waitForURL(/\/feedback\/rondes\/[^/]+$/, { waitUntil: 'load' }),
    page.getByRole('button', { name: text.submit, exact: true }).click(),
  ]);
  return new URL(page.url()).pathname;
}

/** The whole journey as subtests of `t`. */
export async function feedbackJourney(t, { browser, baseUrl, lang, peers, check, contextOptions = {} }) {
  const text = TEXT[lang];
  const title = `Ronde ${uniqueTag(lang)}`;
  const external = `klant-${lang}-${Date.now().toString(36)}@voorbeeld.nl`;
  const daanContext = await newContext(browser, baseUrl, contextOptions);
  try {
    const page = await daanContext.newPage();
    await signInTo(page, PORTFOLIO_USERS.daan, lang);
    let roundUrl;

    await t.test(`${lang}: the new-round form, with an error, then valid`, async (t) => {
      roundUrl = await startRound(t, page, { lang, title, peers, external, check });
    });

    await t.test(`${lang}: the open round shows progress and no result`, async (t) => {
      assert.equal(await h1(page), title);
      assert.ok(await page.getByRole('heading', { name: text.progress, exact: true }).isVisible());
      const rows = await page.locator('table.kleur-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/[\u2068\u2069]/g, '').trim())),
      );
      const peerRow = rows.find((r) => r[0] === text.peers);
      assert.ok(peerRow, `a ${text.peers} row in ${JSON.stringify(rows)}`);
      assert.deepEqual(peerRow.slice(1, 3), ['3', '0']);
      const externalRow = rows.find((r) => r[0] === text.external);
      assert.ok(externalRow, `a ${text.external} row`);
      assert.deepEqual(externalRow.slice(1, 3), ['1', '0']);
      assert.equal(await page.getByRole('heading', { name: text.result, exact: true }).count(), 0, 'no result yet');
      assert.equal(await page.locator('svg.kleur-chart').count(), 0);
      await check(t, page, `${lang} /feedback/rondes/<id> open (employee)`);
    });

    const links = await invitationLinks(browser, baseUrl, lang, title, [...peers, external], contextOptions);
    const comments = [];
    for (const [index, to] of [...peers, external].entries()) {
      await t.test(`${lang}: ${index < 3 ? 'colleague' : 'external rater'} ${index + 1} answers by link`, async (t) => {
        comments.push(await answer(t, { browser, baseUrl, lang, link: links[to], draft: index === 0, index, check, contextOptions }));
      });
    }

    await t.test(`${lang}: Daan closes the round and reads the report`, async (t) => {
      await page.goto(roundUrl, { waitUntil: 'load' });
      await clickAndWait(page, page.getByRole('button', { name: text.close, exact: true }));
      assert.equal(new URL(page.url()).pathname, roundUrl);
      assert.ok(await page.getByRole('heading', { name: text.result, exact: true }).isVisible(), 'the result is shown');
      assert.equal(await page.getByRole('button', { name: text.close, exact: true }).count(), 0);
      assert.ok((await page.locator('svg.kleur-chart').count()) > 0, 'a chart is shown');
      const groups = (await page.locator('section.kleur-report-item table tbody th').allTextContents()).map(clean);
      assert.ok(groups.includes(text.peers), `the colleagues group is shown: ${groups}`);
      assert.ok(groups.includes(text.others), `"${text.others}" is shown: ${groups}`);
      assert.ok(!groups.includes(text.external), 'the lone external rater is not its own group');
      const shown = (await page.locator('ul.kleur-comments li').allTextContents()).map(clean);
      for (const { strong, grow } of comments) {
        assert.ok(shown.includes(strong), `comment "${strong}" is in the report`);
        assert.ok(shown.includes(grow), `comment "${grow}" is in the report`);
      }
      await check(t, page, `${lang} /feedback/rondes/<id> closed with report (employee)`);
    });
  } finally {
    await daanContext.close();
  }
}
