import { CHORD_CLASS_COUNT } from './chordClass';
import { isToneCounts, type ToneCounts } from './chordTones';

/**
 * The chord-transition prior: how often one chord class followed another in the training corpus, counted in
 * scale degrees (chordClass.ts) per key family (major-like and minor-like keys) and per slot length (one chord
 * a bar, or a half bar). The training side writes it as `chord_prior.json` beside a chord model's weights
 * (`npm run chord-prior`); the app reads it from there. Counts are stored raw and smoothed here, so the file
 * stays small and the smoothing can change without retraining anything.
 */

export type KeyFamily = 'major' | 'minor';
export type SlotLength = 'bar' | 'halfBar';

/** Counts for one key family and slot length. */
export interface TransitionCounts {
  /** First chord of a tune. */
  start: Record<string, number>;
  /** Last chord of a tune. */
  end: Record<string, number>;
  /** next[from][to]: chord `to` right after chord `from` (a repeated chord counts as a transition to itself). */
  next: Record<string, Record<string, number>>;
  /**
   * Half-bar slots only (optional: older files lack them): the transitions of `next` apart by place, from a
   * bar's first half to its second (`within`) and from a second half over the bar line (`across`). A chord is
   * far likelier to hold through its bar than over the bar line, and one table for both places makes a
   * half-bar search change chords mid-bar too often.
   */
  within?: Record<string, Record<string, number>>;
  across?: Record<string, Record<string, number>>;
}

/** Where a transition falls: inside a bar (half-bar slots), over a bar line, or not known. */
export type TransitionPlace = 'within' | 'across' | 'any';

export interface ChordPrior {
  format: 'phrasewright-chord-prior';
  version: 1;
  /** What it was counted from, for the model card. */
  source: { corpus: string; tunes: number };
  families: Partial<Record<KeyFamily, Partial<Record<SlotLength, TransitionCounts>>>>;
  /** Optional (older files lack it): the melody's pitch classes over each chord class (chordTones.ts). */
  tones?: Partial<Record<KeyFamily, ToneCounts>>;
}

/** Weight of the unigram back-off, in pseudo-counts (measured: 1-4 change root accuracy by < 1 point). */
const BACKOFF = 2;

const sum = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((s, n) => s + n, 0);

function isCounts(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
  );
}

/** A table of counts per "from" chord. */
function isTable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.values(value).every((row) => isCounts(row));
}

/** Checks a parsed chord_prior.json; throws an Error naming what is wrong. */
export function parseChordPrior(json: unknown): ChordPrior {
  const prior = json as Partial<ChordPrior> | null;
  if (!prior || prior.format !== 'phrasewright-chord-prior' || prior.version !== 1)
    throw new Error('not a phrasewright chord prior (format/version)');
  if (typeof prior.families !== 'object' || prior.families === null) throw new Error('chord prior has no families');
  for (const [family, slots] of Object.entries(prior.families)) {
    for (const [slot, counts] of Object.entries(slots ?? {})) {
      const c = counts as TransitionCounts;
      if (
        !isCounts(c?.start) ||
        !isCounts(c?.end) ||
        !isTable(c.next) ||
        (c.within !== undefined && !isTable(c.within)) ||
        (c.across !== undefined && !isTable(c.across))
      ) {
        throw new Error(`chord prior ${family}/${slot} counts are malformed`);
      }
    }
  }
  for (const [family, counts] of Object.entries(prior.tones ?? {})) {
    if (!isToneCounts(counts)) throw new Error(`chord prior tones of ${family} are malformed`);
  }
  return prior as ChordPrior;
}

/** The counts for a family and slot, falling back to the other slot length, then the other family. */
function countsFor(prior: ChordPrior, family: KeyFamily, slot: SlotLength): TransitionCounts | null {
  const other: KeyFamily = family === 'major' ? 'minor' : 'major';
  const otherSlot: SlotLength = slot === 'bar' ? 'halfBar' : 'bar';
  const f = prior.families;
  return f[family]?.[slot] ?? f[family]?.[otherSlot] ?? f[other]?.[slot] ?? f[other]?.[otherSlot] ?? null;
}

/** Scores chord-class sequences with the smoothed prior; a missing prior scores every sequence alike. */
export class TransitionPrior {
  private readonly counts: TransitionCounts | null;
  private readonly unigram = new Map<string, number>();
  private readonly unigramTotal: number;

  constructor(prior: ChordPrior | null, family: KeyFamily, slot: SlotLength) {
    this.counts = prior ? countsFor(prior, family, slot) : null;
    for (const row of Object.values(this.counts?.next ?? {})) {
      for (const [to, n] of Object.entries(row)) this.unigram.set(to, (this.unigram.get(to) ?? 0) + n);
    }
    this.unigramTotal = [...this.unigram.values()].reduce((s, n) => s + n, 0);
  }

  /** Add-one unigram probability of a class (never zero, so unseen chords stay possible). */
  private unigramProb(to: string): number {
    return ((this.unigram.get(to) ?? 0) + 1) / (this.unigramTotal + CHORD_CLASS_COUNT);
  }

  private smoothed(row: Record<string, number> | undefined, to: string): number {
    if (!this.counts) return 1 / CHORD_CLASS_COUNT;
    return ((row?.[to] ?? 0) + BACKOFF * this.unigramProb(to)) / (sum(row) + BACKOFF);
  }

  /** log P(first chord = to). */
  start(to: string): number {
    return Math.log(this.smoothed(this.counts?.start, to));
  }

  /** log P(to | from), from the table of the transition's place when the prior has one. */
  transition(from: string, to: string, place: TransitionPlace = 'any'): number {
    const table = place === 'any' ? undefined : this.counts?.[place];
    return Math.log(this.smoothed((table ?? this.counts?.next)?.[from], to));
  }

  /** log P(a tune ends on `last`) relative to how often the class occurs at all: the bonus of ending there. */
  end(last: string): number {
    if (!this.counts) return 0;
    return Math.log(this.smoothed(this.counts.end, last) / this.unigramProb(last));
  }
}
