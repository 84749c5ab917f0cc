// Keyboard-only helpers shared by the keyboard checks (tests/portfolio.test.mjs and
// tests/feedback-keyboard.test.mjs): the page's tab stops, where the focus is, whether the
// focused element shows a focus indicator, and pressing keys with that check after each press.
import assert from 'node:assert/strict';


/**
 * Runs in the page: the document's tab stops in order (one per radio group: its checked radio),
 * where the focus is among them, and whether the focused element shows a focus indicator.
 */
export function focusSnapshot() {
  const selector = 'a[href], button, input, select, textarea, [tabindex]';
  const stops = [];
  const groups = new Set();
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.tabIndex < 0 || (el.type === 'hidden' && el.tagName === 'INPUT')) continue;
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.type === 'radio' && el.name) {
      if (groups.has(el.name)) continue;
      groups.add(el.name);
      const radios = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
      stops.push(radios.find((r) => r.checked) || radios[0]);
      continue;
    }
    stops.push(el);
  }
  const describe = (el) => {
    if (!el) return null;
    if (el.id) return `${el.tagName.toLowerCase()}#${el.id}`;
    const text = el.textContent.replace(/\s+/g, ' ').trim();
    if (el.tagName === 'A') return `a[href="${el.getAttribute('href')}"] "${text}"`;
    return `${el.tagName.toLowerCase()}${el.name ? `[name=${el.name}]` : ''} "${text}"`;
  };
  const active = document.activeElement;
  const onBody = !active || active === document.body || active === document.documentElement;
  let index = stops.indexOf(active);
  if (index < 0 && active?.type === 'radio') index = stops.findIndex((s) => s.type === 'radio' && s.name === active.name);
  const style = onBody ? null : getComputedStyle(active);
  const outline = style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style && style.boxShadow !== 'none';
  return {
    stops: stops.map(describe),
    index,
    onBody,
    focused: onBody ? 'body' : describe(active),
    inForm: Boolean(active?.closest('main form')),
    indicator: onBody ? null : { outline: Boolean(outline), boxShadow: Boolean(shadow), outlineStyle: style.outlineStyle, boxShadowValue: style.boxShadow },
  };
}

/** Presses a key and checks the focused element (if any) shows a focus outline or shadow. */
export async function press(page, key) {
  await page.keyboard.press(key);
  const snap = await page.evaluate(focusSnapshot);
  if (!snap.onBody) {
    assert.ok(
      snap.indicator.outline || snap.indicator.boxShadow,
      `after ${key}, ${snap.focused} has no visible focus indicator (${JSON.stringify(snap.indicator)})`,
    );
  }
  return snap;
}

/** Tabs (or Shift+Tabs) until `done(snapshot)` is true; fails when focus stops moving or after `max`. */
export async function tabUntil(page, done, { backwards = false, max = 80 } = {}) {
  let previous = (await page.evaluate(focusSnapshot)).focused;
  for (let i = 0; i < max; i += 1) {
    const snap = await press(page, backwards ? 'Shift+Tab' : 'Tab');
    if (done(snap)) return snap;
    assert.notEqual(snap.focused, previous, `focus is stuck on ${snap.focused}`);
    previous = snap.focused;
  }
  throw new Error(`not reached after ${max} ${backwards ? 'Shift+Tab' : 'Tab'} presses`);
}

export async function pressAndWait(page, key) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press(key)]);
}
