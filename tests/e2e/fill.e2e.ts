import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell, rollNotes, soundingCells } from './gridHelpers';
import { FOLK_MELODY } from './shippedModels';

// Fill and Suggest chords through the real worker and the shipped checkpoints (the folk melody model for the fill,
// the folk harmonizer for the chords), through the UI: the bar ruler selects a bar, "Fill selection" (beside
// Propose) fills it, the candidates are previewed as ghost notes and accepted like proposed ones.

const MODEL_PATH = FOLK_MELODY.path;
const MODEL_READY_MS = 120_000;
const TEST_TIMEOUT_MS = 240_000;

const session = useAppSession(TEST_TIMEOUT_MS);

const grid = (page: Page) => page.getByRole('grid', { name: /^Phrase/ });
const rail = (page: Page) => page.getByRole('region', { name: 'Model proposals' });
const items = (page: Page) => page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');
const fillButton = (page: Page) => rail(page).getByRole('button', { name: 'Fill selection' });

/** "<pitch> step <n>" of every cell carrying the previewed candidate's ghost notes. */
const ghostCells = (page: Page) =>
  grid(page)
    .locator('[role="gridcell"][data-proposed="true"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? '').sort());

const stepOf = (name: string) => Number(name.split(' step ')[1]);

/** First step (counted from 1) of a note announced as "E4 17" or "E4 17-20". */
const firstStep = (note: string) => Number(note.split(' ')[1].split('-')[0]);

/** Shows a panel's tab when the page has tabs (a layout with panels in tabs). */
async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name });
  if (await tab.count()) await tab.click();
}

/** Picks the shipped melody model from the list, or types its URL when the index does not offer it. */
async function chooseModel(page: Page, path = MODEL_PATH): Promise<void> {
  const select = rail(page).getByRole('combobox', { name: 'Model' });
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  if (values.includes(path)) {
    await select.selectOption(path);
    return;
  }
  await select.selectOption('__custom__');
  const url = rail(page).getByRole('textbox', { name: 'Checkpoint URL' });
  await url.fill(path);
  await url.press('Enter');
}

