// Over 300 lines: one reader per song field, kept together so the whole song format is checked in one place (the limits themselves live in core/types).
import { isNoteAuthor } from './authorship';
import { MAX_PHRASE_VERSIONS } from './history';
import { readIdeaCounts } from './ideas';
import { stepsPerBar } from './meter';
import { isKeyTonic, SCALE_NAMES } from './scale';
import { isHexColor } from './song';
import {
  INSTRUMENT_IDS,
  LIMITS,
  SONG_SCHEMA_VERSION,
  type ChordEvent,
  type InstrumentSettings,
  type KeySignature,
  type Note,
  type OriginKind,
  type Phrase,
  type PhraseOrigin,
  type PhraseVersion,
  type ScaleName,
  type Section,
  type Song,
  type TimeSignature,
} from './types';

/**
 * A strict structural check of anything claiming to be a Song: an autosaved record, a project file, a
 * share link. It refuses wrong types, out-of-range values, overlapping notes and dangling references
 * with a reason in plain words, caps every size so hostile input cannot exhaust memory, and returns a
 * fresh copy holding only the known fields (unknown fields are dropped, never trusted).
 */

export type SongValidation = { ok: true; song: Song } | { ok: false; reason: string };

/** Size caps; generous for real songs, small enough that a hostile file stays cheap to check. */
export const VALIDATION_LIMITS = {
  phrases: 256,
  sections: 1024,
  /** Notes in all phrases and all their history versions together. */
  totalNotes: 250_000,
  idLength: 100,
  titleLength: 200,
  nameLength: 40,
  textLength: 500,
  chordSymbolLength: 24,
  constraintNodes: 500,
  constraintDepth: 8,
  volume: { min: -60, max: 6 },
  beats: { min: 1, max: 16 },
  beatUnits: [2, 4, 8, 16],
} as const;

const ORIGIN_KINDS: readonly OriginKind[] = [
  'empty',
  'hand',
  'proposed',
  'mutated',
  'imported',
  'transformed',
  'restored',
];
/** A style id: lower-case letters, digits and hyphens, as the checkpoint index names styles. */
const STYLE_ID = /^[a-z][a-z0-9-]{0,31}$/;

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only, so nothing is read through a prototype. */
function get(obj: Rec, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function record(value: unknown, what: string): Rec {
  if (!isRecord(value)) fail(`${what} must be an object`);
  return value;
}

function text(obj: Rec, key: string, what: string, maxLength: number): string {
  const value = get(obj, key);
  if (typeof value !== 'string') fail(`${what} must be text`);
  if (value.length > maxLength) fail(`${what} must be at most ${maxLength} characters long`);
  return value;
}

function id(obj: Rec, key: string, what: string): string {
  const value = text(obj, key, what, VALIDATION_LIMITS.idLength);
  if (value.length === 0) fail(`${what} must not be empty`);
  return value;
}

function integer(obj: Rec, key: string, what: string, min: number, max: number, unit = ''): number {
  const value = get(obj, key);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${what} must be a whole number between ${min} and ${max}${unit}`);
  }
  return value;
}

function number(obj: Rec, key: string, what: string, min: number, max: number, unit = ''): number {
  const value = get(obj, key);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(`${what} must be between ${min} and ${max}${unit}`);
  }
  return value;
}

function timestamp(obj: Rec, key: string, what: string): number {
  const value = get(obj, key);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${what} must be a time stamp`);
  return value;
}

function list(obj: Rec, key: string, what: string, maxLength: number): unknown[] {
  const value = get(obj, key);
  if (!Array.isArray(value)) fail(`${what} must be a list`);
  if (value.length > maxLength) fail(`${what} must have at most ${maxLength} entries`);
  return value;
}

