import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the app opens with a phrase grid and no errors', async () => {
  const { page, errors } = await openApp(browser);
  await expect(page.title()).resolves.toBe('Phrasewright');
  expect(errors).toEqual([]);
});
