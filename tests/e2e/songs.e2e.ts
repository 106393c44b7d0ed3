import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPanel } from './panels';
import { useAppSession } from './browser';
import { cell, soundingCells } from './gridHelpers';
import { storedNotes } from './storedSongs';

const session = useAppSession();

const songList = (page: Page) => page.getByRole('list', { name: 'Songs' });
const songTitles = (page: Page) =>
  songList(page).getByRole('listitem').locator('.song-open, .rename-input').allInnerTexts();

async function setTitle(page: Page, title: string) {
  const field = page.getByRole('textbox', { name: 'Song title' });
  await field.fill(title);
  await field.press('Enter');
}

test('songs can be made, opened, renamed, duplicated and deleted from the list', async () => {
  const app = await session.open();
  const { page } = app;
  await setTitle(page, 'First');
  await cell(page, 'C4', 1).click();
  await openPanel(page, 'Songs');

  await page.getByRole('button', { name: 'New song' }).click();
  await expect.poll(() => soundingCells(page)).toEqual([]);
  await setTitle(page, 'Second');
  await expect.poll(() => songTitles(page)).toEqual(expect.arrayContaining(['First', 'Second']));

  // Open the first again: its note is back.
  await songList(page).getByRole('button', { name: 'First', exact: true }).click();
  await expect.poll(() => soundingCells(page)).toEqual(['C4 step 1']);
  await expect(page.getByRole('textbox', { name: 'Song title' }).inputValue()).resolves.toBe('First');

  await page.getByRole('button', { name: 'Rename Second' }).click();
  const rename = page.getByRole('textbox', { name: 'New title for Second' });
  await rename.fill('Second, renamed');
  await rename.press('Enter');
  await expect.poll(() => songTitles(page)).toEqual(expect.arrayContaining(['First', 'Second, renamed']));

  await page.getByRole('button', { name: 'Duplicate First' }).click();
  await expect.poll(async () => (await songTitles(page)).length).toBe(3);

  await page.getByRole('button', { name: 'Delete Second, renamed' }).click();
  await page.getByRole('group', { name: 'Delete Second, renamed?' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await songTitles(page)).includes('Second, renamed')).toBe(false);
  expect(app.errors).toEqual([]);
});

test('? opens the keyboard shortcuts panel and Escape closes it', async () => {
  const app = await session.open();
  const { page } = app;
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await expect(help.getByText('Undo', { exact: true }).isVisible()).resolves.toBe(true);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  expect(app.errors).toEqual([]);
});

test('an unreadable autosaved song is kept aside, a new song starts, and the raw data is offered', async () => {
  const context = await session.newContext();
  const app = await session.open('/', context);
  const { page } = app;
  await cell(page, 'C4', 1).click();
  // The edit is in the stored record, so no autosave is left to write over the breakage below.
  await expect.poll(() => storedNotes(page), { timeout: 15_000 }).toEqual([['60@0']]);
  // Break every stored song record behind the app's back.
  await page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    for (const { name } of dbs) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error ?? new Error('IndexedDB would not open'));
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        if (!/song/i.test(storeName)) continue;
        const tx = db.transaction(storeName, 'readwrite');
        const store = tx.objectStore(storeName);
        const keys = await new Promise<IDBValidKey[]>((res) => {
          const r = store.getAllKeys();
          r.onsuccess = () => res(r.result);
        });
        for (const key of keys) if (typeof key === 'string' && key !== 'lastOpenedId') store.put('{ not a song', key);
        await new Promise((res) => (tx.oncomplete = res));
      }
      db.close();
    }
  });
  await page.reload();
  await page.getByRole('grid', { name: /^Phrase/ }).waitFor();
  const alert = page.getByRole('alert');
  await alert.first().waitFor();
  await expect(page.getByRole('button', { name: /download/i }).count()).resolves.toBeGreaterThan(0);
  await expect.poll(() => soundingCells(page)).toEqual([]);
});
