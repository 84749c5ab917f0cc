// axe-core (WCAG 2.0/2.1 A and AA rules) on every page, in Dutch and in English, including the
// states with validation errors. Any violation fails the test and is printed with rule id, impact
// and the failing nodes' targets.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, signIn, switchLanguage, clickAndWait, USERS, PASSWORD } from '../lib/browser.mjs';
import { runAxe, formatViolations, formatRuleCounts } from '../lib/axe.mjs';
import { PORTFOLIO_USERS, TEXT, h1, findPersonId, signInTo, addItem, uniqueTag, itemCard } from '../lib/portfolio.mjs';

let kleur;
let browser;
let daanId;
/** Every page checked: [label, rule counts], printed as one summary block at the end. */
const checked = [];

before(async () => {
  kleur = await startKleur();
  browser = await launchChromium();
  daanId = await findPersonId(browser, kleur.baseUrl, PORTFOLIO_USERS.daan.name);
  // Ask for a password reset so that the sent-mail pages have a message to show.
  const context = await newContext(browser, kleur.baseUrl);
  try {
    const page = await context.newPage();
    await page.goto('/wachtwoord-vergeten');
    await page.locator('#email').fill(USERS.employee.email);
    await clickAndWait(page, page.locator('main form button[type=submit]'));
  } finally {
    await context.close();
  }
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
  if (checked.length > 0) {
    // One summary line per page checked (also for a page that failed), for the log and README.
    console.log(`axe: ${checked.length} page checks, rules run per page:`);
    for (const [label, rules] of checked) console.log(`  ${formatRuleCounts(label, rules)}`);
  }
});

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

// Kleur sends `Content-Security-Policy: script-src 'self'`, so the inline <script> that
// page.addScriptTag({content}) inserts to load axe-core would be blocked. bypassCSP: true lets
// Playwright inject it; it changes nothing else about the pages under test.
const AXE_CONTEXT = { bypassCSP: true };

async function checkPage(t, page, label) {
  const { violations, incomplete, rules } = await runAxe(page);
  checked.push([label, rules]);
  if (incomplete.length > 0) {
    t.diagnostic(`${label}: axe needs review (not failing): ${incomplete.map((i) => `${i.id}×${i.nodes.length}`).join(', ')}`);
  }
  assert.equal(
    violations.length,
    0,
    `axe found ${violations.length} WCAG A/AA violation(s) on ${label} (${page.url()}):\n${formatViolations(violations)}`,
  );
}

/** Loads a page, checks the expected status, and that it is a complete, labelled document. */
async function open(page, path, expectedStatus = 200) {
  const response = await page.goto(path, { waitUntil: 'load' });
  assert.equal(response.status(), expectedStatus, `status of ${path}`);
  return response;
}

