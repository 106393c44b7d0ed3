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
