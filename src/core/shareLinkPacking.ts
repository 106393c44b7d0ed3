import { isNoteAuthor } from './authorship';
import { newId as defaultNewId } from './id';
import { phraseColorFor, type SongDeps } from './song';
import {
  SONG_SCHEMA_VERSION,
  type ChordEvent,
  type Note,
  type NoteAuthor,
  type Phrase,
  type IdeaCounts,
  type PhraseOrigin,
  type Song,
} from './types';

/**
 * The compact shape a song takes inside a share link, before compression. Everything is kept, history
 * included (a teacher's link shows how the melody grew), but spelled for deflate: notes are flat number
 * lists with each start counted from the one before, times are offsets from the song's creation, colours
 * that follow from a phrase's name are left out, and ids are not sent at all. An opened link becomes a new
 * song, so it gets fresh ids; sections name their phrase by its position in the list.
 *
 * Unpacking is defensive (anything may arrive in a URL) but only about shape: the song it builds still
 * goes through validateSong, which is the one judge of what a song may hold.
 */

/**
 * Version 2 adds who wrote each note (one letter a note, after the note lists); version 1 links still open,
 * with every author unknown. An older Phrasewright refuses a version 2 link as "made by a newer Phrasewright".
 */
export const PACKED_VERSION = 2;

/** [pitch, start - previous start, length, velocity] repeated. */
type PackedNotes = number[];
/** [start - previous start, symbol] repeated; 0 when the phrase has no chord list at all. */
type PackedChords = (number | string)[] | 0;
/** One letter a note (see AUTHOR_LETTERS); 0 when no note has an author. */
type PackedAuthors = string | 0;
type PackedVersion = [PackedNotes, PackedChords, PhraseOrigin, number, PackedAuthors?];
type PackedPhrase = [
  string,
  string | 0,
  number,
  PackedNotes,
  PackedChords,
  PhraseOrigin,
  PackedVersion[],
  number | null,
  PackedAuthors?,
];

const AUTHOR_LETTERS: Record<NoteAuthor, string> = {
  given: 'g',
  student: 's',
  model: 'm',
  'student-changed-model': 'c',
  'student-changed-given': 'h',
  imported: 'i',
};
const LETTER_AUTHORS = new Map(
  Object.entries(AUTHOR_LETTERS).map(([author, letter]) => [letter, author as NoteAuthor]),
);
const UNKNOWN_LETTER = '.';

function packAuthors(notes: readonly Note[]): PackedAuthors {
  if (!notes.some((n) => n.by)) return 0;
  return notes.map((n) => (n.by ? AUTHOR_LETTERS[n.by] : UNKNOWN_LETTER)).join('');
}

export interface PackedSong {
  v: typeof PACKED_VERSION;
  t: string;
  bpm: number;
  sw: number;
  ts: [number, number];
  k: [string, string];
  in: [string, string, number, number, 0 | 1, 0 | 1];
  /** The song's style, when it names one (links without it open in the default style). */
  st?: string;
  c: number;
  u: number;
  p: PackedPhrase[];
  /** [phrase index, repeats, transpose] repeated. */
  a: number[];
  /** The song's taken-ideas counts, when it keeps any (so a hand-back link carries them to the class view). */
  i?: IdeaCounts;
}

function packNotes(notes: readonly Note[]): PackedNotes {
  const flat: number[] = [];
  let previous = 0;
  for (const n of notes) {
    flat.push(n.pitch, n.start - previous, n.length, n.velocity);
    previous = n.start;
  }
  return flat;
}

function packChords(chords: readonly ChordEvent[] | undefined): PackedChords {
  if (!chords) return 0;
  const flat: (number | string)[] = [];
  let previous = 0;
  for (const c of chords) {
    flat.push(c.start - previous, c.symbol);
    previous = c.start;
  }
  return flat;
}

/** The song in its compact link shape. */
export function packSong(song: Song): PackedSong {
  const index = new Map(song.phrases.map((p, i) => [p.id, i]));
  const since = (time: number) => time - song.createdAt;
  return {
    v: PACKED_VERSION,
    t: song.title,
    bpm: song.tempo,
    sw: song.swing,
    ts: [song.timeSignature.beats, song.timeSignature.beatUnit],
    k: [song.key.tonic, song.key.scale],
    in: [
      song.instruments.melody,
      song.instruments.chords,
      song.instruments.melodyVolume,
      song.instruments.chordsVolume,
      song.instruments.melodyMuted ? 1 : 0,
      song.instruments.chordsMuted ? 1 : 0,
    ],
    ...(song.style !== undefined ? { st: song.style } : {}),
    c: song.createdAt,
    u: since(song.updatedAt),
    p: song.phrases.map((p): PackedPhrase => [
      p.name,
      p.color === phraseColorFor(p.name) ? 0 : p.color,
      p.bars,
      packNotes(p.notes),
      packChords(p.chords),
      p.origin,
      p.history.map((v): PackedVersion => [
        packNotes(v.notes),
        packChords(v.chords),
        v.origin,
        since(v.at),
        packAuthors(v.notes),
      ]),
      p.updatedAt === undefined ? null : since(p.updatedAt),
      packAuthors(p.notes),
    ]),
    a: song.arrangement.flatMap((s) => [index.get(s.phraseId) ?? -1, s.repeats, s.transpose]),
    ...(song.ideas ? { i: song.ideas } : {}),
  };
}