for (const lang of ['nl', 'en']) {
  test(`axe: signed-in administrator pages (${lang})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await context.newPage();
      await signIn(page, USERS.admin.email);
      await switchLanguage(page, lang);

      // A person's page: follow a link from the people table.
      await open(page, '/beheer/mensen');
      const personHref = await page.locator('table.kleur-table tbody a[href^="/beheer/mensen/"]').first().getAttribute('href');
      assert.ok(personHref, 'the people table links to a person');

      const pages = [
        ['/', 200],
        ['/profiel', 200],
        ['/api', 200],
        ['/beheer/mensen', 200],
        ['/beheer/mensen?q=de', 200],
        ['/beheer/mensen/nieuw', 200],
        [personHref, 200],
        ['/beheer/onderdelen', 200],
        ['/beheer/e-mail', 200],
        ['/beheer/sso', 200],
        ['/beheer/scim', 200],
        ['/inloggen/sso/terug?state=onbekend&code=x', 400],
        ['/inloggen/sso/bestaat-niet', 404],
        ['/bestaat-niet', 404],
        ['/portfolio', 200],
        ['/portfolio/nieuw?sectie=values', 200],
        ['/portfolio/nieuw?sectie=talents', 200],
        ['/portfolio/nieuw?sectie=core_qualities', 200],
        ['/portfolio/nieuw?sectie=passions', 200],
        ['/portfolio/nieuw?sectie=working_style', 200],
        ['/portfolio/nieuw?sectie=ambitions', 200],
        ['/portfolio/nieuw?sectie=results', 200],
        ['/portfolio/nieuw?sectie=reflections', 200],
        ['/portfolio/bekeken', 200],
        ['/portfolio/afdrukken', 200],
        ['/portfolio/importeren', 200],
        [personHref.replace('/beheer/mensen/', '/mensen/') + '/portfolio', 200],
        ['/doelen', 200],
        ['/doelen/nieuw', 200],
        ['/feedback', 200],
        ['/feedback/nieuw', 200],
        ['/beheer/catalogus', 200],
        ['/beheer/catalogus?q=samen', 200],
        ['/beheer/catalogus/nieuw', 200],
        ['/beheer/catalogus/analyseren/wijzigen', 200],
        ['/talenten', 200],
        ['/talenten?q=samenwerking&beschikbaar=ja', 200],
        ['/talenten?q=x&sectie=onbekend', 422],
        ['/talenten/kaart', 200],
        ['/talenten/kaart?bereik=mijn-mensen', 200],
        ['/beheer/vragenlijsten', 200],
        ['/beheer/vragenlijsten/nieuw', 200],
        ['/beheer/vragenlijsten/kleur-basis', 200],
        ['/beheer/vragenlijsten/kleur-basis/wijzigen', 200],
        ['/beheer/feedback-overzicht', 200],
        ['/beheer/logboek', 200],
        ['/beheer/logboek?gebeurtenis=signed-in', 200],
        ['/beheer/privacy', 200],
        [personHref + '/wissen', 200],
        ['/kansen', 200],
        ['/kansen?zoek=wijk&soort=project', 200],
        ['/kansen/voor-mij', 200],
        ['/kansen/nieuw', 403],
        ['/portfolio/beschikbaarheid', 200],
      ];
      const stable = (path) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '<id>');
      for (const [path, status] of pages) {
        await t.test(`${lang} ${path}`, async (t) => {
          await open(page, path, status);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await checkPage(t, page, `${lang} ${stable(path)} (administrator)`);
        });
      }

      await t.test(`${lang} /beheer/mensen/nieuw with validation errors`, async (t) => {
        await open(page, '/beheer/mensen/nieuw');
        await page.locator('#email').fill('geen-e-mailadres');
        await clickAndWait(page, page.locator('main form button[type=submit]'));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /beheer/mensen/nieuw with errors`);
      });

      await t.test(`${lang} /beheer/sso with validation errors`, async (t) => {
        await open(page, '/beheer/sso');
        await page.locator('#issuer').fill('http://idp.example.org');
        await clickAndWait(page, page.locator('main form button[type=submit]'));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /beheer/sso with errors`);
      });

      await t.test(`${lang} /beheer/privacy with validation errors`, async (t) => {
        await open(page, '/beheer/privacy');
        await page.locator('#closed_feedback_days').fill('veel');
        await clickAndWait(page, page.locator('main form button[type=submit]'));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /beheer/privacy with errors`);
      });

      await t.test(`${lang} the erase form with a wrong confirmation`, async (t) => {
        await open(page, personHref + '/wissen');
        await page.locator('#confirmation').fill('niet-het-adres@voorbeeld.nl');
        await clickAndWait(page, page.locator('main form button[type=submit]'));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} erase form with errors`);
      });

      await t.test(`${lang} a goal page`, async (t) => {
        await open(page, '/doelen');
        const goal = page.locator('main a[href^="/doelen/"]:not([href="/doelen/nieuw"])').first();
        assert.ok((await goal.count()) > 0, 'the demo has goals');
        await clickAndWait(page, goal);
        await checkPage(t, page, `${lang} /doelen/<id> (administrator)`);
      });

      await t.test(`${lang} the feedback form with errors`, async (t) => {
        await open(page, '/feedback/nieuw');
        await page.locator('#peers').fill('geen adres');
        await clickAndWait(page, page.locator('main form button.kleur-button:not(.kleur-button--secondary)').first());
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /feedback/nieuw with errors`);
      });

      await t.test(`${lang} editing an own portfolio item`, async (t) => {
        await open(page, '/portfolio');
        const edit = page.locator('main a[href$="/wijzigen"]').first();
        assert.ok((await edit.count()) > 0, 'the demo portfolio has items to edit');
        await clickAndWait(page, edit);
        await checkPage(t, page, `${lang} /portfolio/items/<id>/wijzigen (administrator)`);
        await page.locator('#title').fill('');
        await clickAndWait(page, page.locator('main form button.kleur-button:not(.kleur-button--secondary)').first());
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /portfolio/items/<id>/wijzigen with errors`);
      });

      await t.test(`${lang} a sent e-mail`, async (t) => {
        // The password reset requested in before() put a message in the outbox.
        await open(page, '/beheer/e-mail');
        const message = page.locator('main a[href^="/beheer/e-mail/"]').first();
        assert.ok((await message.count()) > 0, 'the sent-mail list has a message');
        await clickAndWait(page, message);
        assert.match(new URL(page.url()).pathname, /^\/beheer\/e-mail\/[^/]+$/);
        await checkPage(t, page, `${lang} /beheer/e-mail/<id>`);
      });
    } finally {
      await context.close();
    }
  });

  // Internal mobility as HR (who manages every opportunity) and as an employee who opted in: an
  // opportunity, its shortlist with the outcome form, the edit form, the posting form with errors,
  // "for me" with explanations, and the availability form with errors.
  test(`axe: mobility pages (${lang})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await context.newPage();
      await signIn(page, USERS.hr.email);
      await switchLanguage(page, lang);
      await open(page, '/kansen');
      const opportunity = page.locator('main section[aria-labelledby=open-kansen] a[href^="/kansen/"]').first();
      assert.ok((await opportunity.count()) > 0, 'the demo has open opportunities');
      const path = await opportunity.getAttribute('href');
      for (const [suffix, label] of [['', ''], ['/kandidaten', '/kandidaten'], ['/wijzigen', '/wijzigen']]) {
        await t.test(`${lang} /kansen/<id>${label} (HR)`, async (t) => {
          await open(page, `${path}${suffix}`);
          await checkPage(t, page, `${lang} /kansen/<id>${label} (HR)`);
        });
      }
      await t.test(`${lang} /kansen/<id>/kandidaten outcome with errors (HR)`, async (t) => {
        await open(page, `${path}/kandidaten`);
        await clickAndWait(page, page.locator('form[action$="/uitkomst"] button[type=submit]'));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /kansen/<id>/kandidaten with errors (HR)`);
      });
      await t.test(`${lang} /kansen/nieuw with errors (HR)`, async (t) => {
        await open(page, '/kansen/nieuw');
        await checkPage(t, page, `${lang} /kansen/nieuw (HR)`);
        await page.locator('#hours_per_week').fill('169');
        await clickAndWait(page, page.locator('main form button.kleur-button').first());
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /kansen/nieuw with errors (HR)`);
      });
    } finally {
      await context.close();
    }
    const employee = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await employee.newPage();
      await signIn(page, USERS.employee.email);
      await switchLanguage(page, lang);
      await t.test(`${lang} /kansen/voor-mij (employee)`, async (t) => {
        await open(page, '/kansen/voor-mij');
        assert.ok((await page.locator('main ol.kleur-items > li').count()) > 0, 'Daan opted in and sees ranked opportunities');
        await checkPage(t, page, `${lang} /kansen/voor-mij (employee)`);
        await clickAndWait(page, page.locator('main ol.kleur-items a').first());
        await checkPage(t, page, `${lang} /kansen/<id> with fit (employee)`);
      });
      await t.test(`${lang} /portfolio/beschikbaarheid with errors (employee)`, async (t) => {
        await open(page, '/portfolio/beschikbaarheid');
        await page.locator('#hours_per_week').fill('200');
        await clickAndWait(page, page.locator('main form button.kleur-button').first());
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /portfolio/beschikbaarheid with errors (employee)`);
      });
    } finally {
      await employee.close();
    }
  });

  // The portfolio in the states an owner and colleagues meet: notices, the remove confirmation,
  // undo, the quadrant suggestion, an item with files, the views table, an import that failed, and
  // a colleague's view as a teammate and as someone from another unit.
  test(`axe: portfolio pages of an employee and his colleagues (${lang})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await context.newPage();
      await signInTo(page, PORTFOLIO_USERS.daan, lang);
      const title = `Axe e2e ${uniqueTag(lang)}`;

      await t.test(`${lang} /portfolio with the saved notice`, async (t) => {
        await open(page, '/portfolio');
        await addItem(page, lang, {
          section: 'talents',
          linkName: TEXT[lang].addTalent,
          title,
          body: 'Voor de toegankelijkheidscontrole.',
          visibility: 'team',
        });
        await checkPage(t, page, `${lang} /portfolio?klaar=portfolio-saved (employee)`);
      });

      await t.test(`${lang} a closed feedback round with its report`, async (t) => {
        await open(page, '/feedback');
        const round = page.locator('main a[href^="/feedback/rondes/"]').first();
        assert.ok((await round.count()) > 0, 'the demo has a feedback round for Daan');
        await clickAndWait(page, round);
        assert.ok((await page.locator('svg.kleur-chart').count()) > 0, 'the report has its charts');
        await checkPage(t, page, `${lang} /feedback/rondes/<id> with the report (employee)`);
      });

      await t.test(`${lang} /portfolio/items/<id>/wijzigen of a result with a file`, async (t) => {
        await open(page, '/portfolio');
        const result = `Resultaat ${title}`;
        await clickAndWait(page, page.locator('main a[href="/portfolio/nieuw?sectie=results"]'));
        await page.locator('#title').fill(result);
        await page.locator('#kind-certificate').check();
        await clickAndWait(page, page.locator('main form button.kleur-button:not(.kleur-button--secondary)'));
        await clickAndWait(page, itemCard(page, result).locator('a[href$="/wijzigen"]'));
        // A 1×1 PNG as evidence, so that the page also lists a file with its remove button.
        await page.locator('main input[type=file]#file').setInputFiles({ name: 'bewijs.png', mimeType: 'image/png', buffer: PNG_1X1 });
        await clickAndWait(page, page.locator('main form[enctype="multipart/form-data"] button[type=submit]'));
        assert.match(new URL(page.url()).pathname, /^\/portfolio\/items\/[^/]+\/wijzigen$/);
        assert.equal(await page.locator('main ul.kleur-files li').count(), 1, 'the file is listed');
        await checkPage(t, page, `${lang} /portfolio/items/<id>/wijzigen (result, with a file)`);
      });

      await t.test(`${lang} /portfolio/nieuw?sectie=core_qualities with a quadrant suggestion`, async (t) => {
        await open(page, '/portfolio/nieuw?sectie=core_qualities');
        const quality = await page.locator('datalist#catalogus option').first().getAttribute('value');
        assert.ok(quality, 'the catalogue offers core qualities');
        await page.locator('#title').fill(quality);
        await clickAndWait(page, page.locator('main form button[name=actie][value=voorstel]'));
        assert.equal(await page.locator('main form [role=status]').count(), 1, 'the suggestion message is shown');
        assert.ok((await page.locator('#pitfall').inputValue()).length > 0, 'the quadrant is filled in');
        await checkPage(t, page, `${lang} /portfolio/nieuw?sectie=core_qualities with a suggestion`);
      });

      await t.test(`${lang} /portfolio/items/<id>/verwijderen and the undo notice`, async (t) => {
        await open(page, '/portfolio');
        await clickAndWait(page, itemCard(page, title).locator('a[href$="/verwijderen"]'));
        assert.equal(await h1(page), TEXT[lang].removeTitle);
        await checkPage(t, page, `${lang} /portfolio/items/<id>/verwijderen`);
        await clickAndWait(page, page.locator('main form button[type=submit]'));
        assert.equal(await page.locator('main form.kleur-notice button').count(), 1, 'the undo button is shown');
        await checkPage(t, page, `${lang} /portfolio?herstel=<id> (undo notice)`);
        await clickAndWait(page, page.locator('main form.kleur-notice button'));
        assert.equal(await itemCard(page, title).count(), 1, 'the item is back');
        await checkPage(t, page, `${lang} /portfolio?klaar=portfolio-restored`);
      });

      await t.test(`${lang} /portfolio/importeren with an error`, async (t) => {
        await open(page, '/portfolio/importeren');
        await page.locator('#file').setInputFiles({
          name: 'geen-export.json',
          mimeType: 'application/json',
          buffer: Buffer.from('{"format": "iets anders", "version": 1, "items": []}'),
        });
        const [response] = await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page.locator('main form button[type=submit]').click(),
        ]);
        assert.equal(response.status(), 422);
        assert.equal(await page.locator('.kleur-errors[role=alert]').count(), 1, 'the problem is shown');
        await checkPage(t, page, `${lang} /portfolio/importeren with an error`);
      });

      for (const viewer of [PORTFOLIO_USERS.noor, PORTFOLIO_USERS.willem]) {
        await t.test(`${lang} /mensen/<id>/portfolio as ${viewer.name}`, async (t) => {
          const other = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
          try {
            const viewerPage = await other.newPage();
            await signInTo(viewerPage, viewer, lang);
            await open(viewerPage, `/mensen/${daanId}/portfolio`);
            assert.equal(await h1(viewerPage), TEXT[lang].of(PORTFOLIO_USERS.daan.name));
            assert.ok((await viewerPage.locator('main li.kleur-item').count()) > 0, 'something is shared');
            const who = viewer === PORTFOLIO_USERS.noor ? 'teammate' : 'other unit';
            await checkPage(t, viewerPage, `${lang} /mensen/<id>/portfolio (${who})`);
          } finally {
            await other.close();
          }
        });
      }

      await t.test(`${lang} /portfolio/bekeken with views`, async (t) => {
        await open(page, '/portfolio/bekeken');
        assert.ok((await page.locator('main table.kleur-table tbody tr').count()) >= 2, 'the views are listed');
        await checkPage(t, page, `${lang} /portfolio/bekeken with views (employee)`);
      });

      for (const path of ['/portfolio', '/portfolio/afdrukken', '/talenten?q=analyseren', '/talenten/kaart']) {
        await t.test(`${lang} ${path} of an employee`, async (t) => {
          await open(page, path);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await checkPage(t, page, `${lang} ${path} (employee)`);
        });
      }
    } finally {
      await context.close();
    }
  });

  test(`axe: team builder and insight as HR (${lang})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await context.newPage();
      await signIn(page, USERS.hr.email);
      await switchLanguage(page, lang);
      const proposal =
        '/teams/samenstellen?talent-1=analyseren&gewicht-1=5&niveau-1=3&talent-2=verbinden&gewicht-2=4&niveau-2=3&omvang=3&beschikbaar=ja';
      for (const [path, status] of [
        ['/teams/samenstellen', 200],
        [proposal, 200],
        ['/teams/samenstellen?omvang=0', 422],
        ['/inzicht', 200],
        ['/inzicht?categorie=denken-en-analyseren', 200],
      ]) {
        await t.test(`${lang} ${path}`, async (t) => {
          await open(page, path, status);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await checkPage(t, page, `${lang} ${path} (HR)`);
        });
      }
      await t.test(`${lang} /inzicht?onderdeel=<id>`, async (t) => {
        await open(page, '/inzicht');
        await clickAndWait(page, page.locator('#inzicht-tabel th a').first());
        assert.match(page.url(), /onderdeel=/);
        await checkPage(t, page, `${lang} /inzicht?onderdeel=<id> (HR)`);
      });
    } finally {
      await context.close();
    }
  });

  // Check-ins and development conversations: the employee's pages (also with validation errors),
  // the manager's team views, the aggregates and the conversation cycle for HR and management.
  test(`axe: check-in pages (${lang})`, async (t) => {
    const visits = [
      [PORTFOLIO_USERS.daan, ['/check-in', '/check-in?weken=52', '/check-in/instellingen', '/gesprekken', '/gesprekken/nieuw']],
      [USERS.manager, ['/check-in/team', '/gesprekken']],
      [USERS.hr, ['/check-in/organisatie', '/check-in/organisatie?vraag=stress', '/gesprekken/cyclus', '/programma/ambassadeurs', '/programma/voortgang', '/programma/voortgang?weken=26']],
      [PORTFOLIO_USERS.willem, ['/check-in/organisatie', '/programma']],
      [PORTFOLIO_USERS.noor, ['/programma/ambassadeurs']],
    ];
    for (const [user, paths] of visits) {
      const context = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
      try {
        const page = await context.newPage();
        await signInTo(page, user, lang);
        for (const path of paths) {
          await t.test(`${lang} ${path} (${user.name})`, async (t) => {
            await open(page, path);
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
            await checkPage(t, page, `${lang} ${path} (${user.name})`);
          });
        }
        if (user === USERS.hr) {
          await t.test(`${lang} a unit of the programme, also with errors`, async (t) => {
            await open(page, '/programma');
            await clickAndWait(page, page.locator('main table a[href^="/programma/onderdelen/"]').first());
            await checkPage(t, page, `${lang} /programma/onderdelen/<id> (HR)`);
            await clickAndWait(page, page.locator('main form[action$="/activiteiten"] button[type=submit]'));
            assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
            await checkPage(t, page, `${lang} /programma/onderdelen/<id> with errors`);
          });
        }
        if (user === PORTFOLIO_USERS.daan) {
          await t.test(`${lang} /check-in with errors`, async (t) => {
            await open(page, '/check-in');
            await page.locator('#note').fill('x'.repeat(2001));
            await clickAndWait(page, page.locator('main form[action="/check-in"] button[type=submit]'));
            assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
            await checkPage(t, page, `${lang} /check-in with errors`);
          });
          await t.test(`${lang} a conversation, also with errors`, async (t) => {
            await open(page, '/gesprekken');
            await clickAndWait(page, page.locator('main table a[href^="/gesprekken/"]').first());
            await checkPage(t, page, `${lang} /gesprekken/<id> (employee)`);
            await clickAndWait(page, page.locator('main form[action$="/acties"] button[type=submit]'));
            assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
            await checkPage(t, page, `${lang} /gesprekken/<id> with errors`);
            await open(page, '/gesprekken/nieuw');
            await page.locator('#planned_on').fill('');
            await clickAndWait(page, page.locator('main form button[type=submit]'));
            assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
            await checkPage(t, page, `${lang} /gesprekken/nieuw with errors`);
          });
        }
      } finally {
        await context.close();
      }
    }
  });

  test(`axe: signed-out pages (${lang})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, AXE_CONTEXT);
    try {
      const page = await context.newPage();
      await open(page, '/inloggen');
      await switchLanguage(page, lang);

      for (const [path, status] of [
        ['/inloggen', 200],
        ['/wachtwoord-vergeten', 200],
        ['/bestaat-niet', 404],
      ]) {
        await t.test(`${lang} ${path} (signed out)`, async (t) => {
          await open(page, path, status);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await checkPage(t, page, `${lang} ${path} (signed out)`);
        });
      }

      await t.test(`${lang} /inloggen after a failed sign-in`, async (t) => {
        await open(page, '/inloggen');
        await page.locator('#email').fill(USERS.manager.email);
        await page.locator('#password').fill(`${PASSWORD}-wrong`);
        await clickAndWait(page, page.locator('main form button[type=submit]'));
        assert.equal(await page.locator('.kleur-errors').count(), 1, 'the error summary is shown');
        await checkPage(t, page, `${lang} /inloggen with errors (signed out)`);
      });
    } finally {
      await context.close();
    }
  });
}
