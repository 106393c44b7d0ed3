import { normalizeMonophonic } from './edit';
import { pitchClass } from './pitch';
import { nearestInScale, scalePitchClasses } from './scale';
import { LIMITS, type KeySignature, type MidiPitch, type Note, type Steps } from './types';

/**
 * Melodic transforms. Each is pure and returns normalised monophonic notes. A pitch pushed outside the
 * piano (LIMITS.pitch) folds back by octaves rather than clamping, so the melody's shape survives.
 */

/** Moves a pitch by octaves until it lies within LIMITS.pitch. */
export function foldIntoRange(pitch: MidiPitch): MidiPitch {
  let p = Math.round(pitch);
  while (p > LIMITS.pitch.max) p -= 12;
  while (p < LIMITS.pitch.min) p += 12;
  return p;
}

function mapPitches(notes: readonly Note[], fn: (pitch: MidiPitch) => MidiPitch): Note[] {
  // Infinity: these transforms never move notes in time, so no phrase length is needed to normalise.
  return normalizeMonophonic(
    notes.map((n) => ({ ...n, pitch: foldIntoRange(fn(n.pitch)) })),
    Number.POSITIVE_INFINITY,
  );
}

/** Every note moved by `semitones` (chromatically). */
export function transpose(notes: readonly Note[], semitones: number): Note[] {
  return mapPitches(notes, (p) => p + semitones);
}

/** Every note moved by `n` octaves. */
export function octave(notes: readonly Note[], n: number): Note[] {
  return transpose(notes, 12 * n);
}

/**
 * Every note moved by `degrees` steps of the key's scale (C major, +2: C→E, B→D). A note outside the
 * scale moves with the scale note just below it and keeps its chromatic offset from it.
 */
export function transposeInScale(notes: readonly Note[], degrees: number, key: KeySignature): Note[] {
  const ascending = [...scalePitchClasses(key)].sort((a, b) => a - b);
  const n = ascending.length;
  if (n === 0) return transpose(notes, 0);
  return mapPitches(notes, (pitch) => {
    let anchor = pitch;
    while (!ascending.includes(pitchClass(anchor))) anchor -= 1;
    const octaveIndex = Math.floor(anchor / 12);
    const target = octaveIndex * n + ascending.indexOf(pitchClass(anchor)) + Math.round(degrees);
    const targetOctave = Math.floor(target / n);
    const targetPitch = targetOctave * 12 + ascending[target - targetOctave * n];
    return targetPitch + (pitch - anchor);
  });
}

/** Mirrors every pitch around `axis` (default: the first note's pitch), so rising lines fall. */
export function invert(notes: readonly Note[], axis?: MidiPitch): Note[] {
  if (notes.length === 0) return [];
  const pivot = axis ?? [...notes].sort((a, b) => a.start - b.start)[0].pitch;
  return mapPitches(notes, (p) => 2 * pivot - p);
}

/** The melody backwards: each note ends where it started from the phrase end. */
export function retrograde(notes: readonly Note[], totalSteps: Steps): Note[] {
  const clean = normalizeMonophonic(notes, totalSteps);
  return normalizeMonophonic(
    clean.map((n) => ({ ...n, start: totalSteps - (n.start + n.length) })),
    totalSteps,
  );
}

/**
 * Every note moved `steps` later (negative: earlier), rotating around the phrase end so no note is lost:
 * what leaves at the end comes back at the start. A note left straddling the end is cut there.
 */
export function shiftInTime(notes: readonly Note[], steps: Steps, totalSteps: Steps): Note[] {
  if (totalSteps < 1) return [];
  const shift = Math.round(steps);
  return normalizeMonophonic(
    notes.map((n) => ({ ...n, start: (((n.start + shift) % totalSteps) + totalSteps) % totalSteps })),
    totalSteps,
  );
}

/** Every note outside the key's scale moved to the nearest scale pitch (ties go down). */
export function fitToScale(notes: readonly Note[], key: KeySignature): Note[] {
  return mapPitches(notes, (p) => nearestInScale(p, key));
}