class Malformed extends Error {}

function check(condition: boolean): asserts condition {
  if (!condition) throw new Malformed('the link does not hold a song');
}

function num(value: unknown): number {
  check(typeof value === 'number' && Number.isFinite(value));
  return value;
}

function str(value: unknown): string {
  check(typeof value === 'string');
  return value;
}

function arr(value: unknown): unknown[] {
  check(Array.isArray(value));
  return value;
}

function unpackNotes(value: unknown): Note[] {
  const flat = arr(value);
  check(flat.length % 4 === 0);
  const notes: Note[] = [];
  let start = 0;
  for (let i = 0; i < flat.length; i += 4) {
    start += num(flat[i + 1]);
    notes.push({ pitch: num(flat[i]), start, length: num(flat[i + 2]), velocity: num(flat[i + 3]) });
  }
  return notes;
}

/** Puts the packed authors on the notes; letters this version does not know leave a note's author unknown. */
function withAuthors(notes: Note[], value: unknown): Note[] {
  if (value === undefined || value === 0) return notes;
  const letters = str(value);
  check(letters.length === notes.length);
  return notes.map((n, i) => {
    const by = LETTER_AUTHORS.get(letters[i]);
    return isNoteAuthor(by) ? { ...n, by } : n;
  });
}

function unpackChords(value: unknown): ChordEvent[] | undefined {
  if (value === 0) return undefined;
  const flat = arr(value);
  check(flat.length % 2 === 0);
  const chords: ChordEvent[] = [];
  let start = 0;
  for (let i = 0; i < flat.length; i += 2) {
    start += num(flat[i]);
    chords.push({ start, symbol: str(flat[i + 1]) });
  }
  return chords;
}

/**
 * A song object (not yet validated) from its compact link shape, with fresh ids; null when the shape is
 * wrong. Pass the result to validateSong.
 */
export function unpackSong(value: unknown, deps: SongDeps = {}): Song | null {
  const makeId = deps.newId ?? defaultNewId;
  try {
    check(typeof value === 'object' && value !== null && !Array.isArray(value));
    const packed = value as Record<string, unknown>;
    check(packed.v === 1 || packed.v === PACKED_VERSION);
    // Version 1 has no authors: its phrases have 8 fields and its versions 4.
    const phraseFields = packed.v === 1 ? 8 : 9;
    const versionFields = packed.v === 1 ? 4 : 5;
    const created = num(packed.c);
    const ts = arr(packed.ts);
    const key = arr(packed.k);
    const instruments = arr(packed.in);
    check([0, 1].includes(instruments[4] as number) && [0, 1].includes(instruments[5] as number));
    const phrases = arr(packed.p).map((raw): Phrase => {
      const p = arr(raw);
      check(p.length === phraseFields);
      const name = str(p[0]);
      const chords = unpackChords(p[4]);
      return {
        id: makeId(),
        name,
        color: p[1] === 0 ? phraseColorFor(name) : str(p[1]),
        bars: num(p[2]),
        notes: withAuthors(unpackNotes(p[3]), p[8]),
        ...(chords ? { chords } : {}),
        origin: p[5] as PhraseOrigin,
        history: arr(p[6]).map((rawVersion) => {
          const v = arr(rawVersion);
          check(v.length === versionFields);
          const versionChords = unpackChords(v[1]);
          return {
            notes: withAuthors(unpackNotes(v[0]), v[4]),
            ...(versionChords ? { chords: versionChords } : {}),
            origin: v[2] as PhraseOrigin,
            at: created + num(v[3]),
          };
        }),
        ...(p[7] === null ? {} : { updatedAt: created + num(p[7]) }),
      };
    });
    const flatSections = arr(packed.a);
    check(flatSections.length % 3 === 0);
    const arrangement = [];
    for (let i = 0; i < flatSections.length; i += 3) {
      const phrase = phrases[num(flatSections[i])];
      check(phrase !== undefined);
      arrangement.push({
        id: makeId(),
        phraseId: phrase.id,
        repeats: num(flatSections[i + 1]),
        transpose: num(flatSections[i + 2]),
      });
    }
    return {
      schemaVersion: SONG_SCHEMA_VERSION,
      id: makeId(),
      title: str(packed.t),
      tempo: num(packed.bpm),
      swing: num(packed.sw),
      timeSignature: { beats: num(ts[0]), beatUnit: num(ts[1]) },
      key: { tonic: str(key[0]), scale: str(key[1]) as Song['key']['scale'] },
      phrases,
      arrangement,
      instruments: {
        melody: str(instruments[0]) as Song['instruments']['melody'],
        chords: str(instruments[1]) as Song['instruments']['chords'],
        melodyVolume: num(instruments[2]),
        chordsVolume: num(instruments[3]),
        melodyMuted: instruments[4] === 1,
        chordsMuted: instruments[5] === 1,
      },
      ...(packed.st !== undefined ? { style: str(packed.st) } : {}),
      createdAt: created,
      updatedAt: created + num(packed.u),
      // Checked by validateSong like every other field (readIdeaCounts).
      ...(packed.i !== undefined ? { ideas: packed.i as IdeaCounts } : {}),
    };
  } catch {
    return null;
  }
}
