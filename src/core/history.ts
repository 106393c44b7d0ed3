import type { ChordEvent, Note, Phrase, PhraseOrigin } from './types';

/**
 * The version history of a phrase: each change pushes the state it replaces, with what made it, so a
 * teacher can follow how a melody grew and a musician can go back to any earlier take.
 */

/** History is capped so a long session cannot grow a phrase (and every autosave) without bound. */
export const MAX_PHRASE_VERSIONS = 200;

export interface PhraseState {
  notes: Note[];
  chords?: ChordEvent[];
  origin: PhraseOrigin;
}

function sameNote(a: Note, b: Note): boolean {
  // A change of author alone is a change too (see core/authorship).
  return (
    a.pitch === b.pitch && a.start === b.start && a.length === b.length && a.velocity === b.velocity && a.by === b.by
  );
}

function sameNotes(a: readonly Note[], b: readonly Note[]): boolean {
  return a.length === b.length && a.every((n, i) => sameNote(n, b[i]));
}

function sameChords(a: readonly ChordEvent[] = [], b: readonly ChordEvent[] = []): boolean {
  return a.length === b.length && a.every((c, i) => c.start === b[i].start && c.symbol === b[i].symbol);
}

/**
 * The phrase with `next` as its current state and the previous state appended to `history` (oldest
 * versions dropped beyond MAX_PHRASE_VERSIONS). Returns the same phrase when notes and chords are unchanged.
 */
export function commitVersion(phrase: Phrase, next: PhraseState, now: number): Phrase {
  const chordsChanged = next.chords !== undefined && !sameChords(phrase.chords, next.chords);
  if (sameNotes(phrase.notes, next.notes) && !chordsChanged) return phrase;
  const previous = {
    notes: phrase.notes,
    ...(phrase.chords ? { chords: phrase.chords } : {}),
    origin: phrase.origin,
    at: phrase.updatedAt ?? now,
  };
  const history = [...phrase.history, previous].slice(-MAX_PHRASE_VERSIONS);
  const chords = next.chords ?? phrase.chords;
  const { chords: _dropped, ...rest } = phrase;
  return {
    ...rest,
    ...(chords ? { chords } : {}),
    notes: next.notes,
    origin: next.origin,
    history,
    updatedAt: now,
  };
}

/**
 * Brings back version `index` of the history as the current state (origin 'restored'); the state it
 * replaces goes into history, so restoring is itself undoable from the history. An unknown index or a
 * version equal to the current state changes nothing.
 */
export function restoreVersion(phrase: Phrase, index: number, now: number): Phrase {
  const version = phrase.history[index];
  if (!version) return phrase;
  return commitVersion(
    phrase,
    {
      notes: version.notes,
      // A version without chords restores to no chords, even if chords were added since.
      chords: version.chords ?? (phrase.chords ? [] : undefined),
      origin: { kind: 'restored', action: `restore version ${index + 1}` },
    },
    now,
  );
}

export interface NoteDiff {
  added: Note[];
  removed: Note[];
  kept: Note[];
}

/**
 * What changed between two note lists. Notes match by pitch, start and length (velocity alone does not
 * make a different note); `kept` holds the notes as they are in `after`.
 */
export function diffNotes(before: readonly Note[], after: readonly Note[]): NoteDiff {
  const identity = (n: Note) => `${n.pitch}:${n.start}:${n.length}`;
  const unmatched = new Map<string, Note[]>();
  for (const n of before) unmatched.set(identity(n), [...(unmatched.get(identity(n)) ?? []), n]);
  const added: Note[] = [];
  const kept: Note[] = [];
  for (const n of after) {
    const pool = unmatched.get(identity(n));
    if (pool && pool.length > 0) {
      pool.shift();
      kept.push(n);
    } else added.push(n);
  }
  const removed = [...unmatched.values()].flat();
  return { added, removed, kept };
}
