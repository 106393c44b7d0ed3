import * as tf from '@tensorflow/tfjs';
import { AttentionCell, type AttentionRows } from './attentionCell';
import { rowsMatMul } from './rowsMatMul';
import type { MelodyRnnWeights } from './sampler';

/**
 * A MusicRNN forward pass with the state in the caller's hands: rows of a batch advance one step at a time,
 * and between steps the caller may copy, pick or drop rows. Teacher-forced scoring (scoreContinuation.ts) and
 * the chord search (harmonize.ts) need that; the sampler keeps its own loop. The arithmetic is the sampler's,
 * which is `tf.basicLSTMCell` with forget bias 1: z = [x, h] · kernel + bias, gates i, j, f, o,
 * c' = σ(i)·tanh(j) + c·σ(f + 1), h' = tanh(c')·σ(o); the products run on the tfjs backend, the gates in JS.
 */

/** The LSTM state of every layer, one row per sequence (and, for attention RNNs, the memory and last output). */
export type RnnRows = AttentionRows;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** tanh through one exp: measured 25% faster than Math.tanh in V8, same value to float32 precision. */
const tanh = (x: number) => (x > 20 ? 1 : x < -20 ? -1 : 2 / (1 + Math.exp(-2 * x)) - 1);

export class RnnRunner {
  readonly depth: number;
  readonly units: number[];
  /** Width of one input row: chord encoding + event one-hot + aux bits. */
  readonly inputWidth: number;
  private readonly cellBiases: Float32Array[];
  private readonly fcBiases: Float32Array;
  /**
   * The first layer's kernel split in two: the rows that multiply the input, kept in JS (an input row is a
   * one-hot event, a chord of 3-5 tones and a few ±1 counter bits, so adding up its non-zero rows beats a
   * matrix product), and the rows that multiply the recurrent state, as a tensor the backend multiplies.
   * Null for attention RNNs, whose first layer reads a dense projection.
   */
  private readonly inputKernel: Float32Array | null;
  private readonly recurrentKernel: tf.Tensor2D | null;
  /**
   * Attention RNNs (Magenta's AttentionCellWrapper): the first layer reads a dense projection of [input, last
   * read-out], not the sparse input row, and the output layer reads the wrapper's output, not the top h.
   */
  private readonly attention: AttentionCell | null;

  /** Width of one row of modelOutput (the top layer's units; the attention size, which Magenta makes equal). */
  get outputWidth(): number {
    return this.units[this.units.length - 1];
  }

  constructor(private readonly weights: MelodyRnnWeights) {
    this.depth = weights.fcBiases.shape[0];
    this.units = weights.cells.map((cell) => cell.bias.shape[0] / 4);
    this.inputWidth = weights.cells[0].kernel.shape[0] - this.units[0];
    this.cellBiases = weights.cells.map((cell) => cell.bias.dataSync() as Float32Array);
    this.fcBiases = weights.fcBiases.dataSync() as Float32Array;
    this.attention = weights.attention ? new AttentionCell(weights.attention, this.units) : null;
    const kernel = weights.cells[0].kernel;
    this.inputKernel = this.attention
      ? null
      : (kernel.dataSync() as Float32Array).slice(0, this.inputWidth * 4 * this.units[0]);
    this.recurrentKernel = this.attention
      ? null
      : tf.slice(kernel, [this.inputWidth, 0], [this.units[0], 4 * this.units[0]]);
  }

  /** Frees the tensors the runner made (the weights belong to the loader). */
  dispose(): void {
    this.recurrentKernel?.dispose();
    this.attention?.dispose();
  }

  /** The zero state Magenta starts every sequence from. */
  zero(batch: number): RnnRows {
    return {
      batch,
      c: this.units.map((u) => new Float32Array(u * batch)),
      h: this.units.map((u) => new Float32Array(u * batch)),
      ...(this.attention
        ? { memory: this.attention.emptyMemory(batch), output: new Float32Array(batch * this.attention.size) }
        : {}),
    };
  }

