/**
 * Runs axe-core in a page (over the DevTools protocol, so the page's strict CSP stays on) and returns the
 * serious and critical accessibility violations, or all of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: unknown[];
}

/** Serious and critical violations on the current page. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document);
  });
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Every violation on the current page, whatever its impact (issue #19, item 8: none at all on console and chat). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document);
  });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.map(String).join(' ')),
  }));
}
