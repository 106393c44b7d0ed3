import { newId as defaultNewId } from './id';
import { LIMITS, SONG_SCHEMA_VERSION, type Phrase, type Song } from './types';

/**
 * Making and updating songs and phrases. Everything returns new objects (the store's undo history keeps
 * old ones by reference). Clock and id source are injectable so tests and the store stay deterministic;
 * without them the ambient Date.now() and newId() are used.
 */

/** Injectable clock and id source (defaults: Date.now() and newId()). */
export interface SongDeps {
  now?: number;
  newId?: () => string;
}

/** Phrase colours for the library and arrangement, picked by the phrase's name (A, B, C...). */
export const PHRASE_COLORS: readonly string[] = [
  '#e4572e',
  '#2e86ab',
  '#76b041',
  '#f2a541',
  '#8e6c8a',
  '#17bebb',
  '#d1495b',
  '#6c757d',
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Name of the n-th phrase (0-based) in the series A, B, ..., Z, AA, AB, ... */
export function phraseNameAt(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const digit = (n - 1) % 26;
    name = LETTERS[digit] + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Position of a name in the series A, B, ..., AA (0-based), or -1 for other names. */
function phraseNameIndex(name: string): number {
  if (!/^[A-Z]{1,4}$/.test(name)) return -1;
  let n = 0;
  for (const ch of name) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A CSS hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa): the one rule for a phrase's colour. */
export function isHexColor(color: unknown): color is string {
  return typeof color === 'string' && /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(color);
}

/** The colour a phrase of this name gets: series names cycle through PHRASE_COLORS, other names hash into it. */
export function phraseColorFor(name: string): string {
  let index = phraseNameIndex(name);
  if (index < 0) {
    index = 0;
    for (const ch of name) index = (index * 31 + ch.charCodeAt(0)) >>> 0;
  }
  return PHRASE_COLORS[index % PHRASE_COLORS.length];
}

/** A new empty phrase of `bars` bars (clamped to 1..8), origin 'empty', no history. */
export function createPhrase(name: string, bars: number, deps: SongDeps = {}): Phrase {
  const clampedBars = Math.min(Math.max(Math.round(bars) || LIMITS.bars.min, LIMITS.bars.min), LIMITS.bars.max);
  return {
    id: (deps.newId ?? defaultNewId)(),
    name,
    color: phraseColorFor(name),
    bars: clampedBars,
    notes: [],
    origin: { kind: 'empty' },
    history: [],
    updatedAt: deps.now ?? Date.now(),
  };
}

/**
 * A new song: "Untitled song", 110 BPM, straight, 4/4, C major, one empty 2-bar phrase "A" played once,
 * piano melody at 0 dB and triangle-synth chords at -8 dB. Fields in `init` replace the defaults; when
 * `init` brings phrases but no arrangement, the arrangement plays its first phrase once.
 */
export function createSong(init: Partial<Song> = {}, deps: SongDeps = {}): Song {
  const now = deps.now ?? Date.now();
  const makeId = deps.newId ?? defaultNewId;
  const phrases = init.phrases ?? [createPhrase('A', 2, { now, newId: makeId })];
  const arrangement =
    init.arrangement ??
    (phrases.length > 0 ? [{ id: makeId(), phraseId: phrases[0].id, repeats: 1, transpose: 0 }] : []);
  return {
    schemaVersion: SONG_SCHEMA_VERSION,
    id: makeId(),
    title: 'Untitled song',
    tempo: 110,
    swing: 0,
    timeSignature: { beats: 4, beatUnit: 4 },
    key: { tonic: 'C', scale: 'major' },
    instruments: {
      melody: 'piano',
      chords: 'triangle-synth',
      melodyVolume: 0,
      chordsVolume: -8,
      melodyMuted: false,
      chordsMuted: false,
    },
    createdAt: now,
    updatedAt: now,
    ...init,
    phrases,
    arrangement,
  };
}

/** The first name of the series A, B, ..., Z, AA, ... that no phrase of the song uses yet. */
export function nextPhraseName(song: Pick<Song, 'phrases'>): string {
  const used = new Set(song.phrases.map((p) => p.name));
  for (let i = 0; ; i++) {
    const name = phraseNameAt(i);
    if (!used.has(name)) return name;
  }
}

/** The phrase with this id, or undefined. */
export function findPhrase(song: Pick<Song, 'phrases'>, id: string): Phrase | undefined {
  return song.phrases.find((p) => p.id === id);
}

/**
 * A copy of the song with phrase `id` replaced by `fn(phrase)`. Returns the same song object when the
 * phrase is missing or `fn` returns it unchanged, so callers can skip no-op updates. Leaves `updatedAt`
 * to the caller, who owns the clock.
 */
export function updatePhrase(song: Song, id: string, fn: (phrase: Phrase) => Phrase): Song {
  const index = song.phrases.findIndex((p) => p.id === id);
  if (index < 0) return song;
  const next = fn(song.phrases[index]);
  if (next === song.phrases[index]) return song;
  const phrases = song.phrases.slice();
  phrases[index] = next;
  return { ...song, phrases };
}
