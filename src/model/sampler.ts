import * as tf from '@tensorflow/tfjs';
import { rowsMatMul } from './rowsMatMul';
import { ScratchRows } from './scratchRows';
import { NO_EVENT, NOTE_OFF } from '../core/melodyEvents';
import { eventLogProb } from './eventLogProb';
import { AttentionCell, type AttentionRows, type AttentionWeights } from './attentionCell';
import { seededRandom } from './random';
import { FREE, MUST_START_NOTE, type SamplingPlan } from './samplingPlan';

/**
 * The constrained batch sampler: Magenta's MusicRNN forward pass (the same weight variables, the same
 * basicLSTMCell arithmetic with forget bias 1, the same [chord(i+1) | event | aux(i)] input rows), but all
 * candidates advance together as one batch, and each step's event is drawn in JS from the softmax of the
 * logits after the plan's constraints, with a seeded PRNG. Without constraints the distribution of each
 * step equals `mm.MusicRNN.continueSequenceAndReturnProbabilities` for the same primer.
 *
 * Attention RNNs (Magenta's AttentionCellWrapper, as `music_rnn/attention.ts` runs it) add, per step: the
 * projection of [input, last read-out] to the first layer, the query from every layer's c and h, the read-out
 * over the last L outputs (attentionMemory.ts) and the output projection of [top h, read-out], which is what
 * the fully connected layer reads and the memory keeps.
 *
 * It runs synchronously (one `dataSync` per layer and per step): it is meant for the worker,
 * where blocking is harmless and a whole proposal takes tens of milliseconds.
 */

export type { AttentionWeights } from './attentionCell';

/** The variables a MusicRNN checkpoint holds, as tensors owned by whoever loaded them. */
export interface MelodyRnnWeights {
  cells: Array<{ kernel: tf.Tensor2D; bias: tf.Tensor1D }>;
  fcWeights: tf.Tensor2D;
  fcBiases: tf.Tensor1D;
  attention?: AttentionWeights;
}

export interface SampledBatch {
  /** One array of `plan.steps` events per candidate. */
  events: Int32Array[];
  /** Per candidate, `steps * depth` probabilities (see StepProbabilities), or null when not asked for. */
  probabilities: Float32Array[] | null;
  /** Per candidate and step, the model's own log-probability (temperature 1, no constraints) of the event chosen. */
  logProbs: Float32Array[];
}

