/** Hand-made melodies for the motif tests (echo steps, copy supervision): quarter notes on a 4/4 grid. */
import { NO_CHORD } from '../../../src/train/corpus/chordSymbols';
import { notesToEvents } from '../../../src/train/corpus/melodyEvents';
import type { Tune } from '../../../src/train/corpus/tune';

/** Quarter notes from step 0, one per pitch. */
export const quarters = (pitches: number[]) =>
  notesToEvents(pitches.map((pitch, i) => ({ pitch, start: i * 4, end: i * 4 + 4 })));

/** Bar 1: a motif; bar 2: something else; bar 3: the motif a fifth up; bar 4: new again. */
export const MOTIF_IN_BARS_1_AND_3 = quarters([60, 62, 64, 60, 72, 71, 69, 67, 67, 69, 71, 67, 65, 60, 72, 60]);

/** A chordless 4/4 tune of the given events. */
export function melodyTune(events: Int16Array): Tune {
  return {
    name: 't',
    events,
    chords: Array.from(events, () => NO_CHORD),
    hasChords: false,
    stepsPerBar: 16,
    offGridNotes: 0,
    melodyNotes: Array.from(events).filter((e) => e >= 0).length,
  };
}
