import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useAppSession } from './browser';
import { soundingCells } from './gridHelpers';
import { FOLK_MELODY } from './shippedModels';

// Keyboard only, no mouse: reach the grid with Tab, write notes with Enter and the computer-keyboard piano,
// then Propose, Accept and Export MIDI with the keys.

const MODEL_PATH = FOLK_MELODY.path;
const TIMEOUT_MS = 200_000;
const session = useAppSession(TIMEOUT_MS);

const activeRole = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName ?? '');
const activeName = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.getAttribute('aria-label') ??
      (document.activeElement as HTMLElement | null)?.innerText ??
      '',
  );

/** Presses Tab until `done` says focus arrived (at most `limit` times); fails if it never does. */
async function tabUntil(page: Page, done: () => Promise<boolean>, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await done()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never arrived (last: ${await activeName(page)})`);
}

/** Tabs to a control; focus must be visible there (an outline from :focus-visible). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await tabUntil(page, () => target.evaluate((el) => el === document.activeElement));
  const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
}

/** Tabs to a panel's tab and opens it with Enter (unless it is open). */
async function openPanelByKeys(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true });
  await tabUntil(page, () =>
    page.getByRole('tablist', { name: 'Panels' }).evaluate((list) => list.contains(document.activeElement)),
  );
  // Arrow keys move between the tabs (roving focus).
  for (let i = 0; i < 12 && !(await tab.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  if ((await tab.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('Enter');
  await page.getByRole('tabpanel').waitFor();
}

test(
  'keys only: add notes, write with the piano keys, propose, accept and export MIDI',
  async () => {
    const app = await session.open();
    const { page } = app;
    await tabUntil(page, async () => (await activeRole(page)) === 'gridcell');
    await page.keyboard.press('Enter');
    await expect.poll(() => soundingCells(page)).toHaveLength(1);

    // Step input (in the Keyboard panel): A D G write C E G on the next steps, moving on after each.
    await openPanelByKeys(page, 'Keyboard');
    await tabTo(page, page.getByRole('checkbox', { name: 'Step input' }));
    await page.keyboard.press('Space');
    await tabUntil(page, async () => (await activeRole(page)) === 'gridcell', 120);
    await page.keyboard.press('ArrowRight');
    for (const key of ['a', 'd', 'g']) await page.keyboard.press(key);
    await expect
      .poll(() => soundingCells(page))
      .toEqual(expect.arrayContaining(['C4 step 2', 'E4 step 3', 'G4 step 4']));

    // Propose with the shipped model, accept the first candidate, export.
    const panel = page.getByRole('region', { name: 'Model proposals' });
    const model = panel.getByRole('combobox', { name: 'Model' });
    await tabTo(page, model);
    const values = await model.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await model.selectOption(values.includes(MODEL_PATH) ? MODEL_PATH : values[0]);
    const propose = panel.getByRole('button', { name: 'Propose' });
    await tabTo(page, propose);
    await page.keyboard.press('Enter');
    const accept = page
      .getByRole('list', { name: 'Proposals' })
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: 'Accept', exact: true });
    await accept.waitFor({ timeout: 120_000 });
    await tabTo(page, accept);
    await page.keyboard.press('Enter');
    await openPanelByKeys(page, 'History');
    await page
      .getByRole('region', { name: 'History' })
      .getByText(/Proposed by the model/)
      .first()
      .waitFor();

    await openPanelByKeys(page, 'Export');
    const exportMidi = page.getByRole('button', { name: 'Export MIDI' });
    await tabTo(page, exportMidi);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.midi?$/);
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);