/** Drags across the bar ruler from step `from` to step `to` (counted from 1) of a phrase of `steps` steps. */
async function selectSteps(page: Page, from: number, to: number, steps: number): Promise<void> {
  const ruler = page.getByRole('group', { name: 'Bar ruler' });
  const box = (await ruler.boundingBox())!;
  const cellsLeft = (await cell(page, 'C4', 1).boundingBox())!.x;
  const stepWidth = (box.x + box.width - cellsLeft) / steps;
  const xOf = (step: number) => cellsLeft + (step - 0.5) * stepWidth;
  await page.mouse.move(xOf(from), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(xOf(to), box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
}

test(
  'Fill selection: the candidates differ from the phrase only inside the selected bar; Accept, then Undo restores',
  async () => {
    const app = await session.open('/');
    const { page } = app;
    await page.getByRole('combobox', { name: 'Phrase length' }).selectOption({ label: '3 bars' });
    await chooseModel(page);
    // A melody on every beat of three bars, written through the grid.
    const tune = ['C4', 'E4', 'G4', 'E4', 'F4', 'A4', 'C5', 'A4', 'G4', 'B4', 'D5', 'B4'];
    for (let i = 0; i < tune.length; i++) await cell(page, tune[i], 1 + i * 4).click();
    await expect.poll(() => soundingCells(page)).toHaveLength(tune.length);
    const before = await soundingCells(page);
    const outside = (cells: string[]) => cells.filter((c) => stepOf(c) < 17 || stepOf(c) > 32);

    // Without a selection there is nothing to fill, and the button says why.
    expect(await fillButton(page).isDisabled()).toBe(true);
    expect(await fillButton(page).getAttribute('title')).toMatch(/Select steps first/);

    // Select bar 2 (steps 17-32) on the bar ruler and fill it.
    await selectSteps(page, 17, 32, 48);
    await expect.poll(() => fillButton(page).isDisabled()).toBe(false);
    await rail(page).getByRole('spinbutton', { name: 'Candidates' }).fill('3');
    await rail(page).getByRole('spinbutton', { name: 'Candidates' }).blur();
    await fillButton(page).click();
    await expect.poll(() => items(page).count(), { timeout: MODEL_READY_MS }).toBe(3);
    for (let i = 0; i < 3; i++) {
      const item = items(page).nth(i);
      await item.click();
      await expect.poll(() => item.getAttribute('aria-current')).toBe('true');
      // The ghost notes sit inside the bar; the candidate's own roll covers the bar only.
      const ghosts = await ghostCells(page);
      expect(ghosts.length).toBeGreaterThan(0);
      for (const name of ghosts) expect(stepOf(name)).toBeGreaterThanOrEqual(17);
      for (const name of ghosts) expect(stepOf(name)).toBeLessThanOrEqual(32);
      for (const note of await rollNotes(item)) expect(firstStep(note)).toBeLessThanOrEqual(16);
      // Each fill says how well it leads into bar 3, against a plain continuation, and how sure the model is.
      await item.getByText(/leads in .* vs plain .*/).waitFor();
      await item.getByText(/^(safe|typical|adventurous) · /).waitFor();
    }

    // Accept replaces the musician's four notes in bar 2, so it asks first; "Replace them" (focused) confirms.
    await items(page).first().click();
    const chosen = await ghostCells(page);
    await items(page).first().getByRole('button', { name: 'Accept', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /replaces 4 notes you wrote in steps 17-32/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => ghostCells(page)).toEqual([]);
    const accepted = await soundingCells(page);
    expect(outside(accepted)).toEqual(outside(before));
    for (const name of chosen) expect(accepted).toContain(name);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => soundingCells(page)).toEqual(before);
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'Suggest chords: a chord per bar from the chord model, written by Accept chords; Undo restores',
  async () => {
    const app = await session.open('/');
    const { page } = app;
    const tune = ['C4', 'E4', 'G4', 'C5', 'G4', 'B4', 'D5', 'B4'];
    for (let i = 0; i < tune.length; i++) await cell(page, tune[i], 1 + i * 4).click();
    await showTab(page, 'Chords');
    const chords = page.getByRole('region', { name: 'Chords' });
    const barInput = (bar: number) =>
      chords
        .getByRole('combobox', { name: `Bar ${bar} chords` })
        .or(chords.getByRole('textbox', { name: `Bar ${bar} chords` }));
    expect(await barInput(1).inputValue()).toBe('');

    await chords.getByRole('button', { name: 'Suggest chords' }).click();
    const suggestion = page.getByRole('region', { name: 'Suggested chords' });
    await suggestion.waitFor({ timeout: MODEL_READY_MS });
    // Each bar: the best chord (pressed) and the next best two.
    const slots = suggestion.getByRole('listitem');
    await expect.poll(() => slots.count()).toBe(2);
    for (const slot of await slots.all()) expect(await slot.getByRole('button').count()).toBe(3);
    await suggestion.getByRole('button', { name: 'Accept chords' }).click();
    await expect.poll(() => barInput(1).inputValue()).not.toBe('');
    expect(await barInput(2).inputValue()).not.toBe('');
    expect((await barInput(1).inputValue()).split(' ')).toHaveLength(1);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => barInput(1).inputValue()).toBe('');
    expect(await barInput(2).inputValue()).toBe('');
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'Suggest chords on a phrase with no notes is not offered, and says why',
  async () => {
    const app = await session.open('/');
    const { page } = app;
    await showTab(page, 'Chords');
    const chords = page.getByRole('region', { name: 'Chords' });
    const button = chords.getByRole('button', { name: 'Suggest chords' });
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await button.getAttribute('aria-describedby')).toBeTruthy();
    await chords.getByText(/has no notes/).waitFor();
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);
