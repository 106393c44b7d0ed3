/** A training tune: melody events and the chord sounding at every step, on the sixteenth grid. */
import type { GridChord } from './chordSymbols';

export interface Tune {
  /** File base name (also the split key). */
  name: string;
  /** One event per step: HOLD, RELEASE or a MIDI pitch (see corpus/melodyEvents.ts). */
  events: Int16Array;
  /** Chord per step (same length as events); NO_CHORD where the file has none. */
  chords: GridChord[];
  /** Whether the file had a chord track at all. */
  hasChords: boolean;
  /** Sixteenths per bar from the first time signature (16 for 4/4, 12 for 6/8). */
  stepsPerBar: number;
  /** Melody notes that did not start within a tenth of a step of the sixteenth grid. */
  offGridNotes: number;
  melodyNotes: number;
  /** Annotated keys (POP909's key_audio.txt), each from its first step; absent for plain MIDI files. */
  keys?: TuneKey[];
}

/** A key from step `start` on: tonic pitch class (0 = C) and mode. */
export interface TuneKey {
  start: number;
  tonic: number;
  mode: 'major' | 'minor';
}

/**
 * The first step of the tune's opening bar: the first bar line with a note on its downbeat (0 when none). A
 * pickup before it is not where the tune's phrases count from; the app's phrases and the eval's primers start
 * on such a bar.
 */
export function openingBarStep(tune: Pick<Tune, 'events' | 'stepsPerBar'>): number {
  for (let start = 0; start < tune.events.length; start += tune.stepsPerBar) if (tune.events[start] >= 0) return start;
  return 0;
}
