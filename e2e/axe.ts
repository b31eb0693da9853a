/**
 * Accessibility check with axe-core on what the page shows now: WCAG 2 A/AA and best practices;
 * fails on any violation of impact "serious" or "critical" and prints each one with its elements.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

const AXE_PATH = path.resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** `exclude`: CSS selectors of parts checked elsewhere (axe's context exclude). */
export async function expectNoSeriousA11yViolations(page: Page, where: string, opts: { exclude?: string[] } = {}): Promise<void> {
  await injectAxe(page);
  const violations = await page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const context = exclude.length ? { include: [['html']], exclude: exclude.map((sel) => [sel]) } : document;
    const result = await axe.run(context, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
    return result.violations;
  }, opts.exclude ?? []) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.length, `accessibility violations on ${where}:\n${format(serious)}`).toBe(0);
}

/**
 * The app's Content-Security-Policy (script-src 'self') refuses inline <script> tags, which is what
 * addScriptTag({ path }) inserts; then axe is evaluated directly instead (evaluation from the test is
 * not subject to the page's CSP). Turning off CSP for the context would hide CSP bugs in the app.
 */
async function injectAxe(page: Page): Promise<void> {
  const hasAxe = () => page.evaluate(() => 'axe' in window);
  if (await hasAxe()) return;
  await page.addScriptTag({ path: AXE_PATH }).catch(() => {});
  if (!(await hasAxe())) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  expect(await hasAxe(), 'axe-core is loaded in the page').toBe(true);
}

function format(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}