function oneOf<T extends string>(obj: Rec, key: string, what: string, allowed: readonly T[]): T {
  const value = get(obj, key);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${what} must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Counts notes across the whole song so the total budget is enforced before anything large is copied. */
class NoteBudget {
  private used = 0;
  take(count: number): void {
    this.used += count;
    if (this.used > VALIDATION_LIMITS.totalNotes) {
      fail(`the song has more than ${VALIDATION_LIMITS.totalNotes} notes in all its phrases and versions`);
    }
  }
}

function readNotes(owner: Rec, what: string, totalSteps: number, budget: NoteBudget): Note[] {
  const raw = list(owner, 'notes', `${what} notes`, totalSteps);
  budget.take(raw.length);
  const notes: Note[] = [];
  raw.forEach((value, i) => {
    const where = `${what} note ${i + 1}`;
    const n = record(value, where);
    const note: Note = {
      pitch: integer(n, 'pitch', `${where} pitch`, LIMITS.pitch.min, LIMITS.pitch.max),
      start: integer(n, 'start', `${where} start`, 0, totalSteps - 1, ' steps'),
      length: integer(n, 'length', `${where} length`, 1, totalSteps, ' steps'),
      velocity: integer(n, 'velocity', `${where} velocity`, LIMITS.velocity.min, LIMITS.velocity.max),
    };
    // An author this version does not know (from a newer one) is dropped: the note's author is then unknown.
    const by = get(n, 'by');
    if (isNoteAuthor(by)) note.by = by;
    if (note.start + note.length > totalSteps) fail(`${where} runs past the end of the phrase`);
    const previous = notes[notes.length - 1];
    if (previous && note.start < previous.start + previous.length) {
      fail(`${where} overlaps the note before it (phrases are one note at a time, in order)`);
    }
    notes.push(note);
  });
  return notes;
}

function readChords(owner: Rec, what: string, totalSteps: number): ChordEvent[] | undefined {
  if (get(owner, 'chords') === undefined) return undefined;
  const raw = list(owner, 'chords', `${what} chords`, totalSteps);
  const chords: ChordEvent[] = [];
  raw.forEach((value, i) => {
    const where = `${what} chord ${i + 1}`;
    const c = record(value, where);
    const chord = {
      start: integer(c, 'start', `${where} start`, 0, totalSteps - 1, ' steps'),
      symbol: text(c, 'symbol', `${where} symbol`, VALIDATION_LIMITS.chordSymbolLength),
    };
    const previous = chords[chords.length - 1];
    if (previous && chord.start <= previous.start) fail(`${where} must start after the chord before it`);
    chords.push(chord);
  });
  return chords;
}

/** Copies plain JSON data (the model's constraints), refusing anything else or anything too big. */
function readPlainData(value: unknown, what: string, budget: { nodes: number }, depth = 0): unknown {
  if (++budget.nodes > VALIDATION_LIMITS.constraintNodes || depth > VALIDATION_LIMITS.constraintDepth) {
    fail(`${what} are too large`);
  }
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${what} must hold only finite numbers`);
    return value;
  }
  if (typeof value === 'string') {
    if (value.length > VALIDATION_LIMITS.textLength) fail(`${what} hold text that is too long`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => readPlainData(v, what, budget, depth + 1));
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    // fromEntries defines own properties, so a "__proto__" key cannot change the copy's prototype.
    return Object.fromEntries(Object.keys(value).map((k) => [k, readPlainData(value[k], what, budget, depth + 1)]));
  }
  return fail(`${what} must be plain data`);
}

function readOrigin(owner: Rec, what: string): PhraseOrigin {
  const o = record(get(owner, 'origin'), `${what} origin`);
  const origin: PhraseOrigin = { kind: oneOf(o, 'kind', `${what} origin kind`, ORIGIN_KINDS) };
  if (get(o, 'modelId') !== undefined)
    origin.modelId = text(o, 'modelId', `${what} model id`, VALIDATION_LIMITS.textLength);
  if (get(o, 'temperature') !== undefined) origin.temperature = number(o, 'temperature', `${what} temperature`, 0, 100);
  if (get(o, 'seed') !== undefined) {
    origin.seed = number(o, 'seed', `${what} seed`, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  }
  if (get(o, 'action') !== undefined) origin.action = text(o, 'action', `${what} action`, VALIDATION_LIMITS.textLength);
  if (get(o, 'constraints') !== undefined) {
    const where = `${what} constraints`;
    const copy = readPlainData(record(get(o, 'constraints'), where), where, { nodes: 0 });
    origin.constraints = copy as Record<string, unknown>;
  }
  return origin;
}

function readPhrase(value: unknown, index: number, ts: TimeSignature, budget: NoteBudget): Phrase {
  const p = record(value, `phrase ${index + 1}`);
  const name = text(p, 'name', `phrase ${index + 1} name`, VALIDATION_LIMITS.nameLength);
  const what = `phrase "${name}"`;
  const bars = integer(p, 'bars', `${what} bars`, LIMITS.bars.min, LIMITS.bars.max);
  const color = text(p, 'color', `${what} colour`, VALIDATION_LIMITS.nameLength);
  if (!isHexColor(color)) fail(`${what} colour must be a hex colour such as #2e86ab`);
  const totalSteps = bars * stepsPerBar(ts);
  const notes = readNotes(p, what, totalSteps, budget);
  const chords = readChords(p, what, totalSteps);
  // Earlier versions may come from before the phrase was shortened, so they may use the longest phrase.
  const longestPhrase = LIMITS.bars.max * stepsPerBar(ts);
  const history = list(p, 'history', `${what} history`, MAX_PHRASE_VERSIONS).map((v, i): PhraseVersion => {
    const where = `${what} version ${i + 1}`;
    const h = record(v, where);
    const versionChords = readChords(h, where, longestPhrase);
    return {
      notes: readNotes(h, where, longestPhrase, budget),
      ...(versionChords ? { chords: versionChords } : {}),
      origin: readOrigin(h, where),
      at: timestamp(h, 'at', `${where} time`),
    };
  });
  const phrase: Phrase = {
    id: id(p, 'id', `${what} id`),
    name,
    color,
    bars,
    notes,
    ...(chords ? { chords } : {}),
    origin: readOrigin(p, what),
    history,
  };
  if (get(p, 'updatedAt') !== undefined) phrase.updatedAt = timestamp(p, 'updatedAt', `${what} time`);
  return phrase;
}

function readTimeSignature(song: Rec): TimeSignature {
  const t = record(get(song, 'timeSignature'), 'the time signature');
  const beats = integer(t, 'beats', 'beats per bar', VALIDATION_LIMITS.beats.min, VALIDATION_LIMITS.beats.max);
  const beatUnit = get(t, 'beatUnit');
  if (!(VALIDATION_LIMITS.beatUnits as readonly unknown[]).includes(beatUnit)) {
    fail(`the beat unit must be one of ${VALIDATION_LIMITS.beatUnits.join(', ')}`);
  }
  return { beats, beatUnit: beatUnit as number };
}

function readKey(song: Rec): KeySignature {
  const k = record(get(song, 'key'), 'the key');
  const tonic = text(k, 'tonic', 'the key tonic', 3);
  if (!isKeyTonic(tonic)) {
    fail(`the key tonic must be a note name such as C, F# or Bb`);
  }
  return { tonic, scale: oneOf<ScaleName>(k, 'scale', 'the scale', SCALE_NAMES) };
}

function readInstruments(song: Rec): InstrumentSettings {
  const i = record(get(song, 'instruments'), 'the instruments');
  const { min, max } = VALIDATION_LIMITS.volume;
  const flag = (key: string, what: string): boolean => {
    const value = get(i, key);
    if (typeof value !== 'boolean') fail(`${what} must be true or false`);
    return value;
  };
  return {
    melody: oneOf(i, 'melody', 'the melody instrument', INSTRUMENT_IDS),
    chords: oneOf(i, 'chords', 'the chords instrument', INSTRUMENT_IDS),
    melodyVolume: number(i, 'melodyVolume', 'the melody volume', min, max, ' dB'),
    chordsVolume: number(i, 'chordsVolume', 'the chords volume', min, max, ' dB'),
    melodyMuted: flag('melodyMuted', 'melody muted'),
    chordsMuted: flag('chordsMuted', 'chords muted'),
  };
}

function readStyle(song: Rec): { style?: string } {
  const style = get(song, 'style');
  if (style === undefined) return {};
  if (typeof style !== 'string' || !STYLE_ID.test(style)) fail('the style must be a short id such as folk or pop');
  return { style };
}

function readSong(value: unknown): Song {
  const s = record(value, 'a song');
  const schemaVersion = get(s, 'schemaVersion');
  if (typeof schemaVersion === 'number' && schemaVersion > SONG_SCHEMA_VERSION) {
    fail(
      `this song was saved by a newer Phrasewright (format ${schemaVersion}); this one reads format ${SONG_SCHEMA_VERSION}`,
    );
  }
  if (schemaVersion !== SONG_SCHEMA_VERSION) fail(`the song format version must be ${SONG_SCHEMA_VERSION}`);
  const timeSignature = readTimeSignature(s);
  const budget = new NoteBudget();
  const rawPhrases = list(s, 'phrases', 'the phrases', VALIDATION_LIMITS.phrases);
  if (rawPhrases.length === 0) fail('a song needs at least one phrase');
  const phrases = rawPhrases.map((p, i) => readPhrase(p, i, timeSignature, budget));
  const phraseIds = new Set<string>();
  for (const p of phrases) {
    if (phraseIds.has(p.id)) fail(`two phrases share the id ${JSON.stringify(p.id)}`);
    phraseIds.add(p.id);
  }
  const sectionIds = new Set<string>();
  const arrangement = list(s, 'arrangement', 'the arrangement', VALIDATION_LIMITS.sections).map((v, i): Section => {
    const what = `section ${i + 1} of the arrangement`;
    const a = record(v, what);
    const section: Section = {
      id: id(a, 'id', `${what} id`),
      phraseId: id(a, 'phraseId', `${what} phrase`),
      repeats: integer(a, 'repeats', `${what} repeats`, LIMITS.repeats.min, LIMITS.repeats.max),
      transpose: integer(
        a,
        'transpose',
        `${what} transposition`,
        LIMITS.transpose.min,
        LIMITS.transpose.max,
        ' semitones',
      ),
    };
    if (!phraseIds.has(section.phraseId)) fail(`${what} refers to a phrase that is not in the song`);
    if (sectionIds.has(section.id)) fail(`two sections share the id ${JSON.stringify(section.id)}`);
    sectionIds.add(section.id);
    return section;
  });
  const rawIdeas = get(s, 'ideas');
  const ideas = rawIdeas === undefined ? undefined : readIdeaCounts(rawIdeas);
  if (typeof ideas === 'string') fail(ideas);
  return {
    schemaVersion: SONG_SCHEMA_VERSION,
    id: id(s, 'id', 'the song id'),
    title: text(s, 'title', 'the title', VALIDATION_LIMITS.titleLength),
    tempo: number(s, 'tempo', 'tempo', LIMITS.tempo.min, LIMITS.tempo.max, ' BPM'),
    swing: number(s, 'swing', 'swing', LIMITS.swing.min, LIMITS.swing.max),
    timeSignature,
    key: readKey(s),
    phrases,
    arrangement,
    instruments: readInstruments(s),
    ...(ideas ? { ideas } : {}),
    ...readStyle(s),
    createdAt: timestamp(s, 'createdAt', 'the creation time'),
    updatedAt: timestamp(s, 'updatedAt', 'the last change time'),
  };
}

/**
 * Checks that `value` is a well-formed Song and returns a clean copy, or the first problem in plain
 * words, e.g. { ok: false, reason: "tempo must be between 40 and 240 BPM" }.
 */
export function validateSong(value: unknown): SongValidation {
  try {
    return { ok: true, song: readSong(value) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    // Getters or proxies in hostile input can throw anything; refuse rather than crash.
    return { ok: false, reason: 'the song could not be read' };
  }
}
