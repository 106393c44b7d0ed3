import type { Page } from 'playwright-core';
import type { Song } from '../../src/core/types';

/**
 * The songs the app has written to IndexedDB (the `phrasewright-songs` database idb-keyval keeps, one JSON
 * text per song), read from inside the page. Tests wait on this instead of sleeping "long enough" for an
 * autosave: the stored record holding the change is the condition they need. Unreadable records are left out.
 */
export async function storedSongs(page: Page): Promise<Song[]> {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create it empty, under the app's feet.
    if (!(await indexedDB.databases()).some((d) => d.name === 'phrasewright-songs')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('phrasewright-songs');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB would not open'));
    });
    try {
      if (!db.objectStoreNames.contains('songs')) return [];
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('songs').objectStore('songs').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB would not read'));
      });
      const songs: Song[] = [];
      for (const value of values) {
        try {
          songs.push((typeof value === 'string' ? JSON.parse(value) : value) as Song);
        } catch {
          // an unreadable record is not a stored song
        }
      }
      return songs;
    } finally {
      db.close();
    }
  });
}

/** Each stored song's notes as "pitch@start" strings (every phrase), sorted: what a grid edit changes. */
export async function storedNotes(page: Page): Promise<string[][]> {
  return (await storedSongs(page)).map((song) =>
    song.phrases.flatMap((p) => p.notes.map((n) => `${n.pitch}@${n.start}`)).sort(),
  );
}
