// PNG screenshots of the main pages on a desktop and a phone, for people to look at
// (e2e/screenshots/, git-ignored). Also one with keyboard focus visible on the main navigation.
//
// With UPDATE_SCREENSHOTS=1 it also writes the README's screenshots to docs/screenshots/ (committed):
// home, portfolio and people list at 1280×800 and the portfolio at 390×844, each the first screen
// only (not the whole page) to stay small. Without it, docs/ is left alone.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKleur } from '../lib/server.mjs';
import { launchChromium, newContext, signIn, USERS } from '../lib/browser.mjs';
import { PORTFOLIO_USERS } from '../lib/portfolio.mjs';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === '1';
const DOCS_MAX_BYTES = 250 * 1024;

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  mobile: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
};

let kleur;
let browser;

before(async () => {
  await mkdir(OUT, { recursive: true });
  if (UPDATE_DOCS) await mkdir(DOCS, { recursive: true });
  kleur = await startKleur();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await kleur?.stop();
});

/** How far the document is wider than the viewport, in CSS pixels (0: no sideways scrolling). */
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function shoot(page, name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const { size } = await stat(file);
  assert.ok(size > 1000, `${file} was written (${size} bytes)`);
}

/** With UPDATE_SCREENSHOTS=1: the first screen of the page as docs/screenshots/<name>.png. */
async function shootForDocs(t, page, name) {
  if (!UPDATE_DOCS) return;
  const file = path.join(DOCS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  const { size } = await stat(file);
  assert.ok(size > 1000 && size <= DOCS_MAX_BYTES, `${file} is ${size} bytes (at most ${DOCS_MAX_BYTES})`);
  t.diagnostic(`wrote docs/screenshots/${name}.png (${Math.round(size / 1024)} kB)`);
}

for (const [device, options] of Object.entries(VIEWPORTS)) {
  test(`screenshots: sign-in, home and people list (${device})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, options);
    try {
      const page = await context.newPage();
      await page.goto('/inloggen', { waitUntil: 'load' });
      await shoot(page, `login-${device}`);
      assert.equal(await overflow(page), 0, `the sign-in page needs no sideways scrolling (${device})`);

      await signIn(page, USERS.admin.email);
      await shoot(page, `home-${device}`);
      if (device === 'desktop') await shootForDocs(t, page, 'home');
      assert.equal(await overflow(page), 0, `the home page needs no sideways scrolling (${device})`);

      await page.goto('/beheer/mensen', { waitUntil: 'load' });
      assert.ok((await page.locator('table.kleur-table tbody tr').count()) > 0);
      await shoot(page, `people-${device}`);
      if (device === 'desktop') await shootForDocs(t, page, 'people');
      // Data tables are an exception to WCAG 1.4.10 (reflow), so this is reported, not failed.
      const tableOverflow = await overflow(page);
      if (tableOverflow > 0) {
        t.diagnostic(`people list: the page is ${tableOverflow}px wider than the ${device} viewport (the table does not fit)`);
      }

      if (device === 'desktop') {
        // Keyboard focus on the skip link, then on the first navigation link.
        await page.keyboard.press('Tab');
        await page.screenshot({ path: path.join(OUT, 'focus-skip-link-desktop.png') });
        await page.keyboard.press('Tab'); // brand link
        await page.keyboard.press('Tab'); // first navigation link
        const focused = await page.evaluate(() => document.activeElement.closest('nav') !== null);
        assert.ok(focused, 'the third Tab reaches the main navigation');
        await page.screenshot({ path: path.join(OUT, 'focus-nav-desktop.png') });
      }
    } finally {
      await context.close();
    }
  });
}

for (const [device, options] of Object.entries(VIEWPORTS)) {
  test(`screenshots: an employee's portfolio (${device})`, async (t) => {
    const context = await newContext(browser, kleur.baseUrl, options);
    try {
      const page = await context.newPage();
      await signIn(page, PORTFOLIO_USERS.daan.email);
      await page.goto('/portfolio', { waitUntil: 'load' });
      assert.ok((await page.locator('main li.kleur-item').count()) > 0, 'the demo portfolio has items');
      await shoot(page, `portfolio-${device}`);
      assert.equal(await overflow(page), 0, `the portfolio needs no sideways scrolling (${device})`);
      await shootForDocs(t, page, device === 'desktop' ? 'portfolio' : 'portfolio-mobile');

      await page.goto('/portfolio/nieuw?sectie=talents', { waitUntil: 'load' });
      await shoot(page, `portfolio-form-${device}`);
      assert.equal(await overflow(page), 0, `the portfolio form needs no sideways scrolling (${device})`);
    } finally {
      await context.close();
    }
  });
}
