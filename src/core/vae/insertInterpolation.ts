import { markAll } from '../authorship';
import { phraseColorFor } from '../song';
import { VALIDATION_LIMITS } from '../validate';
import type { Note, Phrase, PhraseOrigin, Section, Song } from '../types';

/**
 * Putting an interpolation into the song: the in-between phrases become new phrases of the library (right
 * after the first end) and new sections of the arrangement between a section of the first end and the
 * section of the second that follows it. The model wrote their notes, so they are authored 'model'. Pure: the
 * store makes it one undoable change.
 */

/** One in-between phrase as the model made it. */
export interface InBetween {
  notes: Note[];
  bars: number;
}

/**
 * Where the in-between sections go: right after a section of `fromId` that is directly followed by a
 * section of `toId`; else after the first section of `fromId`; else before the first section of `toId`;
 * else at the end.
 */
export function interpolationInsertIndex(arrangement: readonly Section[], fromId: string, toId: string): number {
  const adjacent = arrangement.findIndex((s, i) => s.phraseId === fromId && arrangement[i + 1]?.phraseId === toId);
  if (adjacent >= 0) return adjacent + 1;
  const from = arrangement.findIndex((s) => s.phraseId === fromId);
  if (from >= 0) return from + 1;
  const to = arrangement.findIndex((s) => s.phraseId === toId);
  return to >= 0 ? to : arrangement.length;
}

/** A name not yet used in the song, at most `max` characters. */
function uniqueName(base: string, taken: Set<string>, max: number): string {
  const trimmed = base.slice(0, max);
  if (!taken.has(trimmed)) return trimmed;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, max - suffix.length) + suffix;
    if (!taken.has(name)) return name;
  }
}

export interface InsertOptions {
  newId: () => string;
  now: number;
  /** Model id, for the phrases' origin. */
  modelId: string;
}

/** Why the in-betweens cannot go in, or null: the song's phrase or section limits. */
export function insertProblem(song: Song, count: number): string | null {
  if (song.phrases.length + count > VALIDATION_LIMITS.phrases)
    return `The song can hold ${VALIDATION_LIMITS.phrases} phrases; delete some first`;
  if (song.arrangement.length + count > VALIDATION_LIMITS.sections)
    return `The arrangement can hold ${VALIDATION_LIMITS.sections} sections; delete some first`;
  return null;
}

/**
 * The song with the in-betweens added as phrases named "<from>→<to> i" and as sections between the two
 * ends (see interpolationInsertIndex). Returns the song unchanged when an end is missing or a limit is hit.
 */
export function insertInterpolation(
  song: Song,
  fromId: string,
  toId: string,
  made: readonly InBetween[],
  o: InsertOptions,
): Song {
  const from = song.phrases.find((p) => p.id === fromId);
  const to = song.phrases.find((p) => p.id === toId);
  if (!from || !to || made.length === 0 || insertProblem(song, made.length)) return song;
  const taken = new Set(song.phrases.map((p) => p.name));
  const phrases: Phrase[] = made.map((m, i) => {
    const name = uniqueName(`${from.name}→${to.name} ${i + 1}`, taken, VALIDATION_LIMITS.nameLength);
    taken.add(name);
    const origin: PhraseOrigin = {
      kind: 'proposed',
      modelId: o.modelId,
      action: `interpolation ${i + 1} of ${made.length} from ${from.name} to ${to.name}`,
      constraints: { steps: made.length },
    };
    return {
      id: o.newId(),
      name,
      color: phraseColorFor(name),
      bars: m.bars,
      notes: markAll(m.notes, 'model'),
      origin,
      history: [],
      updatedAt: o.now,
    };
  });
  const sections: Section[] = phrases.map((p) => ({ id: o.newId(), phraseId: p.id, repeats: 1, transpose: 0 }));
  const library = song.phrases.slice();
  library.splice(library.indexOf(from) + 1, 0, ...phrases);
  const arrangement = song.arrangement.slice();
  arrangement.splice(interpolationInsertIndex(arrangement, fromId, toId), 0, ...sections);
  return { ...song, phrases: library, arrangement };
}
