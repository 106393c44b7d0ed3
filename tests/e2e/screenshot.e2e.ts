import { mkdirSync, statSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from './browser';
import { cell } from './gridHelpers';

// Writes the README's screenshot from the real app: a short melody written through the grid, playing.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

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

test('a screenshot of the app with a melody is written to docs/screenshot.png', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const { page, errors } = await openApp(browser, '/', context);
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
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/screenshot.png' });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  expect(statSync('docs/screenshot.png').size).toBeGreaterThan(20_000);
  expect(errors).toEqual([]);
  await context.close();
});
