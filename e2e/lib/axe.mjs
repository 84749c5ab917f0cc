// Runs axe-core in a page and formats its violations.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Injects axe-core as an inline script and runs it against the whole document.
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
    return { violations: slim(results.violations), incomplete: slim(results.incomplete) };
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
