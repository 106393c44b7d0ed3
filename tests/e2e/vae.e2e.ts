import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';
import { openPanel } from './panels';

// Similar and Interpolate through the UI contract, on the MusicVAE the app ships
// (public/checkpoints/melody-vae-v4) running in the real model worker on the wasm backend.

const MODEL_READY_MS = 90_000;
const TEST_TIMEOUT_MS = 150_000;

const session = useAppSession(TEST_TIMEOUT_MS);

const proposals = (page: Page) => page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');
const interpolate = (page: Page) => page.getByRole('region', { name: 'Interpolate' });
const arrangement = (page: Page) => page.getByRole('list', { name: 'Arrangement' });
const sectionLabels = (page: Page) =>
  arrangement(page)
    .getByRole('listitem')
    .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));

/** Phrase A (C4 E4 G4 E4, one per beat of bar 1) and phrase B (G4 A4 G4 in bar 1, C5 in bar 2), arranged A then B. */
async function twoPhraseSong(page: Page, { fillB = true } = {}): Promise<void> {
  for (const [pitch, step] of [
    ['C4', 1],
    ['E4', 5],
    ['G4', 9],
    ['E4', 13],
  ] as const)
    await cell(page, pitch, step).click();
  await page.getByRole('button', { name: 'New phrase' }).click();
  await page.getByRole('grid', { name: /^Phrase B/ }).waitFor();
  if (fillB)
    for (const [pitch, step] of [
      ['G4', 1],
      ['A4', 5],
      ['G4', 9],
      ['C5', 17],
    ] as const)
      await cell(page, pitch, step).click();
  await page.getByRole('button', { name: 'Add phrase B to the song' }).click();
  await expect.poll(() => sectionLabels(page)).toEqual(['Section 1: phrase A', 'Section 2: phrase B']);
}

test(
  'Similar adds the asked number of candidates, which are accepted like any other',
  async () => {
    const { page, errors } = await session.open();
    for (const [pitch, step] of [
      ['C4', 1],
      ['D4', 3],
      ['E4', 5],
      ['G4', 9],
      ['C5', 17],
    ] as const)
      await cell(page, pitch, step).click();
    // Similar sits beside Propose; its settings are with the mutation's under "More settings".
    await page.getByRole('button', { name: 'More settings' }).click();
    const settings = page.getByRole('group', { name: 'Similar settings' });
    await settings.getByRole('spinbutton', { name: 'Count' }).fill('3');
    await settings.getByRole('spinbutton', { name: 'Count' }).blur();
    await settings.getByRole('slider', { name: 'Similarity' }).fill('0.8');
    await page.getByRole('button', { name: 'Similar', exact: true }).click();
    await expect.poll(() => proposals(page).count(), { timeout: MODEL_READY_MS }).toBe(3);
    // The first variation is previewed on the grid as ghost notes, like any candidate.
    expect(await proposals(page).first().getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[role="gridcell"][data-proposed="true"]').count()).toBeGreaterThan(0);
    const before = await page
      .locator('[role="gridcell"][aria-selected="true"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label')));
    // A variation of the whole phrase replaces the notes written there, so Accept asks first.
    await proposals(page).first().getByRole('button', { name: 'Accept', exact: true }).click();
    await proposals(page).first().getByRole('button', { name: 'Replace them' }).click();
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await undo.click();
    await expect
      .poll(() =>
        page
          .locator('[role="gridcell"][aria-selected="true"]')
          .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label'))),
      )
      .toEqual(before);
    expect(errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'Interpolate between two phrases inserts N phrases between their sections, and Undo restores the song',
  async () => {
    const { page, errors } = await session.open();
    await twoPhraseSong(page);
    await openPanel(page, 'Interpolate');
    const panel = interpolate(page);
    await panel.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Phrase A' });
    await panel.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Phrase B' });
    await panel.getByRole('spinbutton', { name: 'In-between phrases' }).fill('3');
    await panel.getByRole('spinbutton', { name: 'In-between phrases' }).blur();
    await panel.getByRole('button', { name: 'Interpolate', exact: true }).click();
    const row = panel.getByRole('list', { name: 'Interpolation' }).getByRole('listitem');
    await expect.poll(() => row.count(), { timeout: MODEL_READY_MS }).toBe(5);
    expect(await row.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))).toEqual([
      'A',
      'A→B 1',
      'A→B 2',
      'A→B 3',
      'B',
    ]);
    await panel.getByRole('button', { name: 'Insert between sections' }).click();
    await expect
      .poll(() => sectionLabels(page))
      .toEqual([
        'Section 1: phrase A',
        'Section 2: phrase A→B 1',
        'Section 3: phrase A→B 2',
        'Section 4: phrase A→B 3',
        'Section 5: phrase B',
      ]);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => sectionLabels(page)).toEqual(['Section 1: phrase A', 'Section 2: phrase B']);
    expect(errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'a phrase with no notes cannot be an end: the button says why',
  async () => {
    const { page } = await session.open();
    await twoPhraseSong(page, { fillB: false });
    await openPanel(page, 'Interpolate');
    const panel = interpolate(page);
    await panel.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Phrase A' });
    await panel.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Phrase B' });
    const button = panel.getByRole('button', { name: 'Interpolate', exact: true });
    expect(await button.isDisabled()).toBe(true);
    const reason = await button.evaluate(
      (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(reason).toMatch(/Phrase B has no notes/);
  },
  TEST_TIMEOUT_MS,
);
