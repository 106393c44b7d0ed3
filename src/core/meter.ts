import type { Phrase, Steps, TimeSignature } from './types';

/**
 * Time signatures measured on the sixteenth-note grid. A beat is the note value of the denominator, so 6/8
 * has six eighth-note beats of two steps each; compound metres are not regrouped into dotted beats here
 * because the grid, the metronome and Magenta all count in sixteenths.
 */

/** Steps in one beat: x/4 → 4, x/8 → 2, x/2 → 8, x/16 → 1. */
export function stepsPerBeat(ts: TimeSignature): Steps {
  return 16 / ts.beatUnit;
}

/** Steps in one bar: 4/4 → 16, 3/4 → 12, 6/8 → 12, 2/2 → 16, 9/8 → 18. */
export function stepsPerBar(ts: TimeSignature): Steps {
  return ts.beats * stepsPerBeat(ts);
}

/** Length of a phrase in steps under the song's time signature. */
export function phraseSteps(phrase: Pick<Phrase, 'bars'>, ts: TimeSignature): Steps {
  return phrase.bars * stepsPerBar(ts);
}
