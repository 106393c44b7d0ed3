/**
 * Musical statistics of phrases, to compare generated continuations with the real ones: pitch-class
 * histogram, share of notes in the tune's key, notes per bar, and how often a bar repeats an earlier one.
 */
import { HOLD } from '../corpus/melodyEvents';

const MAJOR = [0, 2, 4, 5, 7, 9, 11];

/** Normalised 12-bin histogram of note-on pitch classes over all phrases. */
export function pitchClassHistogram(phrases: ArrayLike<number>[]): number[] {
  const h = new Array<number>(12).fill(0);
  let n = 0;
  for (const p of phrases) {
    for (let i = 0; i < p.length; i++) {
      if (p[i] >= 0) {
        h[p[i] % 12]++;
        n++;
      }
    }
  }
  return h.map((c) => c / Math.max(n, 1));
}

/** L1 distance between two normalised histograms (0 = identical, 2 = disjoint). */
export function histogramDistance(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0);
}

/** The diatonic collection (by major tonic pitch class) containing most of a tune's notes. */
export function diatonicKey(events: ArrayLike<number>): number {
  const h = pitchClassHistogram([events]);
  let best = 0;
  let bestShare = -1;
  for (let tonic = 0; tonic < 12; tonic++) {
    const share = MAJOR.reduce((s, d) => s + h[(tonic + d) % 12], 0);
    if (share > bestShare) {
      bestShare = share;
      best = tonic;
    }
  }
  return best;
}

export interface PhraseStats {
  inKey: number;
  notesPerBar: number;
  repeatedBars: number;
}

/**
 * Statistics of phrases, each with the key of the tune it came from and its bar length: share of note-ons
 * in that key's diatonic collection, note-ons per bar, and the share of bars (after the first) identical
 * to an earlier bar of the same phrase, ignoring bars that are one held note or silence.
 */
export function phraseStats(phrases: { events: ArrayLike<number>; key: number; stepsPerBar: number }[]): PhraseStats {
  let notes = 0;
  let inKey = 0;
  let bars = 0;
  let repeatable = 0;
  let repeated = 0;
  for (const p of phrases) {
    const scale = new Set(MAJOR.map((d) => (p.key + d) % 12));
    const seen = new Set<string>();
    for (let start = 0; start + p.stepsPerBar <= p.events.length; start += p.stepsPerBar) {
      const bar = Array.from(p.events).slice(start, start + p.stepsPerBar);
      const onsets = bar.filter((e) => e >= 0);
      notes += onsets.length;
      inKey += onsets.filter((e) => scale.has(e % 12)).length;
      bars++;
      if (onsets.length < 2 && bar.every((e, i) => i === 0 || e === HOLD)) continue;
      const key = bar.join(',');
      if (seen.size > 0) {
        repeatable++;
        if (seen.has(key)) repeated++;
      }
      seen.add(key);
    }
  }
  return { inKey: inKey / Math.max(notes, 1), notesPerBar: notes / Math.max(bars, 1), repeatedBars: repeated / Math.max(repeatable, 1) };
}
