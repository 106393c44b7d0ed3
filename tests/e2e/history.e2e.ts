import { expect, test } from 'vitest';
import { useAppSession } from './browser';
import { cell, soundingCells } from './gridHelpers';
import { storedSongs } from './storedSongs';

const session = useAppSession();

test('Undo and Redo buttons step back and forward, and are disabled when there is nothing to do', async () => {
  const app = await session.open();
  const { page } = app;
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo.isDisabled()).resolves.toBe(true);
  await expect(redo.isDisabled()).resolves.toBe(true);

  await cell(page, 'C4', 1).click();
  await cell(page, 'D4', 2).click();
  await undo.click();
  await expect.poll(() => soundingCells(page)).toEqual(['C4 step 1']);
  await undo.click();
  await expect.poll(() => soundingCells(page)).toEqual([]);
  await expect(undo.isDisabled()).resolves.toBe(true);
  await redo.click();
  await redo.click();
  await expect.poll(() => soundingCells(page)).toEqual(['D4 step 2', 'C4 step 1']);
  await expect(redo.isDisabled()).resolves.toBe(true);
  expect(app.errors).toEqual([]);
});

test('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, also for song settings', async () => {
  const app = await session.open();
  const { page } = app;
  await cell(page, 'E4', 1).click();
  const tempo = page.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('150');
  await tempo.press('Enter');
  await cell(page, 'E4', 1).focus(); // keys go to the page, not the text field's own undo

  await page.keyboard.press('Control+z');
  await expect(tempo.inputValue()).resolves.not.toBe('150');
  await page.keyboard.press('Control+z');
  await expect.poll(() => soundingCells(page)).toEqual([]);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => soundingCells(page)).toEqual(['E4 step 1']);
  await page.keyboard.press('Control+y');
  await expect(tempo.inputValue()).resolves.toBe('150');
  expect(app.errors).toEqual([]);
});

test('after a reload the song comes back as it was left (autosave)', async () => {
  const app = await session.open();
  const { page } = app;
  await cell(page, 'G4', 1).click();
  await cell(page, 'A4', 3).click();
  await page.getByRole('combobox', { name: 'Scale' }).selectOption('dorian');
  const title = page.getByRole('textbox', { name: 'Song title' });
  await title.fill('Reload tune');
  await title.press('Enter');
  const tempo = page.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('96');
  await tempo.press('Enter');
  // The condition a reload needs: the stored song holds every change (not "Saved" plus a guess at the time).
  await expect
    .poll(
      async () =>
        (await storedSongs(page)).map((s) => [s.title, s.tempo, s.key.scale, s.phrases.flatMap((p) => p.notes).length]),
      { timeout: 15_000 },
    )
    .toEqual([['Reload tune', 96, 'dorian', 2]]);

  await page.reload();
  await page.getByRole('grid', { name: /^Phrase/ }).waitFor();
  await expect.poll(() => soundingCells(page)).toEqual(['A4 step 3', 'G4 step 1']);
  await expect(title.inputValue()).resolves.toBe('Reload tune');
  await expect(tempo.inputValue()).resolves.toBe('96');
  await expect(page.getByRole('combobox', { name: 'Scale' }).inputValue()).resolves.toBe('dorian');
  expect(app.errors).toEqual([]);
});
