import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { expect, test } from 'vitest';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';

// Takes the README's screenshot from the real app: a short melody written through the grid, playing.
// Every run writes tests/e2e/.artifacts/screenshot.png (ignored by git); with UPDATE_SCREENSHOT=1 it also
// replaces docs/screenshot.png, so a plain `npm test` leaves the committed picture alone.
const session = useAppSession();

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

test('the app with a melody playing is captured for the README', async () => {
  const context = await session.newContext({ viewport: { width: 1280, height: 820 } });
  const { page, errors } = await session.open('/', context);
  const title = page.getByRole('textbox', { name: 'Song title' });
  await title.fill('Morning tune');
  await title.press('Enter');
  for (const [pitch, step, length] of MELODY) {
    await cell(page, pitch, step).click();
    for (let i = 1; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  }
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
  await page.getByText(/Loading/).waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(1300);
  await page.mouse.move(1, 1); // no hover highlight in the picture
  mkdirSync('tests/e2e/.artifacts', { recursive: true });
  await page.screenshot({ path: ARTIFACT });
  if (process.env.UPDATE_SCREENSHOT === '1') {
    mkdirSync('docs', { recursive: true });
    copyFileSync(ARTIFACT, 'docs/screenshot.png');
  }
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  expect(statSync(ARTIFACT).size).toBeGreaterThan(20_000);
  await expect(page.getByRole('gridcell', { name: 'C5 step 25', exact: true }).getAttribute('aria-selected')).resolves.toBe('true');
  expect(errors).toEqual([]);
  await context.close();
});
