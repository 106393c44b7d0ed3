import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';
import { installSoundProbe, waitForSound } from './soundProbe';
import { FOLK_MELODY } from './shippedModels';

// After one visit the service worker has stored the app, the models and the piano: with the network off a
// reload still loads, plays and proposes.

const MODEL_PATH = FOLK_MELODY.path;
const MODEL_MANIFEST = `dist/${MODEL_PATH}/weights_manifest.json`;

const session = useAppSession();

async function waitUntilControlled(page: Page): Promise<void> {
  // The worker claims the page only after its install (the whole precache) succeeded.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 });
}

test('after one visit the app loads, plays and proposes with the network off', async () => {
  // The bundled model is always in the build; without it this test would prove nothing about proposing.
  if (!existsSync(MODEL_MANIFEST))
    throw new Error(
      `${MODEL_MANIFEST} is missing: the build has no bundled model (run "npx vite build" from a full checkout).`,
    );
  const context = await session.newContext();
  await installSoundProbe(context);
  const { page, errors } = await session.open('/', context);
  await waitUntilControlled(page);
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Works offline' }).count()).toBe(1);
  const stored = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('phrasewright-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(stored).toContain('/index.html');
  expect(stored.some((p) => p.startsWith('/samples/piano/'))).toBe(true);
  expect(stored.some((p) => p.endsWith('.wasm'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('grid', { name: /^Phrase/ }).waitFor();

  await cell(page, 'C4', 1).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // A loaded machine may take a while to decode the stored piano samples.
  const loudest = await waitForSound(page, 0.002, 15_000);
  expect(loudest).toBeGreaterThan(0.002);
  await page.getByRole('button', { name: /^(Stop|Pause)$/ }).click();

  const panel = page.getByRole('region', { name: 'Model proposals' });
  const select = panel.getByRole('combobox', { name: 'Model' });
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  if (values.includes(MODEL_PATH)) await select.selectOption(MODEL_PATH);
  else {
    await select.selectOption('__custom__');
    const url = panel.getByRole('textbox', { name: 'Checkpoint URL' });
    await url.fill(MODEL_PATH);
    await url.press('Enter');
  }
  await panel.getByRole('button', { name: 'Propose' }).click();
  await expect
    .poll(() => page.getByRole('list', { name: 'Proposals' }).getByRole('listitem').count(), { timeout: 45_000 })
    .toBeGreaterThan(0);
  expect(errors).toEqual([]);
  // Really offline: the network refuses what the worker does not hold.
  await expect(
    page.evaluate(() =>
      fetch('/not-stored.txt')
        .then((r) => r.status)
        .catch(() => 'failed'),
    ),
  ).resolves.toBe('failed');
  await context.close();
}, 120_000);
