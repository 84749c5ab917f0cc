// Shared helpers for the journey files that check every page they visit with axe
// (feedback.test.mjs, goals.test.mjs, catalogue.test.mjs): a context that may inject axe-core, a
// checkPage that fails on any violation and records the rule counts, and a summary printer.
import assert from 'node:assert/strict';
import { runAxe, formatViolations, formatRuleCounts } from './axe.mjs';

// Kleur's CSP (`script-src 'self'`) blocks the inline script that injects axe-core; see
// accessibility.test.mjs. bypassCSP changes nothing else about the pages under test.
export const AXE_CONTEXT = { bypassCSP: true };

/** Runs axe on the page as it is now; fails on any violation; records [label, rules] in `checked`. */
export async function checkPage(t, page, label, checked) {
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

export function printChecked(checked) {
  if (checked.length === 0) return;
  console.log(`axe: ${checked.length} page checks, rules run per page:`);
  for (const [label, rules] of checked) console.log(`  ${formatRuleCounts(label, rules)}`);
}

/** Replaces ids and tokens in a path so that labels are stable between runs. */
export function stable(path) {
  return path.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '<id>').replace(/\/antwoord\/[0-9A-Za-z_-]{16,}/, '/antwoord/<token>');
}
