import { validateSong } from '../../core/validate';
import type { SongRepository } from '../types';
import { createIdbSongRepository } from './idbSongRepository';
import { createMemorySongRepository } from './memorySongRepository';

/** IndexedDB where the environment has it, memory otherwise (songs then last only for the session). */
export function defaultSongRepository(now: () => number): SongRepository {
  if (typeof indexedDB === 'undefined') return createMemorySongRepository();
  return createIdbSongRepository({ validate: validateSong, now });
}
