// Runs axe-core in a page and formats its violations.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Injects axe-core as an inline script and runs it against the whole document. Returns the
 * violations and the results that need review (with their nodes), and `rules`: how many rules ran
 * (`total`) and how many passed, failed, need review or did not apply to this page.
 * Kleur's CSP is `script-src 'self'`, which blocks inline scripts: the context running this must be
 * created with `bypassCSP: true` (see accessibility.test.mjs). The app itself ships no JavaScript.
 */
export async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    const slim = (items) =>
      items.map((item) => ({
        id: item.id,
        impact: item.impact,
        help: item.help,
        helpUrl: item.helpUrl,
        nodes: item.nodes.map((node) => ({ target: node.target, summary: node.failureSummary, html: node.html })),
      }));
    const rules = {
      passes: results.passes.length,
      violations: results.violations.length,
      incomplete: results.incomplete.length,
      inapplicable: results.inapplicable.length,
    };
    // Every rule axe ran lands in at least one of the four lists; one whose nodes had different
    // outcomes (some passed, some need review) is in two, so `total` can exceed `distinct`.
    rules.total = rules.passes + rules.violations + rules.incomplete + rules.inapplicable;
    rules.distinct = new Set(
      [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id),
    ).size;
    return { violations: slim(results.violations), incomplete: slim(results.incomplete), rules };
  }, WCAG_TAGS);
}

/** One readable block per violation: rule id, impact, and each failing node's target. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.id}] impact=${v.impact}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** One line per page: how many rules axe ran and what came of them. */
export function formatRuleCounts(label, rules) {
  return (
    `axe ${label}: ${rules.total} rules run${rules.distinct === rules.total ? '' : ` (${rules.distinct} distinct)`}, ` +
    `${rules.passes + rules.violations + rules.incomplete} applied ` +
    `(${rules.passes} passed, ${rules.violations} violations, ${rules.incomplete} to review), ${rules.inapplicable} not applicable`
  );
}
