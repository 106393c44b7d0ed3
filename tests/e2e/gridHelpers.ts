import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The grid cell named exactly "<pitch> step <n>" (UI contract). */
export function cell(page: Page, pitch: string, step: number): Locator {
  return page.getByRole('gridcell', { name: `${pitch} step ${step}`, exact: true });
}

/** aria-selected of each given step of one pitch row, e.g. [true, true, false]. */
export async function selectedSteps(page: Page, pitch: string, steps: number[]): Promise<boolean[]> {
  return Promise.all(steps.map(async (s) => (await cell(page, pitch, s).getAttribute('aria-selected')) === 'true'));
}

/** Every cell with aria-selected="true", as "<pitch> step <n>" names. */
export async function soundingCells(page: Page): Promise<string[]> {
  return page
    .getByRole('grid', { name: /^Phrase/ })
    .locator('[role="gridcell"][aria-selected="true"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
}

/** Drags with the mouse from the centre of one cell to the centre of another, in small moves. */
export async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  expect(a && b).toBeTruthy();
  await page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2);
  await page.mouse.down();
  await page.mouse.move(b!.x + b!.width / 2, b!.y + b!.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Presses on the right edge of a cell (a note's lengthen handle) and drags to the centre of another. */
export async function dragFromRightEdge(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  expect(a && b).toBeTruthy();
  await page.mouse.move(a!.x + a!.width - 2, a!.y + a!.height / 2);
  await page.mouse.down();
  await page.mouse.move(b!.x + b!.width / 2, b!.y + b!.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The notes a candidate's piano roll announces, as "E4 1" / "E4 1-3" (pitch, steps counted from 1 in its span). */
export async function rollNotes(item: Locator): Promise<string[]> {
  const label = (await item.getByRole('img').first().getAttribute('aria-label')) ?? '';
  const list = label.split(': ').slice(2).join(': ');
  return list ? list.split(', ') : [];
}
