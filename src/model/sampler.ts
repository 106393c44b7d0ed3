import * as tf from '@tensorflow/tfjs';
import { NO_EVENT } from '../core/melodyEvents';
import { seededRandom } from './random';
import { FREE, type SamplingPlan } from './samplingPlan';

/**
 * The constrained batch sampler: Magenta's MusicRNN forward pass (the same weight variables, the same
 * `tf.basicLSTMCell` with forget bias 1, the same [chord(i+1) | event | aux(i)] input rows), but all
 * candidates advance together as one batch, and each step's event is drawn in JS from the softmax of the
 * logits after the plan's constraints, with a seeded PRNG. Without constraints the distribution of each
 * step equals `mm.MusicRNN.continueSequenceAndReturnProbabilities` for the same primer.
 *
 * It runs synchronously (one `dataSync` of [batch, depth] logits per step): it is meant for the worker,
 * where blocking is harmless and a whole proposal takes tens of milliseconds.
 */

/** The variables a MusicRNN checkpoint holds, as tensors owned by whoever loaded them. */
export interface MelodyRnnWeights {
  cells: Array<{ kernel: tf.Tensor2D; bias: tf.Tensor1D }>;
  fcWeights: tf.Tensor2D;
  fcBiases: tf.Tensor1D;
}

export interface SampledBatch {
  /** One array of `plan.steps` events per candidate. */
  events: Int32Array[];
  /** Per candidate, `steps * depth` probabilities (see StepProbabilities), or null when not asked for. */
  probabilities: Float32Array[] | null;
}

interface RnnState {
  c: tf.Tensor2D[];
  h: tf.Tensor2D[];
}

export class BatchSampler {
  private readonly forgetBias = tf.scalar(1.0);
  private readonly cells: tf.LSTMCellFunc[];
  private readonly depth: number;

  /** Wraps loaded weights; the sampler owns only its own small scalar, not the weights. */
  constructor(private readonly weights: MelodyRnnWeights) {
    this.cells = weights.cells.map(
      ({ kernel, bias }) =>
        (data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) => tf.basicLSTMCell(this.forgetBias, kernel, bias, data, c, h),
    );
    this.depth = weights.fcBiases.shape[0];
  }

  /** Generates `plan.batch` candidates of `plan.steps` events in one batch. Leaves no tensor behind. */
  sample(plan: SamplingPlan): SampledBatch {
    const { batch, steps, primerEvents } = plan;
    const depth = this.depth;
    const random = seededRandom(plan.seed);
    const events = Array.from({ length: batch }, () => new Int32Array(steps));
    const probabilities = plan.returnProbabilities ? Array.from({ length: batch }, () => new Float32Array(steps * depth)) : null;
    const scratch = new Float64Array(depth);
    const current = new Int32Array(batch);

    // The primer is the same for every candidate: run it once and copy the state into the batch.
    let state = this.zeroState(1);
    try {
      for (let i = 0; i < primerEvents.length; i++) {
        current[0] = primerEvents[i];
        state = this.advance(state, this.inputRows(plan, 1, current, i));
      }
      state = this.replace(state, () => ({
        c: state.c.map((t) => tf.tile(t, [batch, 1])),
        h: state.h.map((t) => tf.tile(t, [batch, 1])),
      }));

      for (let t = 0; t < steps; t++) {
        const logits = this.logits(state);
        for (let b = 0; b < batch; b++) {
          const event = this.chooseEvent(plan, t, logits, b * depth, scratch, random());
          events[b][t] = event;
          current[b] = event;
          if (probabilities) probabilities[b].set(scratch, t * depth);
        }
        if (t < steps - 1) state = this.advance(state, this.inputRows(plan, batch, current, primerEvents.length + t));
      }
    } finally {
      tf.dispose([...state.c, ...state.h]);
    }
    return { events, probabilities };
  }

  /** Frees the sampler's own tensors (the weights belong to the loader). */
  dispose(): void {
    this.forgetBias.dispose();
  }

