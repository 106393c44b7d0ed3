import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Song } from '../../core/types';
import type { ListResult, LoadResult, SongRepository, SongSummary } from '../types';
import { decodeSongRecord, encodeSongRecord, type SongValidator } from './recordCodec';

/** A record that could not be read, kept aside so nothing a user made is ever deleted. */
export interface QuarantinedRecord {
  songId: string;
  reason: string;
  raw: string;
  /** Epoch milliseconds when it was moved aside. */
  at: number;
}

export interface IdbSongRepositoryOptions {
  validate: SongValidator;
  /** Prefix of the IndexedDB database names; tests pass a fresh one each. */
  dbPrefix?: string;
  now?: () => number;
}

export interface IdbSongRepository extends SongRepository {
  /** Everything moved aside so far, oldest first. */
  listQuarantine(): Promise<QuarantinedRecord[]>;
}

const LAST_OPENED_KEY = 'lastOpenedSongId';

/**
 * Songs in IndexedDB through idb-keyval. idb-keyval's `createStore` opens a database with exactly one
 * object store, so songs, metadata and quarantine live in three small databases rather than one.
 */
export function createIdbSongRepository(options: IdbSongRepositoryOptions): IdbSongRepository {
  const prefix = options.dbPrefix ?? 'phrasewright';
  const now = options.now ?? Date.now;
  const songs: UseStore = createStore(`${prefix}-songs`, 'songs');
  const meta: UseStore = createStore(`${prefix}-meta`, 'meta');
  const quarantine: UseStore = createStore(`${prefix}-quarantine`, 'records');

  /** Copies the record to quarantine first and only then removes it, so a failure loses nothing. */
  async function moveAside(songId: string, reason: string, raw: string): Promise<void> {
    const at = now();
    const record: QuarantinedRecord = { songId, reason, raw, at };
    await set(`${songId}@${at}`, record, quarantine);
    await del(songId, songs);
  }

  return {
    async list(): Promise<ListResult> {
      const found: SongSummary[] = [];
      const quarantined: ListResult['quarantined'] = [];
      for (const [key, value] of await entries<string, unknown>(songs)) {
        const decoded = decodeSongRecord(value, options.validate);
        if (decoded.ok) {
          found.push({ id: decoded.song.id, title: decoded.song.title, updatedAt: decoded.song.updatedAt });
        } else {
          await moveAside(String(key), decoded.reason, decoded.raw);
          quarantined.push({ id: String(key), reason: decoded.reason, raw: decoded.raw });
        }
      }
      found.sort((a, b) => b.updatedAt - a.updatedAt);
      return { songs: found, quarantined };
    },

    async load(id: string): Promise<LoadResult> {
      const value = await get<unknown>(id, songs);
      if (value === undefined) return { status: 'missing' };
      const decoded = decodeSongRecord(value, options.validate);
      if (decoded.ok) return { status: 'ok', song: decoded.song };
      await moveAside(id, decoded.reason, decoded.raw);
      return { status: 'quarantined', id, reason: decoded.reason, raw: decoded.raw };
    },

    async save(song: Song): Promise<void> {
      // One put: IndexedDB either replaces the record or leaves the old one untouched.
      await set(song.id, encodeSongRecord(song), songs);
    },

    async delete(id: string): Promise<void> {
      await del(id, songs);
    },

    async getLastOpenedId(): Promise<string | undefined> {
      const id = await get<unknown>(LAST_OPENED_KEY, meta);
      return typeof id === 'string' ? id : undefined;
    },

    async setLastOpenedId(id: string): Promise<void> {
      await set(LAST_OPENED_KEY, id, meta);
    },

    async listQuarantine(): Promise<QuarantinedRecord[]> {
      const records = (await entries<string, QuarantinedRecord>(quarantine)).map(([, r]) => r);
      return records.sort((a, b) => a.at - b.at);
    },
  };
}
