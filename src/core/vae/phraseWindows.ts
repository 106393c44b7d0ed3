import { decodeMelodyEvents, encodeMelodyEvents, type MelodyRange } from '../melodyEvents';
import { stepsPerBar } from '../meter';
import { LIMITS, type MidiPitch, type Note, type Steps, type TimeSignature } from '../types';

/**
 * Cutting a phrase into the MusicVAE's two-bar windows and putting decoded windows back together. A
 * phrase of any length is covered window by window (never truncated); a last odd bar is padded with rest
 * for the model and cut back to the phrase; a note across a window's end is cut at that bar line, so every
 * window starts on a bar line in the model as in the phrase. Each window is moved by whole octaves into the
 * model's pitch range and moved back after decoding.
 */

/** The model's bar: 16 sixteenths (4/4, or 2/2). */
export const VAE_STEPS_PER_BAR = 16;
export const VAE_WINDOW_BARS = 2;
export const VAE_WINDOW_STEPS: Steps = VAE_STEPS_PER_BAR * VAE_WINDOW_BARS;

/** Why the model cannot represent phrases in this meter, in plain words, or null when it can. */
export function vaeMeterProblem(ts: TimeSignature): string | null {
  if (stepsPerBar(ts) === VAE_STEPS_PER_BAR) return null;
  return `Similar and Interpolate know two bars of 4/4 only, and this song is in ${ts.beats}/${ts.beatUnit}`;
}

export interface PhraseWindow {
  /** First step of the window in the phrase. */
  start: Steps;
  /** How many of the window's steps lie inside the phrase (VAE_WINDOW_STEPS, or fewer for the last). */
  steps: Steps;
  /** The window as MelodyConverter classes, VAE_WINDOW_STEPS long, in the model's range. */
  events: Int32Array;
  /** Semitones (whole octaves) added to fit the model's range; decoding subtracts them. */
  shift: number;
  /** No note starts in the window. */
  empty: boolean;
}

/** The octave shift (preferring the smallest) that puts [low, high] inside the range, or null if none does. */
export function octaveShiftInto(low: MidiPitch, high: MidiPitch, range: MelodyRange): number | null {
  for (const k of [0, -1, 1, -2, 2, -3, 3, -4, 4]) {
    if (low + 12 * k >= range.minPitch && high + 12 * k <= range.maxPitch) return 12 * k;
  }
  return null;
}

/** Notes starting in [start, end), moved to start at 0 and cut at `end`. */
function notesIn(notes: readonly Note[], start: Steps, end: Steps): Note[] {
  return notes
    .filter((n) => n.start >= start && n.start < end)
    .map((n) => ({ ...n, start: n.start - start, length: Math.min(n.start + n.length, end) - n.start }));
}

/**
 * The windows of a phrase of `bars` bars (16 steps each). A window whose notes span more than the range
 * keeps its lowest note's octave placement and folds the rest note by note.
 * @example phraseWindows(notes, 3, { minPitch: 48, maxPitch: 83 }).map((w) => [w.start, w.steps]) // [[0, 32], [32, 16]]
 */
export function phraseWindows(notes: readonly Note[], bars: number, range: MelodyRange): PhraseWindow[] {
  const total = bars * VAE_STEPS_PER_BAR;
  const windows: PhraseWindow[] = [];
  for (let start = 0; start < total; start += VAE_WINDOW_STEPS) {
    const end = Math.min(start + VAE_WINDOW_STEPS, total);
    const inside = notesIn(notes, start, end);
    let shift = 0;
    if (inside.length > 0) {
      const low = Math.min(...inside.map((n) => n.pitch));
      const high = Math.max(...inside.map((n) => n.pitch));
      shift = octaveShiftInto(low, high, range) ?? 12 * Math.ceil((range.minPitch - low) / 12);
    }
    const moved = inside.map((n) => ({ ...n, pitch: n.pitch + shift }));
    windows.push({
      start,
      steps: end - start,
      events: encodeMelodyEvents(moved, VAE_WINDOW_STEPS, range, { fold: true }),
      shift,
      empty: inside.length === 0,
    });
  }
  return windows;
}

/** Moves a pitch by octaves into the piano's range (a shift back can overshoot it only at the extremes). */
function intoPiano(pitch: MidiPitch): MidiPitch {
  let p = pitch;
  while (p < LIMITS.pitch.min) p += 12;
  while (p > LIMITS.pitch.max) p -= 12;
  return p;
}

/**
 * A phrase's notes from one decoded window per window (same order as `windows`): each is cut to the
 * window's steps inside the phrase, moved back by its octave shift and placed at its start.
 */
export function notesFromWindows(
  decoded: readonly ArrayLike<number>[],
  windows: readonly PhraseWindow[],
  range: MelodyRange,
  velocity = 96,
): Note[] {
  const out: Note[] = [];
  windows.forEach((w, i) => {
    const events = Array.from(decoded[i]).slice(0, w.steps);
    for (const n of decodeMelodyEvents(events, range, velocity)) {
      out.push({ ...n, pitch: intoPiano(n.pitch - w.shift), start: n.start + w.start });
    }
  });
  return out;
}

/** Share of steps (0..1) whose events differ between two equally long event lists. */
export function stepDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let differ = 0;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) differ++;
  return differ / n;
}
