import { pitchClass } from '../pitch';
import type { KeySignature, Note, Steps } from '../types';

/**
 * Key finding for melodies (imported tunes above all). A duration-weighted pitch-class histogram is
 * correlated with Temperley's major and minor key profiles (from the Kostka-Payne harmony textbook corpus)
 * rotated to each of the twelve tonics, plus two things a musician hears at once: how much of the melody
 * sits inside the key's scale, and whether the tune ends on the tonic.
 *
 * Measured with `npm run measure:keys` on the 930 folk tunes of the Nottingham corpus (key signatures in
 * the files): the Krumhansl-Kessler profiles this started with named 80.0% of the tunes as their key
 * signature does; this names 93.5%. Krumhansl-Kessler rates the fourth and the minor third high in major
 * keys, so a plain C major tune with many Fs read as F major; Temperley's profiles do not.
 */

// Temperley (1999, "What's key for key?"), tonic first.
const MAJOR_PROFILE = [5, 2, 3.5, 2, 4.5, 4, 2, 4.5, 2, 3.5, 1.5, 4];
const MINOR_PROFILE = [5, 2, 3.5, 4.5, 2, 4, 2, 4.5, 3.5, 2, 1.5, 4];
const DIATONIC = [0, 2, 4, 5, 7, 9, 11];
/** Weight of "the notes sit in the key's scale" (a share, 0..1) against the correlation (-1..1). */
const IN_SCALE_WEIGHT = 1;
/** Bonus for a key whose tonic the melody ends on. */
const ENDS_ON_TONIC_BONUS = 0.1;

/** Tonics spelled as key signatures write them: flats for major keys, sharps for minor ones where usual. */
const MAJOR_TONICS = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
const MINOR_TONICS = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'G#', 'A', 'Bb', 'B'];

export interface KeyGuess {
  key: KeySignature;
  /** Pearson correlation of the melody with the key's profile, -1..1. */
  correlation: number;
  /** How far ahead of the runner-up the best key's score is (0 = a tie). */
  margin: number;
}

export interface KeyDetectionOptions {
  /** Only notes starting before this step count (e.g. up to the file's first key change). */
  until?: Steps;
}

function correlate(histogram: readonly number[], profile: readonly number[], tonic: number): number {
  const n = 12;
  const meanH = histogram.reduce((a, b) => a + b, 0) / n;
  const meanP = profile.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let dh = 0;
  let dp = 0;
  for (let pc = 0; pc < n; pc++) {
    const h = histogram[pc] - meanH;
    const p = profile[(pc - tonic + n) % n] - meanP;
    num += h * p;
    dh += h * h;
    dp += p * p;
  }
  return dh === 0 || dp === 0 ? 0 : num / Math.sqrt(dh * dp);
}

/** Share of the histogram's weight inside the diatonic scale whose major tonic is `majorTonic`. */
function inScaleShare(histogram: readonly number[], majorTonic: number): number {
  let inside = 0;
  let total = 0;
  for (let pc = 0; pc < 12; pc++) {
    total += histogram[pc];
    if (DIATONIC.includes((pc - majorTonic + 12) % 12)) inside += histogram[pc];
  }
  return total === 0 ? 0 : inside / total;
}

/** Pitch-class weights of a melody: each note counts its length in steps. */
export function pitchClassHistogram(notes: readonly Note[]): number[] {
  const histogram = new Array<number>(12).fill(0);
  for (const n of notes) histogram[pitchClass(n.pitch)] += Math.max(1, n.length);
  return histogram;
}

/** The key's name for people: "E-flat minor", "F-sharp major". */
export function keyName(key: KeySignature): string {
  const tonic = key.tonic.replace(/^([A-G])b$/, '$1-flat').replace(/^([A-G])#$/, '$1-sharp');
  return `${tonic} ${key.scale}`;
}

/** A key with its score: the profile correlation plus the in-scale share and the ending bonus. */
export interface ScoredKey {
  key: KeySignature;
  correlation: number;
  score: number;
}

/**
 * All 24 major and minor keys scored for a melody, best first; [] when there are too few distinct
 * pitches (fewer than three) to say.
 */
export function rankKeys(notes: readonly Note[], options: KeyDetectionOptions = {}): ScoredKey[] {
  const counted = options.until === undefined ? notes : notes.filter((n) => n.start < (options.until as number));
  const histogram = pitchClassHistogram(counted);
  if (histogram.filter((w) => w > 0).length < 3) return [];
  let last: Note | undefined;
  for (const n of notes) if (!last || n.start >= last.start) last = n;
  const finalPitchClass = last ? pitchClass(last.pitch) : -1;
  const scored: ScoredKey[] = [];
  for (let tonic = 0; tonic < 12; tonic++) {
    for (const minor of [false, true]) {
      const correlation = correlate(histogram, minor ? MINOR_PROFILE : MAJOR_PROFILE, tonic);
      const majorTonic = minor ? (tonic + 3) % 12 : tonic;
      const score =
        correlation +
        IN_SCALE_WEIGHT * inScaleShare(histogram, majorTonic) +
        (finalPitchClass === tonic ? ENDS_ON_TONIC_BONUS : 0);
      const key: KeySignature = minor
        ? { tonic: MINOR_TONICS[tonic], scale: 'minor' }
        : { tonic: MAJOR_TONICS[tonic], scale: 'major' };
      scored.push({ key, correlation, score });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * The major or minor key a melody most likely is in, or null when there are too few distinct pitches to say.
 * @example detectKey(notes of "Twinkle" in G) → { key: { tonic: 'G', scale: 'major' }, ... }
 */
export function detectKey(notes: readonly Note[], options: KeyDetectionOptions = {}): KeyGuess | null {
  const [best, runnerUp] = rankKeys(notes, options);
  if (!best) return null;
  return { key: best.key, correlation: best.correlation, margin: best.score - runnerUp.score };
}

/** True when a guess is worth offering: clear enough and different from the song's key. */
export function worthOffering(guess: KeyGuess | null, current: KeySignature, minCorrelation = 0.6): guess is KeyGuess {
  if (!guess || guess.correlation < minCorrelation) return false;
  const same =
    sameTonic(guess.key, current) &&
    (guess.key.scale === current.scale || (guess.key.scale === 'major' && current.scale === 'major pentatonic'));
  return !same;
}

const CHROMA: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** The pitch class of a tonic name ("C#" → 1, "Db" → 1), or -1 for a name that is not one. */
export function tonicPitchClass(tonic: string): number {
  const match = /^([A-G])(#{1,2}|b{1,2})?$/.exec(tonic);
  if (!match) return -1;
  const shift = (match[2] ?? '').split('').reduce((s, c) => s + (c === '#' ? 1 : -1), 0);
  return (CHROMA[match[1]] + shift + 12) % 12;
}

/** True when two keys have the same tonic pitch class (C# and Db are the same tonic). */
export function sameTonic(a: KeySignature, b: KeySignature): boolean {
  return tonicPitchClass(a.tonic) === tonicPitchClass(b.tonic);
}
