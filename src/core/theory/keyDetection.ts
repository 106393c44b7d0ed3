import { pitchClass } from '../pitch';
import { KEY_TONICS } from '../scale';
import type { KeySignature, Note } from '../types';

/**
 * Key finding for imported melodies (Krumhansl–Schmuckler): a duration-weighted pitch-class histogram is
 * correlated with the Krumhansl–Kessler major and minor key profiles rotated to each of the twelve tonics;
 * the best correlation names the key.
 */

// Krumhansl & Kessler (1982) probe-tone ratings, tonic first.
const MAJOR_PROFILE = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
const MINOR_PROFILE = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

export interface KeyGuess {
  key: KeySignature;
  /** Pearson correlation of the melody with the key's profile, -1..1. */
  correlation: number;
  /** How far ahead of the runner-up the best key is (0 = a tie). */
  margin: number;
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

/** Pitch-class weights of a melody: each note counts its length in steps. */
export function pitchClassHistogram(notes: readonly Note[]): number[] {
  const histogram = new Array<number>(12).fill(0);
  for (const n of notes) histogram[pitchClass(n.pitch)] += Math.max(1, n.length);
  return histogram;
}

/**
 * The major or minor key a melody most likely is in, or null when there are too few distinct pitches to say.
 * @example detectKey(notes of "Twinkle" in G) → { key: { tonic: 'G', scale: 'major' }, ... }
 */
export function detectKey(notes: readonly Note[]): KeyGuess | null {
  const histogram = pitchClassHistogram(notes);
  if (histogram.filter((w) => w > 0).length < 3) return null;
  const scored: { key: KeySignature; correlation: number }[] = [];
  for (let tonic = 0; tonic < 12; tonic++) {
    scored.push({ key: { tonic: KEY_TONICS[tonic], scale: 'major' }, correlation: correlate(histogram, MAJOR_PROFILE, tonic) });
    scored.push({ key: { tonic: KEY_TONICS[tonic], scale: 'minor' }, correlation: correlate(histogram, MINOR_PROFILE, tonic) });
  }
  scored.sort((a, b) => b.correlation - a.correlation);
  return { ...scored[0], margin: scored[0].correlation - scored[1].correlation };
}

/** True when a guess is worth offering: clear enough and different from the song's key. */
export function worthOffering(guess: KeyGuess | null, current: KeySignature, minCorrelation = 0.6): guess is KeyGuess {
  if (!guess || guess.correlation < minCorrelation) return false;
  const same = guess.key.tonic === current.tonic && (guess.key.scale === current.scale || (guess.key.scale === 'major' && current.scale === 'major pentatonic'));
  return !same;
}
