import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';
import { openPanel } from './panels';

// The staff under the grid: drawn by abcjs (loaded lazily), one notehead per grid note, redrawn on every edit.

const TIMEOUT_MS = 90_000;
const session = useAppSession(TIMEOUT_MS);

// The staff redraws once edits pause (400 ms) and abcjs has drawn: give it time on a busy machine.
const STAFF_WAIT = { timeout: 15_000 };

const staff = (page: Page) => page.getByRole('region', { name: /^Notation of phrase/ });

/** Note starts in the grid: selected cells whose left neighbour in the row is not selected. */
async function gridNoteStarts(page: Page): Promise<number> {
  return page.locator('[role="gridcell"].note-start[aria-selected="true"]').count();
}

async function noteheads(page: Page): Promise<number> {
  return staff(page).locator('svg .abcjs-note').count();
}

test(
  'the staff shows one notehead per grid note and follows edits',
  async () => {
    const app = await session.open();
    const { page } = app;
    await openPanel(page, 'Notation');
    await staff(page).locator('svg').waitFor({ timeout: 30_000 });
    expect(await noteheads(page)).toBe(0);
    for (const [pitch, step] of [
      ['E4', 1],
      ['G4', 3],
      ['C5', 5],
      ['A4', 9],
      ['F#4', 13],
    ] as const)
      await cell(page, pitch, step).click();
    await expect.poll(() => noteheads(page), STAFF_WAIT).toBe(5);
    expect(await gridNoteStarts(page)).toBe(5);
    // Removing a note redraws the staff.
    await cell(page, 'C5', 5).click();
    await expect.poll(() => noteheads(page), STAFF_WAIT).toBe(4);
    expect(await gridNoteStarts(page)).toBe(4);
    // Clef, key signature and meter are drawn; the staff names itself for assistive tech.
    expect(await staff(page).locator('svg .abcjs-clef').count()).toBeGreaterThan(0);
    expect(await staff(page).locator('svg .abcjs-time-signature').count()).toBeGreaterThan(0);
    expect(await staff(page).locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/^Staff:/);
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'a note lengthened across the bar line is written as two tied noteheads',
  async () => {
    const app = await session.open();
    const { page } = app;
    await openPanel(page, 'Notation');
    await page.getByRole('combobox', { name: 'Phrase length' }).selectOption('2');
    await cell(page, 'D4', 16).click();
    await cell(page, 'D4', 16).press('Shift+ArrowRight');
    await expect.poll(() => noteheads(page), STAFF_WAIT).toBe(2);
    expect(await staff(page).locator('svg .abcjs-tie').count()).toBe(1);
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'the theory overlay labels notes on the grid and the staff, and the whole-song toggle renames the view',
  async () => {
    const app = await session.open();
    const { page } = app;
    for (const [pitch, step] of [
      ['C4', 1],
      ['E4', 3],
      ['G4', 5],
    ] as const)
      await cell(page, pitch, step).click();
    await openPanel(page, 'Theory');
    await page.getByRole('combobox', { name: 'Note labels' }).selectOption('solfege');
    const gridLabels = () =>
      page.locator('[role="gridcell"][data-label]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-label')));
    await expect.poll(gridLabels, STAFF_WAIT).toEqual(['sol', 'mi', 'do']);
    await openPanel(page, 'Notation');
    await expect
      .poll(() => staff(page).locator('svg .abcjs-annotation').allTextContents(), STAFF_WAIT)
      .toEqual(['do', 'mi', 'sol']);
    await openPanel(page, 'Theory');
    await page.getByRole('checkbox', { name: 'Intervals' }).check();
    await openPanel(page, 'Notation');
    await expect.poll(() => staff(page).locator('svg .abcjs-annotation').count(), STAFF_WAIT).toBe(5);
    await page.getByRole('button', { name: 'Whole song' }).click();
    await page.getByRole('region', { name: 'Notation of the song' }).locator('svg').waitFor();
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'a phrase in another key offers to set the song key',
  async () => {
    const app = await session.open();
    const { page } = app;
    // G major: G B D F# G D B G
    for (const [pitch, step] of [
      ['G4', 1],
      ['B4', 3],
      ['D4', 5],
      ['F#4', 7],
      ['G4', 9],
      ['D4', 11],
      ['B4', 13],
      ['G4', 15],
    ] as const) {
      await cell(page, pitch, step).click();
    }
    await openPanel(page, 'Theory');
    const offer = page.getByRole('button', { name: 'Set key to G major' });
    await offer.click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Key' }).inputValue(), STAFF_WAIT).toBe('G');
    await offer.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);
