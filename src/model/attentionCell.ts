import * as tf from '@tensorflow/tfjs';
import { AttentionMemory } from './attentionMemory';
import { rowsMatMul } from './rowsMatMul';
import { ScratchRows } from './scratchRows';

/**
 * Magenta's AttentionCellWrapper around the LSTM stack, as `music_rnn/attention.ts` runs it, for a batch of
 * rows: before the stack, [input, last read-out] is projected to the first layer's input width; after it, the
 * query from every layer's c and h reads the memory of the last L outputs (attentionMemory.ts), and
 * [top h, read-out] is projected to the output, which the fully connected layer reads and the memory keeps.
 * Shared by the batch sampler and the teacher-forced runner, so both run exactly the arithmetic the parity
 * tests hold to mm.MusicRNN.
 */

/** The attention wrapper's variables (see checkpointSpec.ts ATTENTION_VARS). */
export interface AttentionWeights {
  /** Memory length L (config.json attentionLength). */
  length: number;
  inputKernel: tf.Tensor2D;
  inputBias: tf.Tensor1D;
  /** attn_w, a 1x1 convolution kernel [1, 1, A, A]. */
  w: tf.Tensor4D;
  v: tf.Tensor1D;
  /** Query kernel [2 x layers x H, A]; its bias is never added (as in Magenta JS). */
  queryKernel: tf.Tensor2D;
  outputKernel: tf.Tensor2D;
  outputBias: tf.Tensor1D;
}

/** The LSTM state the wrapper reads and the attention state it keeps, one row per sequence. */
export interface AttentionRows {
  batch: number;
  c: Float32Array[];
  h: Float32Array[];
  memory?: AttentionMemory;
  /** The last output (what the fully connected layer reads); absent before the first step. */
  output?: Float32Array;
}

export class AttentionCell {
  readonly size: number;
  /** attn_w as [A, A], made once (the one tensor this cell owns). */
  private readonly w: tf.Tensor2D;
  private readonly v: Float32Array;
  private readonly inputBias: Float32Array;
  private readonly outputBias: Float32Array;
  private readonly zeros: Float32Array;
  /** Scratch rows reused from step to step: no garbage in the hot loop. */
  private readonly scratch = new ScratchRows();

  constructor(
    private readonly weights: AttentionWeights,
    private readonly units: readonly number[],
  ) {
    this.size = weights.v.shape[0];
    this.w = tf.reshape(weights.w, [this.size, this.size]);
    this.v = weights.v.dataSync() as Float32Array;
    this.inputBias = weights.inputBias.dataSync() as Float32Array;
    this.outputBias = weights.outputBias.dataSync() as Float32Array;
    this.zeros = new Float32Array(this.size);
  }

  /** An empty memory for `batch` rows (the zero state Magenta starts from). */
  emptyMemory(batch: number): AttentionMemory {
    return new AttentionMemory(batch, this.weights.length, this.size);
  }

  dispose(): void {
    this.w.dispose();
  }

  /** The first layer's input: [input, last read-out] projected to the input width. */
  input(state: AttentionRows, input: Float32Array): Float32Array {
    const rows = this.joinRows('input', input, state.memory!.attention, state.batch);
    return rowsMatMul(rows, state.batch, this.weights.inputKernel, this.inputBias);
  }

  /** After the LSTM stack: query, read-out, output projection; the output is remembered and kept in `state`. */
  output(state: AttentionRows): void {
    const { batch } = state;
    const memory = state.memory!;
    const layers = this.units.length;
    let width = 0;
    for (const u of this.units) width += 2 * u;
    const query = this.scratch.get('query', batch * width);
    for (let b = 0; b < batch; b++) {
      let at = b * width;
      for (let l = 0; l < layers; l++) {
        const u = this.units[l];
        query.set(state.c[l].subarray(b * u, (b + 1) * u), at);
        query.set(state.h[l].subarray(b * u, (b + 1) * u), at + u);
        at += 2 * u;
      }
    }
    memory.read(rowsMatMul(query, batch, this.weights.queryKernel, this.zeros), this.v);
    const rows = this.joinRows('output', state.h[layers - 1], memory.attention, batch);
    const output = rowsMatMul(rows, batch, this.weights.outputKernel, this.outputBias);
    memory.push(output, rowsMatMul(output, batch, this.w, this.zeros));
    state.output = output;
  }

  /** Rows [a | b] for each sequence, from two row-major blocks of `batch` rows. */
  private joinRows(use: string, a: Float32Array, b: Float32Array, batch: number): Float32Array {
    const wa = a.length / batch;
    const wb = b.length / batch;
    const rows = this.scratch.get(use, batch * (wa + wb));
    for (let r = 0; r < batch; r++) {
      rows.set(a.subarray(r * wa, (r + 1) * wa), r * (wa + wb));
      rows.set(b.subarray(r * wb, (r + 1) * wb), r * (wa + wb) + wa);
    }
    return rows;
  }
}
