/**
 * The attention state of Magenta's attention RNN for a batch of candidates, kept in JS between steps: the
 * last L outputs of every candidate, their projections through attn_w (computed once per output, where
 * Magenta JS re-convolves the whole memory each step: the same products), and the last read-out.
 *
 * Read-out, as `music_rnn/attention.ts` computes it: s_j = Σ_a v_a tanh(feature_j,a + y_a) over the L memory
 * slots, w = softmax(s), d = Σ_j w_j output_j. Slots not yet written hold zeros: each scores Σ_a v_a tanh(y_a)
 * and adds nothing to d, so they are counted rather than stored.
 */
/**
 * Largest |x| for which the read-out's addition formula is used: beyond it 1 - tanh(x)^2 falls under 3.3e-6 and
 * the formula's denominator, 1 + tanh(f) tanh(y) with f and y of opposite signs, would lose too many digits to
 * cancellation. A slot or query past it takes tanh(f + y) directly.
 */
const ADDITION_SAFE = 7;

export class AttentionMemory {
  /** Last read-out of every candidate [batch x size]: part of the next step's input. */
  readonly attention: Float32Array;
  private readonly outputs: Float32Array;
  private readonly features: Float32Array;
  /** tanh of every feature, in float64 (the addition formula needs its digits near ±1). */
  private readonly tanhFeatures: Float64Array;
  /** 1 where a slot has a feature past ADDITION_SAFE (its scores are computed directly). */
  private readonly wildSlots: Uint8Array;
  /** Slots written so far (all candidates advance together), capped at the length. */
  private filled = 0;
  /** The slot the next output goes to (a ring: the oldest is overwritten). */
  private next = 0;
  private readonly scores: Float64Array;
  private readonly sum: Float64Array;
  private readonly tanhQuery: Float64Array;

  constructor(
    readonly batch: number,
    readonly length: number,
    readonly size: number,
  ) {
    this.attention = new Float32Array(batch * size);
    this.outputs = new Float32Array(batch * length * size);
    this.features = new Float32Array(batch * length * size);
    this.tanhFeatures = new Float64Array(batch * length * size);
    this.wildSlots = new Uint8Array(batch * length);
    this.scores = new Float64Array(length);
    this.sum = new Float64Array(size);
    this.tanhQuery = new Float64Array(size);
  }

  /** A memory for `batch` candidates, each a copy of this one's first row (the shared primer). */
  replicate(batch: number): AttentionMemory {
    return this.select(new Array<number>(batch).fill(0));
  }

  /** A memory whose row i is row `rows[i]` of this one (rows may repeat); all rows share how far they are filled. */
  select(rows: ArrayLike<number>): AttentionMemory {
    const out = new AttentionMemory(rows.length, this.length, this.size);
    const { size, length } = this;
    const row = length * size;
    for (let b = 0; b < rows.length; b++) {
      const from = rows[b];
      out.attention.set(this.attention.subarray(from * size, (from + 1) * size), b * size);
      out.outputs.set(this.outputs.subarray(from * row, (from + 1) * row), b * row);
      out.features.set(this.features.subarray(from * row, (from + 1) * row), b * row);
      out.tanhFeatures.set(this.tanhFeatures.subarray(from * row, (from + 1) * row), b * row);
      out.wildSlots.set(this.wildSlots.subarray(from * length, (from + 1) * length), b * length);
    }
    out.filled = this.filled;
    out.next = this.next;
    return out;
  }

  /**
   * Computes every candidate's read-out from its query `y` [batch x size] into `attention`. The scores need
   * batch x L x A values of tanh(feature + y) per step; by tanh(f + y) = (tanh f + tanh y) / (1 + tanh f tanh y),
   * with tanh f kept from the push and tanh y taken once per row, each is a multiply, two adds and a divide.
   */
  read(y: Float32Array, v: Float32Array): void {
    const { size, length, filled, features, tanhFeatures, wildSlots, outputs, scores, sum } = this;
    const empty = length - filled;
    const tq = this.tanhQuery;
    for (let b = 0; b < this.batch; b++) {
      const yb = b * size;
      let wildQuery = false;
      for (let a = 0; a < size; a++) {
        tq[a] = Math.tanh(y[yb + a]);
        if (Math.abs(y[yb + a]) > ADDITION_SAFE) wildQuery = true;
      }
      let emptyScore = 0;
      if (empty > 0) for (let a = 0; a < size; a++) emptyScore += v[a] * tq[a];
      let top = empty > 0 ? emptyScore : -Infinity;
      for (let j = 0; j < filled; j++) {
        const at = (b * length + j) * size;
        let s = 0;
        if (wildQuery || wildSlots[b * length + j]) {
          for (let a = 0; a < size; a++) s += v[a] * Math.tanh(features[at + a] + y[yb + a]);
        } else {
          for (let a = 0; a < size; a++) {
            const f = tanhFeatures[at + a];
            const q = tq[a];
            s += (v[a] * (f + q)) / (1 + f * q);
          }
        }
        scores[j] = s;
        if (s > top) top = s;
      }
      let total = empty > 0 ? empty * Math.exp(emptyScore - top) : 0;
      for (let j = 0; j < filled; j++) {
        scores[j] = Math.exp(scores[j] - top);
        total += scores[j];
      }
      sum.fill(0);
      for (let j = 0; j < filled; j++) {
        const weight = scores[j] / total;
        const at = (b * length + j) * size;
        for (let a = 0; a < size; a++) sum[a] += weight * outputs[at + a];
      }
      this.attention.set(sum, yb);
    }
  }

  /** Remembers this step's outputs and their attn_w projections [batch x size] each. */
  push(outputs: Float32Array, features: Float32Array): void {
    const { size, length } = this;
    for (let b = 0; b < this.batch; b++) {
      const at = (b * length + this.next) * size;
      this.outputs.set(outputs.subarray(b * size, (b + 1) * size), at);
      this.features.set(features.subarray(b * size, (b + 1) * size), at);
      let wild = 0;
      for (let a = 0; a < size; a++) {
        const f = features[b * size + a];
        this.tanhFeatures[at + a] = Math.tanh(f);
        if (Math.abs(f) > ADDITION_SAFE) wild = 1;
      }
      this.wildSlots[b * length + this.next] = wild;
    }
    this.next = (this.next + 1) % length;
    this.filled = Math.min(length, this.filled + 1);
  }
}
