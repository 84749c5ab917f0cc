// The portfolio journey, shared by tests/portfolio.test.mjs (with JavaScript) and
// tests/no-javascript.test.mjs (without): Daan adds a talent shared with his team and a private
// reflection, shares an existing item with the whole organisation, Noor (his teammate) and Willem
// (another unit) look at his portfolio and see exactly what is shared with them, Daan sees them on
// "who looked at my portfolio", and removes an item and undoes that.
import assert from 'node:assert/strict';
import { newContext, signIn, switchLanguage, clickAndWait } from './browser.mjs';

export const PORTFOLIO_USERS = {
  daan: { email: 'daan.devries@elderveen.example', name: 'Daan de Vries' },
  noor: { email: 'noor.hendriks@elderveen.example', name: 'Noor Hendriks' },
  willem: { email: 'willem.dekker@elderveen.example', name: 'Willem Dekker' },
  joost: { email: 'joost.bakker@elderveen.example', name: 'Joost Bakker' },
};

/** The interface text the journey relies on, per language (from crates/i18n/locales/*.ftl). */
export const TEXT = {
  nl: {
    own: 'Mijn portfolio',
    of: (name) => `Portfolio van ${name}`,
    viewerIntro: (name) => `Je ziet wat ${name} met jou heeft gedeeld.`,
    addTalent: 'Talent toevoegen',
    addReflection: 'Reflectie schrijven',
    editTitle: 'Onderdeel wijzigen',
    legend: 'Wie mag dit zien?',
    save: 'Opslaan',
    saved: 'Opgeslagen.',
    edit: 'Wijzigen',
    remove: 'Verwijderen',
    removeTitle: 'Onderdeel verwijderen',
    removeConfirm: 'Ja, verwijderen',
    removed: 'Het onderdeel is verwijderd.',
    undo: 'Ongedaan maken',
    restored: 'Het onderdeel is teruggezet.',
    viewsLink: 'Wie bekeek mijn portfolio?',
    visibility: {
      private: 'Alleen ik',
      manager: 'Ik en mijn leidinggevende / coach',
      team: 'Mijn team (en leidinggevende)',
      organisation: 'Iedereen in de organisatie',
    },
  },
  en: {
    own: 'My portfolio',
    of: (name) => `Portfolio of ${name}`,
    viewerIntro: (name) => `You see what ${name} shared with you.`,
    addTalent: 'Add a talent',
    addReflection: 'Write a reflection',
    editTitle: 'Change item',
    legend: 'Who may see this?',
    save: 'Save',
    saved: 'Saved.',
    edit: 'Change',
    remove: 'Remove',
    removeTitle: 'Remove item',
    removeConfirm: 'Yes, remove',
    removed: 'The item has been removed.',
    undo: 'Undo',
    restored: 'The item has been restored.',
    viewsLink: 'Who looked at my portfolio?',
    visibility: {
      private: 'Only me',
      manager: 'Me and my manager / coach',
      team: 'My team (and manager)',
      organisation: 'Everyone in the organisation',
    },
  },
};

