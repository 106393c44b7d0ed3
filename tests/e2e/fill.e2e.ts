import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';

// Fill and Suggest chords through the real worker and the shipped checkpoints (melody-rnn-v2 for the fill,
// chord-melody-rnn-v1 for the chords). The span is selected through the store (the bench hook) until the
// grid's own selection (the workspace issue) is wired to "Fill selection".

const MODEL_PATH = 'checkpoints/melody-rnn-v2';
const MODEL_READY_MS = 120_000;
const TEST_TIMEOUT_MS = 240_000;

const session = useAppSession(TEST_TIMEOUT_MS);

interface Hook {
  store: { getState(): { song: { phrases: { id: string; notes: { pitch: number; start: number; length: number }[] }[] }; editor: { currentPhraseId: string } } };
  actions: { setBars(n: number): unknown; setProposalSettings(p: object): void; fillSelection(span: { start: number; end: number }): Promise<void> };
}

const items = (page: Page) => page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');

/** The notes a piano roll announces, as "E4 1-3" (pitch, steps counted from 1). */
async function rollNotes(item: Locator): Promise<string[]> {
  const label = (await item.getByRole('img').first().getAttribute('aria-label')) ?? '';
  const list = label.split(': ').slice(2).join(': ');
  return list ? list.split(', ') : [];
}

/** First step (counted from 1) of a note announced as "E4 17" or "E4 17-20". */
const firstStep = (note: string) => Number(note.split(' ')[1].split('-')[0]);

/** Shows a panel's tab when the page has tabs (a layout with panels in tabs). */
async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name });
  if (await tab.count()) await tab.click();
}

test('Fill selection: the candidates differ from the phrase only inside the selected bar; Accept, then Undo restores', async () => {
  const app = await session.open('/?bench');
  const { page } = app;
  await page.waitForFunction(() => (window as unknown as { __phrasewrightBench?: unknown }).__phrasewrightBench !== undefined);
  await page.evaluate((path) => {
    const { actions } = (window as unknown as { __phrasewrightBench: Hook }).__phrasewrightBench;
    actions.setBars(3);
    actions.setProposalSettings({ checkpointUrl: path, candidates: 3, fillOversample: 4, scaleLock: true });
  }, MODEL_PATH);
  // A melody on every beat of three bars, written through the grid.
  const tune = ['C4', 'E4', 'G4', 'E4', 'F4', 'A4', 'C5', 'A4', 'G4', 'B4', 'D5', 'B4'];
  for (let i = 0; i < tune.length; i++) await cell(page, tune[i], 1 + i * 4).click();
  const phraseNotes = async () =>
    page.evaluate(() => {
      const { store } = (window as unknown as { __phrasewrightBench: Hook }).__phrasewrightBench;
      const { song, editor } = store.getState();
      return song.phrases.find((p) => p.id === editor.currentPhraseId)!.notes;
    });
  const before = await phraseNotes();

  // Select bar 2 (steps 17-32) and fill it.
  await page.evaluate(() => void (window as unknown as { __phrasewrightBench: Hook }).__phrasewrightBench.actions.fillSelection({ start: 16, end: 32 }));
  await expect.poll(() => items(page).count(), { timeout: MODEL_READY_MS }).toBe(3);
  const outside = (notes: string[]) => notes.filter((n) => firstStep(n) < 17 || firstStep(n) > 32);
  const expectedOutside = outside(await rollNotes(items(page).first()));
  expect(expectedOutside).toEqual(['C4 1', 'E4 5', 'G4 9', 'E4 13', 'G4 33', 'B4 37', 'D5 41', 'B4 45']);
  for (const item of await items(page).all()) {
    expect(outside(await rollNotes(item))).toEqual(expectedOutside);
    // Each fill says how well it leads into bar 3, against a plain continuation, and how sure the model is.
    await item.getByText(/leads in .* per step \(plain continuation .*\)/).waitFor();
    await item.getByText(/^(safe|typical|adventurous) · /).waitFor();
  }

  await items(page).first().getByRole('button', { name: 'Accept', exact: true }).click();
  await expect.poll(async () => (await phraseNotes()).filter((n) => n.start >= 16 && n.start < 32)).not.toEqual(before.filter((n) => n.start >= 16 && n.start < 32));
  const accepted = await phraseNotes();
  expect(accepted.filter((n) => n.start < 16 || n.start >= 32)).toEqual(before.filter((n) => n.start < 16 || n.start >= 32));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(phraseNotes).toEqual(before);
  expect(app.errors).toEqual([]);
}, TEST_TIMEOUT_MS);

test('Suggest chords: a chord per bar from the chord model, written by Accept chords; Undo restores', async () => {
  const app = await session.open('/');
  const { page } = app;
  const tune = ['C4', 'E4', 'G4', 'C5', 'G4', 'B4', 'D5', 'B4'];
  for (let i = 0; i < tune.length; i++) await cell(page, tune[i], 1 + i * 4).click();
  await showTab(page, 'Chords');
  const chords = page.getByRole('region', { name: 'Chords' });
  const barInput = (bar: number) => chords.getByRole('combobox', { name: `Bar ${bar} chords` }).or(chords.getByRole('textbox', { name: `Bar ${bar} chords` }));
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
}, TEST_TIMEOUT_MS);

test('Suggest chords on a phrase with no notes is not offered, and says why', async () => {
  const app = await session.open('/');
  const { page } = app;
  await showTab(page, 'Chords');
  const chords = page.getByRole('region', { name: 'Chords' });
  const button = chords.getByRole('button', { name: 'Suggest chords' });
  await expect.poll(() => button.isDisabled()).toBe(true);
  expect(await button.getAttribute('aria-describedby')).toBeTruthy();
  await chords.getByText(/has no notes/).waitFor();
  expect(app.errors).toEqual([]);
}, TEST_TIMEOUT_MS);
