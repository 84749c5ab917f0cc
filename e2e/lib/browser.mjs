// Debian's Chromium driven by playwright-core (no downloaded browser), plus shared steps.
import { chromium } from 'playwright-core';
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import assert from 'node:assert/strict';

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

// Without the background-networking flags Chromium tries to reach the network, which is closed here.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PASSWORD = 'kleur-demo-2026';
export const USERS = {
  admin: { email: 'joost.bakker@elderveen.example', name: 'Joost Bakker' },
  hr: { email: 'priya.ramdin@elderveen.example', name: 'Priya Ramdin' },
  manager: { email: 'sanne.vanderberg@elderveen.example', name: 'Sanne van der Berg' },
  employee: { email: 'daan.devries@elderveen.example', name: 'Daan de Vries' },
};

export async function launchChromium() {
  try {
    await access(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A context whose pages fail fast and carry the base URL. */
export async function newContext(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Signs in through the real form and waits for the home page. */
export async function signIn(page, email, password = PASSWORD) {
  await page.goto('/inloggen');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/', { waitUntil: 'load' }),
    page.locator('main form button[type=submit]').click(),
  ]);
  const h1 = (await page.locator('h1').textContent()).trim();
  assert.match(h1, /^(Welkom|Welcome),/, `expected the home page after sign-in, got h1 "${h1}"`);
}

/** Switches the interface language with the header form (works without JavaScript). */
export async function switchLanguage(page, lang) {
  await page.locator('#kleur-taal').selectOption(lang);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form.kleur-lang button[type=submit]').click(),
  ]);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
}

/** Clicks something that submits a form or follows a link and waits for the next page to load. */
export async function clickAndWait(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}
