import { expect, test } from 'vitest';
import { useAppSession } from './browser';
import { cell, dragBetween, dragFromRightEdge, selectedSteps, soundingCells } from './gridHelpers';

const session = useAppSession();

test('the grid shows two octaves around the key with named rows and contract cell names', async () => {
  const app = await session.open();
  const { page } = app;
  const grid = page.getByRole('grid', { name: /^Phrase A/ });
  await expect(grid.getByRole('rowheader', { name: 'C4', exact: true }).count()).resolves.toBe(1);
  // C major: C4 up to C6, the treble melody register.
  await expect(cell(page, 'C4', 1).count()).resolves.toBe(1);
  await expect(cell(page, 'C6', 32).count()).resolves.toBe(1);
  await expect(cell(page, 'B3', 1).count()).resolves.toBe(0);
  await expect(cell(page, 'F#4', 17).getAttribute('aria-selected')).resolves.toBe('false');
  // Scrolling up reaches the top of the piano.
  const higher = page.getByRole('button', { name: 'Show higher notes' });
  while (await higher.isEnabled()) await higher.click();
  await expect(cell(page, 'C8', 1).count()).resolves.toBe(1);
  expect(app.errors).toEqual([]);
});

test('clicking empty cells adds one-step notes; clicking a note again removes it', async () => {
  const app = await session.open();
  const { page } = app;
  await cell(page, 'C4', 1).click();
  await cell(page, 'E4', 3).click();
  await cell(page, 'G4', 5).click();
  await expect.poll(() => soundingCells(page)).toEqual(['G4 step 5', 'E4 step 3', 'C4 step 1']);

  await cell(page, 'E4', 3).click();
  await expect.poll(() => soundingCells(page)).toEqual(['G4 step 5', 'C4 step 1']);
  // Monophonic: a note on a step where another note starts replaces it.
  await cell(page, 'A4', 1).click();
  await expect.poll(() => soundingCells(page)).toEqual(['A4 step 1', 'G4 step 5']);
  expect(app.errors).toEqual([]);
});

test('dragging a note end lengthens it, dragging its body moves it, each drag one undo step', async () => {
  const app = await session.open();
  const { page } = app;
  await cell(page, 'D4', 1).click();
  await dragFromRightEdge(page, cell(page, 'D4', 1), cell(page, 'D4', 4));
  expect(await selectedSteps(page, 'D4', [1, 2, 3, 4, 5])).toEqual([true, true, true, true, false]);

  await dragBetween(page, cell(page, 'D4', 2), cell(page, 'F4', 6));
  await expect.poll(() => soundingCells(page)).toEqual(['F4 step 5', 'F4 step 6', 'F4 step 7', 'F4 step 8']);

  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await selectedSteps(page, 'D4', [1, 2, 3, 4])).toEqual([true, true, true, true]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => soundingCells(page)).toEqual(['D4 step 1']);
  expect(app.errors).toEqual([]);
});

test('drawing: pressing an empty cell and dragging right makes one longer note', async () => {
  const app = await session.open();
  const { page } = app;
  await dragBetween(page, cell(page, 'G5', 9), cell(page, 'G5', 12));
  expect(await selectedSteps(page, 'G5', [8, 9, 10, 11, 12, 13])).toEqual([false, true, true, true, true, false]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => soundingCells(page)).toEqual([]);
});

test('the keyboard moves focus, toggles notes and lengthens them', async () => {
  const app = await session.open();
  const { page } = app;
  await cell(page, 'C4', 1).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => soundingCells(page)).toEqual(['C4 step 1']);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp'); // D4, step 2
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await selectedSteps(page, 'D4', [2, 3, 4, 5])).toEqual([true, true, true, false]);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selectedSteps(page, 'D4', [2, 3, 4])).toEqual([true, true, false]);
  await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('D4 step 2');
  // Only one cell is in the tab order (roving tabindex).
  await expect(page.locator('[role="gridcell"][tabindex="0"]').count()).resolves.toBe(1);

  // Space in the grid toggles; it does not start playback.
  await page.keyboard.press('Space');
  await expect.poll(() => soundingCells(page)).toEqual(['C4 step 1']);
  await expect(page.getByRole('button', { name: 'Play', exact: true }).count()).resolves.toBe(1);
  expect(app.errors).toEqual([]);
});

