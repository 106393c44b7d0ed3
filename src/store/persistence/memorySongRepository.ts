import type { Song } from '../../core/types';
import type { ListResult, LoadResult, SongRepository } from '../types';

/**
 * A repository that keeps songs in memory: used where IndexedDB is missing (private modes of some
 * browsers, Node scripts) so the app still runs, and in tests that are not about storage.
 * Songs are copied in and out through JSON so callers can never share a mutable object with it.
 */
export function createMemorySongRepository(initial: Song[] = []): SongRepository {
  const records = new Map<string, string>(initial.map((s) => [s.id, JSON.stringify(s)]));
  let lastOpenedId: string | undefined;
  return {
    async list(): Promise<ListResult> {
      const songs = [...records.values()]
        .map((text) => JSON.parse(text) as Song)
        .map((s) => ({ id: s.id, title: s.title, updatedAt: s.updatedAt }))
        .sort((a, b) => b.updatedAt - a.updatedAt);
      return { songs, quarantined: [] };
    },
    async load(id: string): Promise<LoadResult> {
      const text = records.get(id);
      return text === undefined ? { status: 'missing' } : { status: 'ok', song: JSON.parse(text) as Song };
    },
    async save(song: Song): Promise<void> {
      records.set(song.id, JSON.stringify(song));
    },
    async delete(id: string): Promise<void> {
      records.delete(id);
    },
    async getLastOpenedId() {
      return lastOpenedId;
    },
    async setLastOpenedId(id: string) {
      lastOpenedId = id;
    },
  };
}
