import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';
import { openPanel } from './panels';

// axe-core, run inside the real page: no serious or critical accessibility violations, in the plain app and
// with the theory overlay, the staff and the help panel showing.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT_MS = 90_000;

const session = useAppSession(TIMEOUT_MS);

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical violations axe finds in the page now, with where they are. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => String(n.target)),
      }));
  });
}

test(
  'the app has no serious or critical axe violations',
  async () => {
    // The app's CSP refuses inline scripts, axe's included: only the test's context bypasses it.
    const app = await session.open('/', await session.newContext({ bypassCSP: true }));
    const { page } = app;
    await openPanel(page, 'Notation');
    await page
      .getByRole('region', { name: /^Notation/ })
      .locator('svg')
      .waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'no serious or critical axe violations with notes, the theory overlay and the help panel',
  async () => {
    // The app's CSP refuses inline scripts, axe's included: only the test's context bypasses it.
    const app = await session.open('/', await session.newContext({ bypassCSP: true }));
    const { page } = app;
    for (const [pitch, step] of [
      ['C4', 1],
      ['E4', 3],
      ['G4', 5],
      ['B4', 7],
    ] as const)
      await cell(page, pitch, step).click();
    await openPanel(page, 'Theory');
    await page.getByRole('combobox', { name: 'Note labels' }).selectOption('degrees');
    await page.getByRole('checkbox', { name: 'Chord tones' }).check();
    await page.getByRole('checkbox', { name: 'Intervals' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await openPanel(page, 'Notation');
    await page
      .getByRole('region', { name: /^Notation/ })
      .locator('svg .abcjs-annotation')
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Shortcuts/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  },
  TIMEOUT_MS,
);