/** Text as a person reads it: Fluent's bidi isolation marks removed, white space collapsed. */
export function clean(text) {
  return (text ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

export async function h1(page) {
  return clean(await page.locator('h1').textContent());
}

export async function expectLang(page, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `${page.url()} is in ${lang}`);
}

let counter = 0;
/** A tag unique to this run and call, so reruns on the same database never collide. */
export function uniqueTag(lang, label = '') {
  counter += 1;
  return `${label}${lang}-${Date.now().toString(36)}-${counter}`;
}

/**
 * The items on a portfolio page, in order: { section, title, visibility } where visibility is the
 * badge text (own portfolio only) mapped back to its value, or null on a colleague's view.
 */
export async function readPortfolio(page, lang) {
  const byLabel = Object.fromEntries(Object.entries(TEXT[lang].visibility).map(([value, label]) => [label, value]));
  const raw = await page.locator('main section.kleur-section').evaluateAll((sections) =>
    sections.flatMap((section) =>
      [...section.querySelectorAll('li.kleur-item')].map((item) => ({
        section: section.querySelector('h2').id.replace(/^sectie-/, ''),
        title: item.querySelector('h3').textContent,
        badge: item.querySelector('.kleur-badge')?.textContent ?? null,
      })),
    ),
  );
  return raw.map(({ section, title, badge }) => {
    const visibility = badge === null ? null : byLabel[clean(badge)];
    assert.ok(badge === null || visibility, `unknown visibility badge "${badge}" in ${lang}`);
    return { section, title: clean(title), visibility };
  });
}

/** The item card on a portfolio page whose heading is exactly `title`. */
export function itemCard(page, title) {
  return page.locator('main li.kleur-item').filter({ has: page.locator('h3').getByText(title, { exact: true }) });
}

/**
 * One of an item's action links ("Change: <title>", "Remove: <title>"): the visible word plus the
 * title in a visually hidden span, so that each link has a unique name for screen readers.
 */
async function itemLink(page, title, word, hrefSuffix) {
  const link = itemCard(page, title).locator(`a[href$="${hrefSuffix}"]`);
  assert.equal(await link.count(), 1, `one "${word}" link for ${title}`);
  assert.equal(clean(await link.textContent()), `${word}: ${title}`);
  assert.equal(clean(await link.locator('.visually-hidden').textContent()), `: ${title}`);
  return link;
}

const key = (item) => `${item.section}: ${item.title}`;
export const keys = (items) => items.map(key).sort();

/** Looks a person's id up on /beheer/mensen as the administrator (the only page that lists ids). */
export async function findPersonId(browser, baseUrl, name, contextOptions = {}) {
  const context = await newContext(browser, baseUrl, contextOptions);
  try {
    const page = await context.newPage();
    await signIn(page, PORTFOLIO_USERS.joost.email);
    await page.goto(`/beheer/mensen?q=${encodeURIComponent(name)}`, { waitUntil: 'load' });
    const link = page.locator('table.kleur-table tbody').getByRole('link', { name, exact: true });
    assert.equal(await link.count(), 1, `/beheer/mensen?q=${name} lists ${name} once`);
    const href = await link.getAttribute('href');
    const match = /^\/beheer\/mensen\/([^/?#]+)$/.exec(href);
    assert.ok(match, `a person link, got ${href}`);
    return match[1];
  } finally {
    await context.close();
  }
}

/** Signs in and switches to `lang` with the header form (the language is kept per person). */
export async function signInTo(page, user, lang) {
  await signIn(page, user.email);
  await switchLanguage(page, lang);
  await expectLang(page, lang);
}

async function openOwnPortfolio(page, lang) {
  await clickAndWait(page, page.locator('nav.kleur-nav').getByRole('link', { name: TEXT[lang].own, exact: true }));
  assert.equal(new URL(page.url()).pathname, '/portfolio');
  assert.equal(await h1(page), TEXT[lang].own);
  await expectLang(page, lang);
}

/** Submits the item form and checks we are back on /portfolio with the "saved" notice. */
async function saveItemForm(page, lang) {
  await clickAndWait(page, page.locator('main form').getByRole('button', { name: TEXT[lang].save, exact: true }));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/portfolio', `saving returns to the portfolio (at ${page.url()})`);
  assert.equal(url.searchParams.get('klaar'), 'portfolio-saved');
  assert.equal(clean(await page.locator('main .kleur-notice[role=status]').first().textContent()), TEXT[lang].saved);
  return url;
}

/**
 * From /portfolio: follows the section's add link, fills the form and saves. Returns the new item's
 * id (from the redirect's #item-<id>, whose target must exist on the page).
 */
export async function addItem(page, lang, { section, linkName, title, body, visibility }) {
  const add = page.locator(`main a[href="/portfolio/nieuw?sectie=${section}"]`);
  assert.equal(clean(await add.textContent()), linkName);
  await clickAndWait(page, add);
  assert.equal(await h1(page), linkName);
  await expectLang(page, lang);
  assert.equal(clean(await page.locator('#visibility legend').textContent()), TEXT[lang].legend);
  // New items start private: nothing is shared until the owner chooses so.
  assert.equal(await page.locator('#visibility-private').isChecked(), true, 'a new item is private by default');
  for (const [value, label] of Object.entries(TEXT[lang].visibility)) {
    assert.equal(clean(await page.locator(`label[for="visibility-${value}"]`).textContent()), label);
  }
  await page.locator('#title').fill(title);
  await page.locator('#body').fill(body);
  if (visibility !== 'private') await page.locator(`#visibility-${visibility}`).check();
  const url = await saveItemForm(page, lang);
  const match = /^#item-(.+)$/.exec(url.hash);
  assert.ok(match, `the redirect after adding points at the new item (${url})`);
  const target = page.locator(`li.kleur-item[id="item-${match[1]}"]`);
  assert.equal(await target.count(), 1, `#item-${match[1]} exists on the page`);
  assert.equal(clean(await target.locator('h3').textContent()), title);
  assert.equal(clean(await target.locator('.kleur-badge').textContent()), TEXT[lang].visibility[visibility]);
  return match[1];
}

/** From /portfolio: opens an item's edit form by its "Change: <title>" link and sets its visibility. */
export async function changeVisibility(page, lang, title, visibility) {
  await clickAndWait(page, await itemLink(page, title, TEXT[lang].edit, '/wijzigen'));
  assert.match(new URL(page.url()).pathname, /^\/portfolio\/items\/[^/]+\/wijzigen$/);
  assert.equal(await h1(page), TEXT[lang].editTitle);
  await expectLang(page, lang);
  assert.equal(await page.locator('#title').inputValue(), title, 'the form shows the item');
  await page.locator(`#visibility-${visibility}`).check();
  await saveItemForm(page, lang);
}

/** From /portfolio: removes an item through the confirmation page, then undoes that. */
export async function removeAndUndo(page, lang, title) {
  const before = await readPortfolio(page, lang);
  const item = before.find((i) => i.title === title);
  assert.ok(item, `${title} is on the portfolio before removing`);

  await clickAndWait(page, await itemLink(page, title, TEXT[lang].remove, '/verwijderen'));
  assert.match(new URL(page.url()).pathname, /^\/portfolio\/items\/[^/]+\/verwijderen$/);
  assert.equal(await h1(page), TEXT[lang].removeTitle);
  await expectLang(page, lang);
  assert.ok(clean(await page.locator('main').textContent()).includes(title), 'the confirmation names the item');
  await clickAndWait(page, page.getByRole('button', { name: TEXT[lang].removeConfirm, exact: true }));

  let url = new URL(page.url());
  assert.equal(url.pathname, '/portfolio');
  assert.ok(url.searchParams.get('herstel'), 'the portfolio offers to undo');
  const notice = page.locator('main form.kleur-notice [role=status]');
  assert.ok(clean(await notice.textContent()).startsWith(TEXT[lang].removed));
  assert.deepEqual(
    keys(await readPortfolio(page, lang)),
    keys(before.filter((i) => i.title !== title)),
    'only the removed item is gone',
  );

  await clickAndWait(page, page.locator('main form.kleur-notice').getByRole('button', { name: TEXT[lang].undo, exact: true }));
  url = new URL(page.url());
  assert.equal(url.pathname, '/portfolio');
  assert.equal(url.searchParams.get('klaar'), 'portfolio-restored');
  assert.equal(clean(await page.locator('main .kleur-notice[role=status]').first().textContent()), TEXT[lang].restored);
  const after = await readPortfolio(page, lang);
  assert.deepEqual(keys(after), keys(before), 'the undone item is back');
  assert.equal(after.find((i) => i.title === title).visibility, item.visibility, 'with the same visibility');
}

/** A colleague opens the owner's portfolio at /mensen/<id>/portfolio; returns what they see. */
async function colleagueSees(browser, baseUrl, contextOptions, viewer, owner, ownerId, lang) {
  const context = await newContext(browser, baseUrl, contextOptions);
  try {
    const page = await context.newPage();
    await signInTo(page, viewer, lang);
    const response = await page.goto(`/mensen/${ownerId}/portfolio`, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    await expectLang(page, lang);
    assert.equal(await h1(page), TEXT[lang].of(owner.name));
    assert.ok(clean(await page.locator('main').textContent()).includes(TEXT[lang].viewerIntro(owner.name)));
    // A viewer gets no edit, move or remove controls and no visibility badges.
    assert.equal(await page.locator('main a[href*="/wijzigen"], main a[href*="/verwijderen"], main form').count(), 0);
    assert.equal(await page.locator('main .kleur-badge').count(), 0);
    return await readPortfolio(page, lang);
  } finally {
    await context.close();
  }
}

/**
 * The whole journey in one language. `contextOptions` go to every browser context (e.g.
 * { javaScriptEnabled: false }). `daanId` is Daan's person id (see findPersonId).
 */
export async function portfolioJourney(t, { browser, baseUrl, lang, daanId, contextOptions = {} }) {
  const { daan, noor, willem } = PORTFOLIO_USERS;
  const tag = uniqueTag(lang);
  const talent = { section: 'talents', title: `Talent e2e ${tag}`, visibility: 'team' };
  const reflection = { section: 'reflections', title: `Reflectie e2e ${tag}`, visibility: 'private' };

  // Each step needs the ones before it: after a failure, the rest are skipped, not failed again.
  let failed = null;
  const step = (name, fn) =>
    t.test(name, async (st) => {
      if (failed) {
        st.skip(`"${failed}" failed`);
        return;
      }
      try {
        await fn(st);
      } catch (error) {
        failed = name;
        throw error;
      }
    });

  const context = await newContext(browser, baseUrl, contextOptions);
  try {
    const page = await context.newPage();
    let shared; // the existing item Daan shares with the whole organisation
    let own; // Daan's whole portfolio after his changes
    let visitsFrom; // just before Noor and Willem look (the server's clock is this machine's)

    await step(`${lang}: Daan adds a talent for his team and a private reflection`, async () => {
      await signInTo(page, daan, lang);
      await openOwnPortfolio(page, lang);
      await addItem(page, lang, {
        ...talent,
        linkName: TEXT[lang].addTalent,
        body: `Ik breng mensen bij elkaar (${tag}).`,
      });
      await addItem(page, lang, {
        ...reflection,
        linkName: TEXT[lang].addReflection,
        body: `Wat ik deze week leerde (${tag}).`,
      });
    });

    await step(`${lang}: Daan shares an existing item with the whole organisation`, async (st) => {
      const items = await readPortfolio(page, lang);
      // The first demo item that is not yet shared with everyone (each run takes the next one).
      shared = items.find((i) => !i.title.includes(' e2e ') && i.visibility !== 'organisation');
      assert.ok(shared, "Daan's demo portfolio has an item that is not shared with everyone yet");
      st.diagnostic(`sharing "${shared.title}" (${shared.section}, was ${shared.visibility}) with everyone`);
      await changeVisibility(page, lang, shared.title, 'organisation');
      own = await readPortfolio(page, lang);
      const changed = own.find((i) => i.section === shared.section && i.title === shared.title);
      assert.equal(changed.visibility, 'organisation', `${shared.title} now shows "${TEXT[lang].visibility.organisation}"`);
      assert.equal(own.find((i) => i.title === talent.title).visibility, 'team');
      assert.equal(own.find((i) => i.title === reflection.title).visibility, 'private');
      assert.ok(own.some((i) => i.visibility !== 'organisation' && i.visibility !== 'team'), 'something stays unshared');
    });

    await step(`${lang}: the export holds the same items and visibilities`, async () => {
      const response = await context.request.get('/portfolio/export.json');
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /^application\/json/);
      const data = await response.json();
      assert.equal(data.format, 'kleur-portfolio');
      const find = (item) => data.items.find((i) => i.section === item.section && i.title === item.title);
      assert.equal(find(talent)?.visibility, 'team');
      assert.equal(find(reflection)?.visibility, 'private');
      assert.equal(find(shared)?.visibility, 'organisation');
      assert.equal(data.items.length, own.length, 'the export has every item on the page');
    });

    await step(`${lang}: Noor (same team) sees team and organisation items, not the private reflection`, async (st) => {
      visitsFrom = Date.now() - 1000;
      const seen = await colleagueSees(browser, baseUrl, contextOptions, noor, daan, daanId, lang);
      const titles = seen.map((i) => i.title);
      assert.ok(titles.includes(talent.title), 'the team talent is visible to a teammate');
      assert.ok(!titles.includes(reflection.title), 'the private reflection is not visible to a teammate');
      assert.ok(titles.includes(shared.title), 'the item shared with the organisation is visible');
      assert.deepEqual(keys(seen), keys(own.filter((i) => ['team', 'organisation'].includes(i.visibility))));
      st.diagnostic(`Noor sees ${seen.length} of Daan's ${own.length} items`);
    });

    await step(`${lang}: Willem (another unit) sees only the organisation items`, async (st) => {
      const seen = await colleagueSees(browser, baseUrl, contextOptions, willem, daan, daanId, lang);
      const titles = seen.map((i) => i.title);
      assert.ok(titles.includes(shared.title), 'the item shared with the organisation is visible');
      assert.ok(!titles.includes(talent.title), 'the team talent is not visible outside the team');
      assert.ok(!titles.includes(reflection.title), 'the private reflection is not visible');
      assert.deepEqual(keys(seen), keys(own.filter((i) => i.visibility === 'organisation')));
      st.diagnostic(`Willem sees ${seen.length} of Daan's ${own.length} items`);
    });

    await step(`${lang}: Daan sees Willem and Noor on "who looked at my portfolio"`, async () => {
      await page.goto('/portfolio', { waitUntil: 'load' });
      await clickAndWait(page, page.getByRole('link', { name: TEXT[lang].viewsLink, exact: true }));
      assert.equal(new URL(page.url()).pathname, '/portfolio/bekeken');
      assert.equal(await h1(page), TEXT[lang].viewsLink);
      await expectLang(page, lang);
      const rows = await page.locator('main table.kleur-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ who: tr.cells[0].textContent.trim(), when: tr.querySelector('time').getAttribute('datetime') })),
      );
      // Newest first: Willem looked last, Noor just before him, both during this run (an earlier
      // run on the same database left older rows for them below).
      assert.deepEqual(rows.slice(0, 2).map((r) => r.who), [willem.name, noor.name], JSON.stringify(rows.slice(0, 4)));
      for (const row of rows.slice(0, 2)) {
        assert.ok(Date.parse(row.when) >= visitsFrom, `${row.who} looked during this run (${row.when})`);
      }
    });

    await step(`${lang}: Daan removes the reflection and undoes that`, async () => {
      await openOwnPortfolio(page, lang);
      await removeAndUndo(page, lang, reflection.title);
    });
  } finally {
    await context.close();
  }
}
