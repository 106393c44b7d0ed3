import { stepsPerBar, stepsPerBeat } from './meter';
import { LIMITS, type Bpm, type Seconds, type Steps, type TimeSignature } from './types';

/**
 * Steps <-> seconds at a tempo with swing, and steps <-> bar/beat positions. Swing works on pairs of
 * sixteenths: the odd (off-beat) sixteenth of each pair is delayed by `swing * stepSeconds / 3`, so swing 1
 * splits an eighth 2:1, a triplet feel. The even sixteenth never moves, so beats stay on the grid.
 */

export const DEFAULT_TEMPO: Bpm = 110;

/** Seconds one sixteenth lasts at a tempo (60 / bpm / 4). */
export function stepSeconds(tempo: Bpm): Seconds {
  return 60 / tempo / 4;
}

function swingDelayFraction(swing: number): number {
  return Math.min(Math.max(swing, 0), 1) / 3;
}

/** Onset of a whole step (integer) in seconds from step 0. */
function onsetOfStep(step: number, tempo: Bpm, swing: number): Seconds {
  const sec = stepSeconds(tempo);
  const isOdd = ((step % 2) + 2) % 2 === 1;
  return step * sec + (isOdd ? swingDelayFraction(swing) * sec : 0);
}

/**
 * Seconds from step 0 to `step` at `tempo` with `swing` (0..1). Fractional steps interpolate linearly
 * between the swung onsets of the steps around them, e.g. stepToSeconds(1, 120, 1) = 0.125 * 4/3.
 */
export function stepToSeconds(step: Steps, tempo: Bpm, swing: number): Seconds {
  const whole = Math.floor(step);
  const fraction = step - whole;
  const start = onsetOfStep(whole, tempo, swing);
  if (fraction === 0) return start;
  return start + fraction * (onsetOfStep(whole + 1, tempo, swing) - start);
}

/** The exact inverse of stepToSeconds: the (fractional) step sounding `seconds` after step 0. */
export function secondsToStep(seconds: Seconds, tempo: Bpm, swing: number): Steps {
  const sec = stepSeconds(tempo);
  const pair = Math.floor(seconds / (2 * sec));
  const inPair = seconds - pair * 2 * sec;
  const firstLength = sec * (1 + swingDelayFraction(swing));
  if (inPair < firstLength) return 2 * pair + inPair / firstLength;
  return 2 * pair + 1 + (inPair - firstLength) / (2 * sec - firstLength);
}

/** A position in musical terms, all 1-based: bar 1 beat 1 sixteenth 1 is step 0. */
export interface BarBeat {
  bar: number;
  beat: number;
  /** Sixteenth inside the beat (1..stepsPerBeat). */
  sixteenth: number;
}

/** Bar/beat/sixteenth (1-based) of a step; fractional steps count as the step they fall in. */
export function stepToBarBeat(step: Steps, ts: TimeSignature): BarBeat {
  const whole = Math.floor(step);
  const perBar = stepsPerBar(ts);
  const perBeat = stepsPerBeat(ts);
  const bar = Math.floor(whole / perBar);
  const inBar = whole - bar * perBar;
  return {
    bar: bar + 1,
    beat: Math.floor(inBar / perBeat) + 1,
    sixteenth: (inBar % perBeat) + 1,
  };
}

/** Step of a 1-based bar/beat/sixteenth position (sixteenth defaults to 1). */
export function barBeatToStep(pos: { bar: number; beat?: number; sixteenth?: number }, ts: TimeSignature): Steps {
  const { bar, beat = 1, sixteenth = 1 } = pos;
  return (bar - 1) * stepsPerBar(ts) + (beat - 1) * stepsPerBeat(ts) + (sixteenth - 1);
}

/** Keeps a tempo inside LIMITS.tempo (40-240 BPM); a value that is not a number gives the default 110. */
export function clampTempo(tempo: number): Bpm {
  if (!Number.isFinite(tempo)) return DEFAULT_TEMPO;
  return Math.min(Math.max(tempo, LIMITS.tempo.min), LIMITS.tempo.max);
}
