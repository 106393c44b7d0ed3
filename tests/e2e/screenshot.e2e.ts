import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';

// Takes the README's screenshot from the real app: the writing loop. A melody written through the grid in a
// four-bar phrase, a second phrase in the song, then Propose: the candidate previewed as ghost notes over
// bars 3-4, the candidate rail beside the grid and the song timeline below. Every run writes
// tests/e2e/.artifacts/screenshot.png (ignored by git); with UPDATE_SCREENSHOT=1 it also replaces
// docs/screenshot.png, so a plain `npm test` leaves the committed picture alone.
const TIMEOUT_MS = 150_000;
const session = useAppSession(TIMEOUT_MS);

const MELODY: [pitch: string, step: number, length: number][] = [
  ['C4', 1, 2],
  ['E4', 3, 2],
  ['G4', 5, 3],
  ['A4', 8, 1],
  ['G4', 9, 4],
  ['E4', 13, 2],
  ['D4', 15, 2],
  ['E4', 17, 2],
  ['F4', 19, 2],
  ['G4', 21, 3],
  ['B4', 24, 1],
  ['C5', 25, 6],
  ['G4', 31, 2],
];

const ARTIFACT = 'tests/e2e/.artifacts/screenshot.png';

async function writeMelody(page: Page, melody: typeof MELODY): Promise<void> {
  for (const [pitch, step, length] of melody) {
    await cell(page, pitch, step).click();
    // A click draws the length last drawn (the pencil): bring the note to one step, then to its length.
    for (let i = 0; i < 16; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 1; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  }
}

test(
  'the writing loop is captured for the README: a phrase, a candidate as ghost notes, the rail and the timeline',
  async () => {
    const context = await session.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    const { page, errors } = await session.open('/', context);
    const title = page.getByRole('textbox', { name: 'Song title' });
    await title.fill('Morning tune');
    await title.press('Enter');
    await page.getByRole('combobox', { name: 'Phrase length' }).selectOption({ label: '4 bars' });
    await writeMelody(page, MELODY);
    // A second phrase, answering the first, so the timeline shows a song.
    await page.getByRole('button', { name: 'New phrase' }).click();
    await page.getByRole('grid', { name: /^Phrase B/ }).waitFor();
    await writeMelody(page, [
      ['G4', 1, 2],
      ['A4', 3, 2],
      ['B4', 5, 2],
      ['C5', 7, 4],
      ['B4', 11, 2],
      ['G4', 13, 4],
    ]);
    await page.getByRole('button', { name: 'Add phrase B to the song' }).click();
    await page.getByRole('list', { name: 'Arrangement' }).getByRole('listitem').first().click();
    await page.getByRole('grid', { name: /^Phrase A/ }).waitFor();
    const rail = page.getByRole('region', { name: 'Model proposals' });
    await rail.getByRole('button', { name: 'More settings' }).click();
    await rail.getByRole('spinbutton', { name: 'Seed' }).fill('20');
    await rail.getByRole('checkbox', { name: 'Keep seed' }).check();
    await rail.getByRole('button', { name: 'More settings' }).click();
    await rail.getByRole('button', { name: 'Propose', exact: true }).click();
    await expect.poll(() => page.locator('[data-proposed="true"]').count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await page
      .getByText(/Loading/)
      .waitFor({ state: 'hidden', timeout: 15_000 })
      .catch(() => undefined);
    await page.mouse.move(1, 1); // no hover highlight in the picture
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    mkdirSync('tests/e2e/.artifacts', { recursive: true });
    await page.screenshot({ path: ARTIFACT });
    if (process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync('docs', { recursive: true });
      copyFileSync(ARTIFACT, 'docs/screenshot.png');
    }
    expect(statSync(ARTIFACT).size).toBeGreaterThan(20_000);
    await expect(
      page.getByRole('gridcell', { name: 'C5 step 25', exact: true }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    expect(errors).toEqual([]);
  },
  TIMEOUT_MS,
);