/** The LSTM state of every layer, one row per candidate, kept in JS between steps (and, for attention RNNs, the memory and last output). */
type RnnState = AttentionRows;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export class BatchSampler {
  private readonly depth: number;
  private readonly units: number[];
  /** The biases as JS arrays: adding them here saves one backend kernel per matrix product and step. */
  private readonly cellBiases: Float32Array[];
  private readonly fcBiases: Float32Array;
  private readonly attention: AttentionCell | null;
  /** Scratch rows reused from step to step: no garbage in the hot loop. */
  private readonly scratch = new ScratchRows();

  /** Wraps loaded weights (it owns no tensor of its own: the weights belong to the loader). */
  constructor(private readonly weights: MelodyRnnWeights) {
    this.depth = weights.fcBiases.shape[0];
    this.units = weights.cells.map((cell) => cell.bias.shape[0] / 4);
    this.cellBiases = weights.cells.map((cell) => cell.bias.dataSync() as Float32Array);
    this.fcBiases = weights.fcBiases.dataSync() as Float32Array;
    this.attention = weights.attention ? new AttentionCell(weights.attention, this.units) : null;
  }

  /** Generates `plan.batch` candidates of `plan.steps` events in one batch. Leaves no tensor behind. */
  sample(plan: SamplingPlan): SampledBatch {
    const { batch, steps, primerEvents } = plan;
    const depth = this.depth;
    const random = seededRandom(plan.seed);
    const events = Array.from({ length: batch }, () => new Int32Array(steps));
    const probabilities = plan.returnProbabilities
      ? Array.from({ length: batch }, () => new Float32Array(steps * depth))
      : null;
    const logProbs = Array.from({ length: batch }, () => new Float32Array(steps));
    const scratch = new Float64Array(depth);
    const current = new Int32Array(batch);

    // The primer is the same for every candidate: run it once and copy the state into every row.
    let state: RnnState = {
      batch: 1,
      c: this.units.map((u) => new Float32Array(u)),
      h: this.units.map((u) => new Float32Array(u)),
      ...(this.attention ? { memory: this.attention.emptyMemory(1) } : {}),
    };
    for (let i = 0; i < primerEvents.length; i++) {
      current[0] = primerEvents[i];
      this.advance(state, this.inputRows(plan, 1, current, i));
    }
    state = this.replicate(state, batch);

    for (let t = 0; t < steps; t++) {
      const logits = rowsMatMul(
        state.output ?? state.h[state.h.length - 1],
        batch,
        this.weights.fcWeights,
        this.fcBiases,
      );
      for (let b = 0; b < batch; b++) {
        const event = this.chooseEvent(plan, t, logits, b * depth, scratch, random());
        events[b][t] = event;
        logProbs[b][t] = eventLogProb(logits, b * depth, depth, event);
        current[b] = event;
        if (probabilities) probabilities[b].set(scratch, t * depth);
      }
      if (t < steps - 1) this.advance(state, this.inputRows(plan, batch, current, primerEvents.length + t));
    }
    return { events, probabilities, logProbs };
  }

  /** Frees the one tensor the sampler's attention cell makes (attn_w reshaped); the weights belong to the loader. */
  dispose(): void {
    this.attention?.dispose();
  }

  private replicate(state: RnnState, batch: number): RnnState {
    const tile = (row: Float32Array) => {
      const out = new Float32Array(row.length * batch);
      for (let b = 0; b < batch; b++) out.set(row, b * row.length);
      return out;
    };
    return {
      batch,
      c: state.c.map(tile),
      h: state.h.map(tile),
      ...(state.memory ? { memory: state.memory.replicate(batch) } : {}),
      ...(state.output ? { output: tile(state.output) } : {}),
    };
  }

  /**
   * One step of the layer stack, as `tf.basicLSTMCell` computes it: z = [x, h] · kernel + bias, gates in the
   * order i, j, f, o, c' = σ(i)·tanh(j) + c·σ(f + 1), h' = tanh(c')·σ(o). The matrix product runs on the
   * backend; the gates run here, which takes ~12 fewer tfjs kernel launches per layer and step (those
   * launches, not arithmetic, dominate at this size).
   */
  private advance(state: RnnState, input: Float32Array): void {
    const { batch } = state;
    const cell = this.attention;
    let x = cell ? cell.input(state, input) : input;
    for (let l = 0; l < this.units.length; l++) {
      const units = this.units[l];
      const inWidth = x.length / batch;
      const c = state.c[l];
      const h = state.h[l];
      const rows = this.scratch.get(`layer${l}`, batch * (inWidth + units));
      for (let b = 0; b < batch; b++) {
        rows.set(x.subarray(b * inWidth, (b + 1) * inWidth), b * (inWidth + units));
        rows.set(h.subarray(b * units, (b + 1) * units), b * (inWidth + units) + inWidth);
      }
      const z = rowsMatMul(rows, batch, this.weights.cells[l].kernel, this.cellBiases[l]);
      for (let b = 0; b < batch; b++) {
        const zb = b * 4 * units;
        for (let k = 0; k < units; k++) {
          const at = b * units + k;
          const cell = sigmoid(z[zb + k]) * Math.tanh(z[zb + units + k]) + c[at] * sigmoid(z[zb + 2 * units + k] + 1);
          c[at] = cell;
          h[at] = Math.tanh(c[at]) * sigmoid(z[zb + 3 * units + k]);
        }
      }
      x = h;
    }
    cell?.output(state);
  }

  /** Input rows [chord(i + 1) | one-hot(event) | aux(i)] for input step `i`, as Magenta concatenates them. */
  private inputRows(plan: SamplingPlan, batch: number, eventsNow: Int32Array, i: number): Float32Array {
    const width = plan.chordWidth + plan.auxWidth;
    const rowSize = width + this.depth;
    const rows = this.scratch.get('input', batch * rowSize);
    rows.fill(0);
    const condition = plan.conditioning.subarray(i * width, (i + 1) * width);
    for (let b = 0; b < batch; b++) {
      const at = b * rowSize;
      if (plan.chordWidth) rows.set(condition.subarray(0, plan.chordWidth), at);
      rows[at + plan.chordWidth + eventsNow[b]] = 1;
      if (plan.auxWidth) rows.set(condition.subarray(plan.chordWidth), at + plan.chordWidth + this.depth);
    }
    return rows;
  }

  /**
   * Picks one candidate's event at generated step `t` and leaves in `out` the distribution it came from:
   * softmax(logits / temperature) over the events the constraints allow (temperature 1 for display when it
   * is 0, which picks the most likely event as Magenta does). A locked step takes its forced event; `out`
   * then shows what the model itself would have drawn, for the teaching view.
   */
  private chooseEvent(
    plan: SamplingPlan,
    t: number,
    logits: Float32Array,
    at: number,
    out: Float64Array,
    u: number,
  ): number {
    const depth = this.depth;
    const mustChange = plan.mustChange[t];
    const mask = plan.stepMasks?.[t];
    const banned = (k: number) =>
      !plan.allowed[k] ||
      (mask != null && !mask[k]) ||
      (mustChange !== 0 && k === NO_EVENT) ||
      (mustChange === MUST_START_NOTE && k === NOTE_OFF);
    const temperature = plan.temperature > 0 ? plan.temperature : 1;
    let max = -Infinity;
    let best = -1;
    for (let k = 0; k < depth; k++) {
      if (banned(k)) continue;
      if (logits[at + k] > max) {
        max = logits[at + k];
        best = k;
      }
    }
    let sum = 0;
    for (let k = 0; k < depth; k++) {
      out[k] = banned(k) ? 0 : Math.exp((logits[at + k] - max) / temperature);
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
