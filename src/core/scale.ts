import { Note, Scale } from 'tonal';
import { pitchClass } from './pitch';
import { LIMITS, type KeySignature, type MidiPitch, type ScaleName } from './types';

/**
 * Keys and scales, with tonal doing the theory. Scale membership is asked for every grid row on every
 * render, so pitch-class sets are memoised per key.
 */

/** The twelve tonics offered in the Key input, spelled as their major keys are usually written. */
export const KEY_TONICS: readonly string[] = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

/** Every scale the Scale input offers; each is a tonal scale name. */
export const SCALE_NAMES: ScaleName[] = [
  'major',
  'minor',
  'dorian',
  'mixolydian',
  'lydian',
  'phrygian',
  'locrian',
  'harmonic minor',
  'melodic minor',
  'major pentatonic',
  'minor pentatonic',
  'blues',
  'chromatic',
];

const pitchClassCache = new Map<string, readonly number[]>();

/** A note letter with at most two sharps or flats: how a key's tonic is spelled. */
const TONIC_SPELLING = /^[A-G](?:#{1,2}|b{1,2})?$/;

/** Whether `tonic` can be a key's tonic ("C", "F#", "Bb", "Cbb"); the one rule for files, links and typing. */
export function isKeyTonic(tonic: string): boolean {
  return TONIC_SPELLING.test(tonic) && tonicChroma({ tonic, scale: 'major' }) !== null;
}

/** Chroma (0..11, C = 0) of the key's tonic, or null when the tonic is not a note name. */
export function tonicChroma(key: KeySignature): number | null {
  const chroma = Note.chroma(key.tonic);
  return typeof chroma === 'number' && Number.isFinite(chroma) ? chroma : null;
}

/** Pitch classes (0..11) of the key's scale in scale order from the tonic: C major → [0, 2, 4, 5, 7, 9, 11]. */
export function scalePitchClasses(key: KeySignature): readonly number[] {
  const cacheKey = `${key.tonic} ${key.scale}`;
  let pcs = pitchClassCache.get(cacheKey);
  if (!pcs) {
    const scale = Scale.get(cacheKey);
    pcs = scale.empty ? [] : scale.notes.map((n) => Note.chroma(n) as number);
    pitchClassCache.set(cacheKey, pcs);
  }
  return pcs;
}

/** True when the pitch belongs to the key's scale (any octave). */
export function isInScale(pitch: MidiPitch, key: KeySignature): boolean {
  return scalePitchClasses(key).includes(pitchClass(pitch));
}

/** True when the pitch is the key's tonic in any octave. */
export function isTonic(pitch: MidiPitch, key: KeySignature): boolean {
  return tonicChroma(key) === pitchClass(pitch);
}

/** 1-based scale degree of the pitch (tonic = 1), or null when it is outside the scale. */
export function scaleDegree(pitch: MidiPitch, key: KeySignature): number | null {
  const index = scalePitchClasses(key).indexOf(pitchClass(pitch));
  return index < 0 ? null : index + 1;
}

/** The grid's pitch window unless the musician or a wide candidate changes it: two octaves. */
export const DEFAULT_WINDOW_SEMITONES = 24;

/**
 * The grid's default rows: two octaves from the tonic between G3 and F#4 (C major → C4..C6, G → G3..G5,
 * A minor → A3..A5). That is the treble-staff melody register, where the shipped models also write (folk
 * tunes sit around D4..B5): a lower window made proposals pile up on its top row.
 */
export function defaultPitchRange(key: KeySignature): { low: MidiPitch; high: MidiPitch } {
  const chroma = tonicChroma(key) ?? 0;
  const low = Math.max(LIMITS.pitch.min, 55 + ((chroma - 7 + 12) % 12));
  const high = Math.min(LIMITS.pitch.max, low + DEFAULT_WINDOW_SEMITONES);
  return { low, high };
}

/** Keeps a [low, high] window of `size` rows inside the piano after moving it by `delta` semitones. */
export function shiftRange(
  low: MidiPitch,
  high: MidiPitch,
  delta: number,
  min: MidiPitch,
  max: MidiPitch,
): { low: MidiPitch; high: MidiPitch } {
  const size = high - low;
  const nextLow = Math.max(min, Math.min(max - size, low + delta));
  return { low: nextLow, high: nextLow + size };
}

/**
 * The grid's pitch window moved as little as possible so that it shows every given pitch: a previewed
 * candidate whose notes sit below the window would otherwise be drawn nowhere. The window keeps its size,
 * except for pitches that span more than it: then it grows to exactly their span (its rows get shorter), as a
 * candidate drawn in part would hide notes the musician is about to accept. The same object comes back when
 * nothing needs to move.
 */
export function windowShowing<R extends { low: MidiPitch; high: MidiPitch }>(
  range: R,
  pitches: readonly MidiPitch[],
): R | { low: MidiPitch; high: MidiPitch } {
  if (pitches.length === 0) return range;
  const lowest = Math.min(...pitches);
  const highest = Math.max(...pitches);
  if (lowest >= range.low && highest <= range.high) return range;
  const size = range.high - range.low;
  if (highest - lowest > size) return { low: lowest, high: highest };
  const wanted = lowest < range.low ? lowest : highest - size;
  return shiftRange(range.low, range.high, wanted - range.low, LIMITS.pitch.min, LIMITS.pitch.max);
}

/**
 * The given pitches the window does not show, split by side, so the grid can say where a phrase's other notes
 * are (an imported bass line or a high descant would otherwise be an empty grid).
 */
export function pitchesOutside(
  range: { low: MidiPitch; high: MidiPitch },
  pitches: readonly MidiPitch[],
): { above: MidiPitch[]; below: MidiPitch[] } {
  return { above: pitches.filter((p) => p > range.high), below: pitches.filter((p) => p < range.low) };
}

/** The pitch itself when in the scale, else the closest scale pitch; equal distances go down. */
export function nearestInScale(pitch: MidiPitch, key: KeySignature): MidiPitch {
  if (scalePitchClasses(key).length === 0) return pitch;
  for (let distance = 0; distance <= 12; distance++) {
    if (isInScale(pitch - distance, key)) return pitch - distance;
    if (isInScale(pitch + distance, key)) return pitch + distance;
  }
  return pitch;
}
