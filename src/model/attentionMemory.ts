/**
 * The attention state of Magenta's attention RNN for a batch of candidates, kept in JS between steps: the
 * last L outputs of every candidate, their projections through attn_w (computed once per output, where
 * Magenta JS re-convolves the whole memory each step: the same products), and the last read-out.
 *
 * Read-out, as `music_rnn/attention.ts` computes it: s_j = Σ_a v_a tanh(feature_j,a + y_a) over the L memory
 * slots, w = softmax(s), d = Σ_j w_j output_j. Slots not yet written hold zeros: each scores Σ_a v_a tanh(y_a)
 * and adds nothing to d, so they are counted rather than stored.
 */
/** Clamp of rationalTanh: beyond it tanh is ±1 in float32. */
const TANH_CLAMP = 7.90531110763549805;

/**
 * tanh as a 13/6 rational function of x (the float32 approximation Eigen uses for its fast tanh), within
 * 3e-7 of Math.tanh everywhere: the read-out below takes batch x L x A of them per step (262,144 for 32
 * candidates over 64 slots of 128), and this form measured 1.4-2x faster than Math.tanh in V8 there.
 */
export function rationalTanh(v: number): number {
  const x = v > TANH_CLAMP ? TANH_CLAMP : v < -TANH_CLAMP ? -TANH_CLAMP : v;
  const x2 = x * x;
  let p = x2 * -2.76076847742355e-16 + 2.00018790482477e-13;
  p = x2 * p - 8.60467152213735e-11;
  p = x2 * p + 5.12229709037114e-8;
  p = x2 * p + 1.48572235717979e-5;
  p = x2 * p + 6.37261928875436e-4;
  p = x2 * p + 4.89352455891786e-3;
  let q = x2 * 1.19825839466702e-6 + 1.18534705686654e-4;
  q = x2 * q + 2.268434632439e-3;
  q = x2 * q + 4.89352518554385e-3;
  return (x * p) / q;
}

export class AttentionMemory {
  /** Last read-out of every candidate [batch x size]: part of the next step's input. */
  readonly attention: Float32Array;
  private readonly outputs: Float32Array;
  private readonly features: Float32Array;
  /** Slots written so far (all candidates advance together), capped at the length. */
  private filled = 0;
  /** The slot the next output goes to (a ring: the oldest is overwritten). */
  private next = 0;
  private readonly scores: Float64Array;
  private readonly sum: Float64Array;

  constructor(
    readonly batch: number,
    readonly length: number,
    readonly size: number,
  ) {
    this.attention = new Float32Array(batch * size);
    this.outputs = new Float32Array(batch * length * size);
    this.features = new Float32Array(batch * length * size);
    this.scores = new Float64Array(length);
    this.sum = new Float64Array(size);
  }

  /** A memory for `batch` candidates, each a copy of this one's first row (the shared primer). */
  replicate(batch: number): AttentionMemory {
    return this.select(new Array<number>(batch).fill(0));
  }

  /** A memory whose row i is row `rows[i]` of this one (rows may repeat); all rows share how far they are filled. */
  select(rows: ArrayLike<number>): AttentionMemory {
    const out = new AttentionMemory(rows.length, this.length, this.size);
    const row = this.length * this.size;
    for (let b = 0; b < rows.length; b++) {
      const from = rows[b];
      out.attention.set(this.attention.subarray(from * this.size, (from + 1) * this.size), b * this.size);
      out.outputs.set(this.outputs.subarray(from * row, (from + 1) * row), b * row);
      out.features.set(this.features.subarray(from * row, (from + 1) * row), b * row);
    }
    out.filled = this.filled;
    out.next = this.next;
    return out;
  }

  /** Computes every candidate's read-out from its query `y` [batch x size] into `attention`. */
  read(y: Float32Array, v: Float32Array): void {
    const { size, length, filled } = this;
    const empty = length - filled;
    for (let b = 0; b < this.batch; b++) {
      const yb = b * size;
      let emptyScore = 0;
      if (empty > 0) for (let a = 0; a < size; a++) emptyScore += v[a] * rationalTanh(y[yb + a]);
      let top = empty > 0 ? emptyScore : -Infinity;
      for (let j = 0; j < filled; j++) {
        const at = (b * length + j) * size;
        let s = 0;
        for (let a = 0; a < size; a++) s += v[a] * rationalTanh(this.features[at + a] + y[yb + a]);
        this.scores[j] = s;
        if (s > top) top = s;
      }
      let total = empty > 0 ? empty * Math.exp(emptyScore - top) : 0;
      for (let j = 0; j < filled; j++) {
        this.scores[j] = Math.exp(this.scores[j] - top);
        total += this.scores[j];
      }
      const sum = this.sum;
      sum.fill(0);
      for (let j = 0; j < filled; j++) {
        const weight = this.scores[j] / total;
        const at = (b * length + j) * size;
        for (let a = 0; a < size; a++) sum[a] += weight * this.outputs[at + a];
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
    }
    this.next = (this.next + 1) % length;
    this.filled = Math.min(length, this.filled + 1);
  }
}