  private zeroState(batch: number): RnnState {
    const units = this.weights.cells.map((cell) => cell.bias.shape[0] / 4);
    return { c: units.map((u) => tf.zeros([batch, u])), h: units.map((u) => tf.zeros([batch, u])) };
  }

  /** Runs `next` in a tidy scope and disposes the state it replaces. */
  private replace(old: RnnState, next: () => RnnState): RnnState {
    const fresh = tf.tidy(() => next() as unknown as tf.TensorContainer) as unknown as RnnState;
    tf.dispose([...old.c, ...old.h]);
    return fresh;
  }

  private advance(state: RnnState, rows: { values: Float32Array; batch: number }): RnnState {
    return this.replace(state, () => {
      const input = tf.tensor2d(rows.values, [rows.batch, rows.values.length / rows.batch]);
      const [c, h] = tf.multiRNNCell(this.cells, input, state.c, state.h);
      return { c: c as tf.Tensor2D[], h: h as tf.Tensor2D[] };
    });
  }

  private logits(state: RnnState): Float32Array {
    const logits = tf.tidy(() => state.h[state.h.length - 1].matMul(this.weights.fcWeights).add(this.weights.fcBiases));
    const values = logits.dataSync() as Float32Array;
    logits.dispose();
    return values;
  }

  /** Input rows [chord(i + 1) | one-hot(event) | aux(i)] for input step `i`, as Magenta concatenates them. */
  private inputRows(plan: SamplingPlan, batch: number, eventsNow: Int32Array, i: number): { values: Float32Array; batch: number } {
    const width = plan.chordWidth + plan.auxWidth;
    const rowSize = width + this.depth;
    const rows = new Float32Array(batch * rowSize);
    const condition = plan.conditioning.subarray(i * width, (i + 1) * width);
    for (let b = 0; b < batch; b++) {
      const at = b * rowSize;
      if (plan.chordWidth) rows.set(condition.subarray(0, plan.chordWidth), at);
      rows[at + plan.chordWidth + eventsNow[b]] = 1;
      if (plan.auxWidth) rows.set(condition.subarray(plan.chordWidth), at + plan.chordWidth + this.depth);
    }
    return { values: rows, batch };
  }

  /**
   * Picks one candidate's event at generated step `t` and leaves in `out` the distribution it came from:
   * softmax(logits / temperature) over the events the constraints allow (temperature 1 for display when it
   * is 0, which picks the most likely event as Magenta does). A locked step takes its forced event; `out`
   * then shows what the model itself would have drawn, for the teaching view.
   */
  private chooseEvent(plan: SamplingPlan, t: number, logits: Float32Array, at: number, out: Float64Array, u: number): number {
    const depth = this.depth;
    const banNoEvent = plan.mustChange[t] === 1;
    const temperature = plan.temperature > 0 ? plan.temperature : 1;
    let max = -Infinity;
    let best = -1;
    for (let k = 0; k < depth; k++) {
      if (!plan.allowed[k] || (banNoEvent && k === NO_EVENT)) continue;
      if (logits[at + k] > max) {
        max = logits[at + k];
        best = k;
      }
    }
    let sum = 0;
    for (let k = 0; k < depth; k++) {
      const ok = plan.allowed[k] && !(banNoEvent && k === NO_EVENT);
      out[k] = ok ? Math.exp((logits[at + k] - max) / temperature) : 0;
      sum += out[k];
    }
    for (let k = 0; k < depth; k++) out[k] /= sum;

    if (plan.forced[t] !== FREE) return plan.forced[t];
    if (plan.temperature === 0) return best;
    let cumulative = 0;
    let last = best;
    for (let k = 0; k < depth; k++) {
      if (out[k] === 0) continue;
      cumulative += out[k];
      last = k;
      if (u < cumulative) return k;
    }
    return last; // rounding left u just above the total
  }
}
