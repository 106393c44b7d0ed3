/**
 * Interpolated Kneser-Ney n-gram model over event classes, the baseline the RNN must beat. The highest
 * order uses raw counts, lower orders continuation counts (how many distinct tokens precede a context),
 * each with an absolute discount D = n1 / (n1 + 2 n2) from its count-of-counts, down to a uniform
 * distribution. Sequence starts are padded with a begin token that is never predicted.
 */

interface ContextRow {
  counts: Float64Array;
  total: number;
  types: number;
}

export class KneserNeyModel {
  private readonly levels: Map<string, ContextRow>[] = [];
  private readonly discounts: number[] = [];
  private readonly bos: number;

  /** Counts all n-grams up to `order` in `sequences` (class ids in 0..vocab-1). */
  constructor(
    readonly order: number,
    readonly vocab: number,
    sequences: ArrayLike<number>[],
  ) {
    this.bos = vocab;
    const top = new Map<string, ContextRow>();
    // Distinct k-grams per level, for continuation counts of the level below.
    for (const seq of sequences) {
      const padded = this.pad(seq);
      for (let i = order - 1; i < padded.length; i++) this.add(top, padded.slice(i - order + 1, i), padded[i], 1);
    }
    this.levels[order] = top;
    for (let k = order - 1; k >= 1; k--) {
      const level = new Map<string, ContextRow>();
      for (const [key, row] of this.levels[k + 1]) {
        const ctx = key === '' ? [] : key.split(',').map(Number);
        const shorter = ctx.slice(1);
        for (let w = 0; w < vocab; w++) if (row.counts[w] > 0) this.add(level, shorter, w, 1);
      }
      this.levels[k] = level;
    }
    for (let k = 1; k <= order; k++) {
      let n1 = 0;
      let n2 = 0;
      for (const row of this.levels[k].values()) {
        for (const c of row.counts) {
          if (c === 1) n1++;
          else if (c === 2) n2++;
        }
      }
      this.discounts[k] = n1 + n2 > 0 ? Math.min(0.95, Math.max(0.05, n1 / (n1 + 2 * n2))) : 0.75;
    }
  }

  private pad(seq: ArrayLike<number>): number[] {
    return [...new Array<number>(this.order - 1).fill(this.bos), ...Array.from(seq)];
  }

  private add(level: Map<string, ContextRow>, ctx: number[], w: number, n: number): void {
    const key = ctx.join(',');
    let row = level.get(key);
    if (!row) {
      row = { counts: new Float64Array(this.vocab), total: 0, types: 0 };
      level.set(key, row);
    }
    if (row.counts[w] === 0) row.types++;
    row.counts[w] += n;
    row.total += n;
  }

  /** P(w | history): `history` holds the preceding classes (the last order-1 are used; begin-padded). */
  prob(history: number[], w: number): number {
    const need = this.order - 1;
    const recent = history.slice(Math.max(0, history.length - need));
    const ctx = need === 0 ? [] : [...new Array<number>(need - recent.length).fill(this.bos), ...recent];
    return this.probAt(this.order, ctx, w);
  }

  private probAt(k: number, ctx: number[], w: number): number {
    if (k === 0) return 1 / this.vocab;
    const lower = () => this.probAt(k - 1, ctx.slice(1), w);
    const row = this.levels[k].get(ctx.join(','));
    if (!row || row.total === 0) return lower();
    const d = this.discounts[k];
    return Math.max(row.counts[w] - d, 0) / row.total + ((d * row.types) / row.total) * lower();
  }

  /** The full next-class distribution after `history`. */
  distribution(history: number[]): Float64Array {
    const out = new Float64Array(this.vocab);
    for (let w = 0; w < this.vocab; w++) out[w] = this.prob(history, w);
    return out;
  }
}

/** Mean NLL (nats) and argmax accuracy of predicting every event after the first of each sequence. */
export function scoreNgram(
  model: KneserNeyModel,
  sequences: ArrayLike<number>[],
): { nll: number; accuracy: number; events: number } {
  let nll = 0;
  let hits = 0;
  let events = 0;
  for (const seq of sequences) {
    const s = Array.from(seq);
    for (let i = 1; i < s.length; i++) {
      const dist = model.distribution(s.slice(Math.max(0, i - model.order + 1), i));
      nll -= Math.log(dist[s[i]]);
      let best = 0;
      for (let w = 1; w < dist.length; w++) if (dist[w] > dist[best]) best = w;
      if (best === s[i]) hits++;
      events++;
    }
  }
  return { nll: nll / events, accuracy: hits / events, events };
}