test('arrowing past the top row scrolls the pitch window up', async () => {
  const app = await session.open();
  const { page } = app;
  await cell(page, 'C6', 1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('C#6 step 1');
  await page.keyboard.press('Enter');
  await expect.poll(() => soundingCells(page)).toEqual(['C#6 step 1']);
});

test('the phrase length sets the number of step columns, and a shorter phrase cuts notes past its end', async () => {
  const app = await session.open();
  const { page } = app;
  const length = page.getByRole('combobox', { name: 'Phrase length' });
  await length.selectOption({ label: '4 bars' });
  await expect(cell(page, 'C4', 64).count()).resolves.toBe(1);
  await cell(page, 'E4', 40).click();
  await cell(page, 'C4', 2).click();
  await length.selectOption({ label: '1 bar' });
  await expect(cell(page, 'C4', 17).count()).resolves.toBe(0);
  await expect.poll(() => soundingCells(page)).toEqual(['C4 step 2']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => soundingCells(page)).toEqual(['E4 step 40', 'C4 step 2']);
  expect(app.errors).toEqual([]);
});

test('the pitch rows share the grid’s height (capped on tall screens) and follow a resize', async () => {
  const context = await session.newContext({ viewport: { width: 1280, height: 720 } });
  const app = await session.open('/', context);
  const { page } = app;
  const rowsFit = () =>
    page.evaluate(() => {
      const scroller = document.querySelector('[role="grid"]')!.parentElement!;
      const rows = [...document.querySelectorAll('[role="grid"] [role="row"]')].map((r) => r.getBoundingClientRect());
      const bottom = scroller.getBoundingClientRect().top + scroller.clientTop + scroller.clientHeight;
      return {
        // Every row the same height, the last one ending at the scroll area's bottom (when not capped).
        heights: [...new Set(rows.map((r) => r.height.toFixed(1)))],
        gapBelow: Math.round(bottom - rows[rows.length - 1].bottom),
        scrollsDown: scroller.scrollHeight > scroller.clientHeight,
      };
    });
  let fit = await rowsFit();
  expect(fit.heights.length).toBe(1);
  expect(Number(fit.heights[0])).toBeGreaterThan(14);
  expect(Number(fit.heights[0])).toBeLessThan(26);
  expect(fit.gapBelow).toBe(0);
  expect(fit.scrollsDown).toBe(false);

  // A taller window: the rows grow to their cap (26 px) and leave the rest of the space below.
  await page.setViewportSize({ width: 1920, height: 1200 });
  await expect.poll(async () => (await rowsFit()).heights).toEqual(['26.0']);
  expect((await rowsFit()).gapBelow).toBeGreaterThan(0);

  // Back to a laptop screen: they share the space again, and adding a note changes no row's height.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(async () => (await rowsFit()).gapBelow).toBe(0);
  fit = await rowsFit();
  await cell(page, 'E4', 3).click();
  await expect.poll(() => soundingCells(page)).toEqual(['E4 step 3']);
  expect(await rowsFit()).toEqual(fit);
  expect(app.errors).toEqual([]);
});

test('notes outside the pitch window are counted above the grid, and a phrase comes into view with its notes', async () => {
  const app = await session.open();
  const { page } = app;
  const toolbarButton = (name: string) => page.getByRole('button', { name, exact: true });
  // C major shows C4-C6; an octave up, write a C7, then go back down: the note is above the window.
  await toolbarButton('Show higher notes').click();
  await cell(page, 'C7', 1).click();
  await toolbarButton('Show lower notes').click();
  await expect.poll(() => cell(page, 'C7', 1).count()).toBe(0);
  await toolbarButton('Show 1 note above').click();
  await expect.poll(() => soundingCells(page)).toEqual(['C7 step 1']);
  await expect(toolbarButton('Show 1 note above').count()).resolves.toBe(0);

  // Another phrase, a lower window; choosing phrase A again brings the window to its note.
  await page.getByRole('button', { name: 'New phrase' }).click();
  await page.getByRole('grid', { name: /^Phrase B/ }).waitFor();
  await toolbarButton('Show lower notes').click();
  await page
    .getByRole('list', { name: 'Arrangement' })
    .getByRole('listitem', { name: /^Section 1: phrase A/ })
    .click();
  await page.getByRole('grid', { name: /^Phrase A/ }).waitFor();
  await expect.poll(() => soundingCells(page)).toEqual(['C7 step 1']);
  expect(app.errors).toEqual([]);
});
