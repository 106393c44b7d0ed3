import { createPhrase, createSong } from '../../../src/core/song';
import type { Note, Phrase, Section, Song } from '../../../src/core/types';

/** Deterministic ids so tests can name phrases and sections. */
function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A phrase "A" (id "a") of `bars` bars holding `notes` (each one step long at velocity 100 unless given). */
export function phraseWith(notes: Partial<Note>[], bars = 1, id = 'a'): Phrase {
  const phrase = createPhrase('A', bars, { now: 0, newId: () => id });
  return {
    ...phrase,
    notes: notes.map((n) => ({ pitch: 60, start: 0, length: 1, velocity: 100, ...n })),
  };
}

/** A 4/4 song at `tempo` (straight unless `swing`) holding the given phrases and arrangement. */
export function songWith(phrases: Phrase[], init: Partial<Song> = {}, arrangement?: Section[]): Song {
  return createSong(
    { tempo: 120, swing: 0, ...init, phrases, arrangement: arrangement ?? [{ id: 's1', phraseId: phrases[0].id, repeats: 1, transpose: 0 }] },
    { now: 0, newId: counter('id') },
  );
}

export const loopA = { kind: 'phrase', phraseId: 'a' } as const;
