import { QUALITY_CLASSES } from './chordClass';
import type { ChordPrior, KeyFamily } from './chordPrior';

/**
 * Which melody pitches sound over which chords, counted from the corpus: per key family and chord class
 * (chordClass.ts, in scale degrees), how many sixteenth steps the melody sounded each pitch class, also in
 * semitones above the key's tonic. "Suggest chords" adds it to the model's log-likelihood as a second opinion
 * on the melody: the chord-conditioned model knows the chord but leans on the melody's own past so much that
 * a bar of G-B-D barely tells it V from I; this table hears nothing but the chord against the notes.
 */

/** tones[chordClass][pc]: steps the melody sounded pitch class pc (above the tonic) over that chord class. */
export type ToneCounts = Record<string, number[]>;

/** Pseudo-counts of the back-off to the chord quality's shape (tones relative to its root, over all roots). */
const BACKOFF = 8;

export function isToneCounts(value: unknown): value is ToneCounts {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (row) => Array.isArray(row) && row.length === 12 && row.every((n) => typeof n === 'number' && n >= 0),
    )
  );
}

const classParts = (chordClass: string): [number, string] => {
  const [root, quality] = chordClass.split(':');
  return [Number(root), quality];
};

/** log P(a sounding melody step has pitch class pc | chord class), smoothed; flat without counts. */
export class ChordTones {
  private readonly counts: ToneCounts | null;
  /** Per quality: counts by pitch class above the chord's root, over every root (the back-off). */
  private readonly shapes = new Map<string, number[]>();
  private readonly cache = new Map<string, Float64Array>();

  constructor(prior: ChordPrior | null, family: KeyFamily) {
    const other: KeyFamily = family === 'major' ? 'minor' : 'major';
    this.counts = prior?.tones?.[family] ?? prior?.tones?.[other] ?? null;
    for (const [chordClass, row] of Object.entries(this.counts ?? {})) {
      const [root, quality] = classParts(chordClass);
      const shape = this.shapes.get(quality) ?? new Array<number>(12).fill(0);
      row.forEach((n, pc) => (shape[(pc - root + 12) % 12] += n));
      this.shapes.set(quality, shape);
    }
  }

  /** Whether there are counts to score by (without them every chord scores alike). */
  get known(): boolean {
    return this.counts !== null;
  }

  /** The twelve log-probabilities of the pitch classes (above the tonic) over a chord class. */
  logProbs(chordClass: string): Float64Array {
    const cached = this.cache.get(chordClass);
    if (cached) return cached;
    const out = new Float64Array(12);
    if (!this.counts) {
      out.fill(Math.log(1 / 12));
    } else {
      const [root, quality] = classParts(chordClass);
      const shape = this.shapes.get(quality) ?? this.shapes.get(QUALITY_CLASSES[0]) ?? new Array<number>(12).fill(0);
      const shapeTotal = shape.reduce((s, n) => s + n + 1, 0);
      const row = this.counts[chordClass] ?? new Array<number>(12).fill(0);
      const total = row.reduce((s, n) => s + n, 0);
      for (let pc = 0; pc < 12; pc++) {
        const backoff = (shape[(pc - root + 12) % 12] + 1) / shapeTotal;
        out[pc] = Math.log((row[pc] + BACKOFF * backoff) / (total + BACKOFF));
      }
    }
    this.cache.set(chordClass, out);
    return out;
  }
}
