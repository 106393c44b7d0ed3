import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { reloadApp, useAppSession, waitForAutosave, type AppPage } from './browser';
import { cell, soundingCells } from './gridHelpers';
import { storedNotes } from './storedSongs';

// Work survives what users do to tabs: a tab killed mid-edit (no unload event of any kind), a second tab
// on the same song, a record that cannot be read.

const session = useAppSession();

/** How often the steady stream of edits clicks: faster than the autosave's quiet time, so only its one-second promise saves them. */
const EDIT_EVERY_MS = 120;

/**
 * Waits for the moment `at` (epoch ms) on the page's clock: the edit stream is a timed stimulus, not a wait
 * for the app, so edit k happens at start + k × EDIT_EVERY_MS however long each click took.
 */
async function until(page: Page, at: number): Promise<void> {
  await page.waitForFunction((t) => Date.now() >= t, at, { polling: 10 });
}

/** Kills the page's renderer: no pagehide, visibilitychange or beforeunload runs, as when a tab crashes. */
async function crash(page: Page): Promise<void> {
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  const cdp = await page.context().newCDPSession(page);
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
}

test('a tab killed mid-edit loses at most the last second of work', async () => {
  const context = await session.newContext();
  const { page, errors } = await session.open('/', context);
  await page.getByText('Saved', { exact: true }).waitFor();
  // A steady stream of edits, then the tab dies right after the last one. The stream runs until ten of its
  // edits are over a second old (about 20 edits over 2.4 s on an idle machine): counting edits instead would let
  // a busy machine's slow first clicks bunch the rest up against the kill, leaving too few a second old to test.
  const edits: { step: number; at: number }[] = [];
  const secondOld = () => edits.filter((e) => Date.now() - e.at >= 1_000).length;
  const start = Date.now();
  for (let step = 1; secondOld() < 10; step++) {
    await until(page, start + (step - 1) * EDIT_EVERY_MS);
    await cell(page, 'C4', step).click();
    edits.push({ step, at: Date.now() });
  }
  expect(errors).toEqual([]);
  // Every edit reached the grid (so a loss below is a lost save, not a lost click).
  await expect.poll(() => soundingCells(page)).toHaveLength(edits.length);
  const killedAt = Date.now();
  await crash(page);

  const reopened = await session.open('/', context);
  const sounding = await soundingCells(reopened.page);
  const mustSurvive = edits.filter((e) => killedAt - e.at >= 1_000).map((e) => `C4 step ${e.step}`);
  expect(sounding).toEqual(expect.arrayContaining(mustSurvive));
  // The restored song is the same song (no copy), since the dead tab's claim died with it.
  expect(await reopened.page.getByRole('status').filter({ hasText: 'open in another tab' }).count()).toBe(0);
  expect(reopened.errors).toEqual([]);
}, 120_000);

test('edits the autosave has stored are there when a killed tab is reopened', async () => {
  const context = await session.newContext();
  const { page } = await session.open('/', context);
  await page.getByText('Saved', { exact: true }).waitFor();
  await cell(page, 'E4', 3).click();
  await cell(page, 'G4', 5).click();
  // Killed once the record holds both edits (the one-second promise itself is the test above).
  await expect.poll(() => storedNotes(page), { timeout: 15_000 }).toEqual([['64@2', '67@4']]);
  await crash(page);
  const reopened = await session.open('/', context);
  await expect.poll(() => soundingCells(reopened.page)).toEqual(['G4 step 5', 'E4 step 3']);
});

test('a second tab on the same song is told, works on a copy, and neither tab overwrites the other', async () => {
  const context = await session.newContext();
  const first: AppPage = await session.open('/', context);
  await cell(first.page, 'C4', 1).click();
  await waitForAutosave(first.page);

  const second: AppPage = await session.open('/', context);
  await second.page
    .getByRole('status')
    .filter({ hasText: /is open in another tab.*works on a copy/ })
    .waitFor();
  await expect.poll(() => soundingCells(second.page)).toEqual(['C4 step 1']);

  await cell(second.page, 'E4', 3).click();
  await waitForAutosave(second.page);
  await cell(first.page, 'G4', 5).click();
  await waitForAutosave(first.page);
  await second.page.close();

  await reloadApp(first.page);
  await expect.poll(() => soundingCells(first.page)).toEqual(['G4 step 5', 'C4 step 1']);
  expect(first.errors).toEqual([]);
  expect(second.errors).toEqual([]);
});

test('an unreadable record is quarantined with its raw text, never deleted', async () => {
  const context = await session.newContext();
  const { page } = await session.open('/', context);
  await cell(page, 'C4', 1).click();
  await page.getByText('Saved', { exact: true }).waitFor();
  const songId = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('phrasewright-songs');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error ?? new Error('IndexedDB would not open'));
    });
    const tx = db.transaction('songs', 'readwrite');
    const store = tx.objectStore('songs');
    const keys = await new Promise<IDBValidKey[]>((res) => {
      const r = store.getAllKeys();
      r.onsuccess = () => res(r.result);
    });
    store.put('{"id": "broken', keys[0]);
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
    return keys[0] as string;
  });
  await page.reload();
  await page
    .getByRole('alert')
    .filter({ hasText: /kept aside, not deleted/ })
    .waitFor();
  const kept = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('phrasewright-quarantine');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error ?? new Error('IndexedDB would not open'));
    });
    const records = await new Promise<{ songId: string; raw: string }[]>((res) => {
      const r = db.transaction('records').objectStore('records').getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return records;
  });
  expect(kept).toEqual([expect.objectContaining({ songId, raw: '{"id": "broken' })]);
});