  /** A new state whose row i is row `rows[i]` of `state` (rows may repeat: a one-row state can be tiled). */
  select(state: RnnRows, rows: ArrayLike<number>): RnnRows {
    const pick = (layer: Float32Array, units: number) => {
      const out = new Float32Array(rows.length * units);
      for (let i = 0; i < rows.length; i++) out.set(layer.subarray(rows[i] * units, (rows[i] + 1) * units), i * units);
      return out;
    };
    return {
      batch: rows.length,
      c: state.c.map((l, k) => pick(l, this.units[k])),
      h: state.h.map((l, k) => pick(l, this.units[k])),
      ...(state.memory ? { memory: state.memory.select(rows) } : {}),
      ...(state.output && this.attention ? { output: pick(state.output, this.attention.size) } : {}),
    };
  }

  /** Advances every row on its input row (`batch × inputWidth` floats) in place. */
  advance(state: RnnRows, inputs: Float32Array): void {
    const { batch } = state;
    const attention = this.attention;
    let x = attention ? attention.input(state, inputs) : inputs;
    for (let l = 0; l < this.units.length; l++) {
      const units = this.units[l];
      const c = state.c[l];
      const h = state.h[l];
      let z: Float32Array;
      if (l === 0 && this.recurrentKernel && this.inputKernel) {
        z = rowsMatMul(h, batch, this.recurrentKernel, this.cellBiases[0]);
        this.addSparseInput(z, x, batch, this.inputKernel);
      } else {
        const inWidth = x.length / batch;
        const rows = new Float32Array(batch * (inWidth + units));
        for (let b = 0; b < batch; b++) {
          rows.set(x.subarray(b * inWidth, (b + 1) * inWidth), b * (inWidth + units));
          rows.set(h.subarray(b * units, (b + 1) * units), b * (inWidth + units) + inWidth);
        }
        z = rowsMatMul(rows, batch, this.weights.cells[l].kernel, this.cellBiases[l]);
      }
      for (let b = 0; b < batch; b++) {
        const zb = b * 4 * units;
        for (let k = 0; k < units; k++) {
          const at = b * units + k;
          const cell = sigmoid(z[zb + k]) * tanh(z[zb + units + k]) + c[at] * sigmoid(z[zb + 2 * units + k] + 1);
          c[at] = cell;
          h[at] = tanh(cell) * sigmoid(z[zb + 3 * units + k]);
        }
      }
      x = h;
    }
    attention?.output(state);
  }

  /** z += x · inputKernel, row by row, over the non-zero entries of x only. */
  private addSparseInput(z: Float32Array, x: Float32Array, batch: number, kernel: Float32Array): void {
    const width = this.inputWidth;
    const gates = 4 * this.units[0];
    for (let b = 0; b < batch; b++) {
      const zb = b * gates;
      for (let i = 0; i < width; i++) {
        const v = x[b * width + i];
        if (v === 0) continue;
        const row = i * gates;
        for (let k = 0; k < gates; k++) z[zb + k] += v * kernel[row + k];
      }
    }
  }

  /** Log-softmax of the next event for every row, from the model's output: `batch × depth` floats. */
  logProbs(state: RnnRows): Float32Array {
    return this.logProbsOf(this.modelOutput(state), state.batch);
  }

  /** A copy of the model's output, to turn into log-probabilities later with others (see logProbsOf). */
  topOutput(state: RnnRows): Float32Array {
    return this.modelOutput(state).slice();
  }

  /**
   * What the fully connected layer reads, `batch × outputWidth` floats (live: copy before the next advance):
   * the attention wrapper's output, else the top layer's h.
   */
  modelOutput(state: RnnRows): Float32Array {
    return state.output ?? state.h[state.h.length - 1];
  }

  /**
   * Log-softmax of the next event for `rows` model outputs stacked in `top` (`rows × outputWidth` floats). When
   * the events are known in advance (teacher forcing) the outputs of many steps go through the output layer
   * in one product: one backend call instead of one per step.
   */
  logProbsOf(top: Float32Array, rows: number): Float32Array {
    const logits = rowsMatMul(top, rows, this.weights.fcWeights, this.fcBiases);
    const depth = this.depth;
    for (let b = 0; b < rows; b++) {
      let max = -Infinity;
      for (let k = 0; k < depth; k++) max = Math.max(max, logits[b * depth + k]);
      let sum = 0;
      for (let k = 0; k < depth; k++) sum += Math.exp(logits[b * depth + k] - max);
      const norm = max + Math.log(sum);
      for (let k = 0; k < depth; k++) logits[b * depth + k] -= norm;
    }
    return logits;
  }
}
