import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

// axe-core checks in the real browser: the pinned axe.min.js is injected into the page and run
// against the WCAG 2.0/2.1 A and AA rules. Critical and serious findings fail the journey with a
// readable list (rule, help text, the elements and what is wrong with each); moderate and minor
// ones are left to review, as the quality bar asks for 0 critical and 0 serious.
// The app's Content-Security-Policy (script-src 'self') refuses a <script> tag added by the test,
// rightly; the source is evaluated through the DevTools protocol instead, which CSP does not
// govern, so the journeys check the app with its real headers rather than with CSP bypassed.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING: Result['impact'][] = ['critical', 'serious'];

/**
 * Waits until the page has settled: no request in flight for a moment and no loading indicator.
 * Pages render their data after queries answer; checking the spinner would check nothing.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
  // Popovers, modals and collapses fade in: colours measured mid-transition would be wrong.
  // (Endless animations, such as a progress bar's stripes, are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
}

/** The page's critical and serious axe violations (after it settled). */
export async function seriousViolations(page: Page): Promise<Result[]> {
  await settle(page);
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axeSource);
  const results = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    TAGS,
  )) as AxeResults;
  return results.violations.filter((v) => FAILING.includes(v.impact));
}

/** One line per rule and one indented line per element: readable in a test failure. */
export function describeViolations(where: string, violations: Result[]): string {
  const lines = [`${where}: ${violations.length} critical/serious axe violation(s)`];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`);
    for (const node of v.nodes.slice(0, 8)) {
      const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      lines.push(`    ${node.target.join(' ')} — ${summary.slice(0, 240)}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

/** Fails with the list of critical and serious violations, if any, on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(describeViolations(where, violations));
}

/**
 * Badges whose text does not fit (cut off with an ellipsis or overflowing their box): at 375 px a
 * status must still be readable. Returns a description of each.
 */
export async function truncatedBadges(page: Page): Promise<string[]> {
  await settle(page);
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root')]
      .filter((badge) => badge.offsetParent !== null)
      .flatMap((badge) => {
        const label = badge.querySelector<HTMLElement>('.mantine-Badge-label') ?? badge;
        const cut = label.scrollWidth > label.clientWidth + 1 || badge.scrollWidth > badge.clientWidth + 1;
        return cut ? [`"${badge.textContent}" (${label.scrollWidth} > ${label.clientWidth} px)`] : [];
      }),
  );
}
