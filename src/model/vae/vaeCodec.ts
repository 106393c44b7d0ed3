import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '../random';
import { ModelError } from '../types';

/**
 * The MusicVAE's encoder and decoder for the worker, batched: the same variables `mm.MusicVAE` loaded and
 * the same tfjs ops in the same order (tf.basicLSTMCell with forget bias 1, tf.multiRNNCell, dense =
 * matMul + bias), so encoding equals `mm.MusicVAE.encode` and greedy decoding equals `mm.MusicVAE.decode`
 * (tests/unit/train/vaeParity.test.ts). Two things Magenta's class does not do: a mask of allowed classes
 * (the key/scale lock) added to the logits before each choice, and seeded sampling when a temperature is
 * given (Magenta's tf.multinomial cannot be seeded the same way on every backend).
 */

interface Dense {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** The tensors of a flat MusicVAE with a categorical decoder, owned by whoever loaded them. */
export interface VaeWeights {
  encoderFw: Dense;
  encoderBw: Dense;
  mu: Dense;
  decoder: Dense[];
  zToInitialState: Dense;
  output: Dense;
}

/** Picks a flat melody MusicVAE's variables out of a loaded checkpoint; throws ModelError('wrong-type') otherwise. */
export function vaeWeightsFrom(vars: Record<string, tf.Tensor>): VaeWeights {
  const dense = (prefix: string): Dense => {
    const kernel = vars[`${prefix}/kernel`];
    const bias = vars[`${prefix}/bias`];
    if (!kernel || !bias) throw new ModelError(`Not a flat melody MusicVAE: ${prefix} is missing`, 'wrong-type');
    return { kernel: kernel as tf.Tensor2D, bias: bias as tf.Tensor1D };
  };
  const decoder: Dense[] = [];
  for (let l = 0; vars[`decoder/multi_rnn_cell/cell_${l}/lstm_cell/kernel`]; l++) decoder.push(dense(`decoder/multi_rnn_cell/cell_${l}/lstm_cell`));
  if (decoder.length === 0) throw new ModelError('Not a flat melody MusicVAE: no decoder LSTM', 'wrong-type');
  const cell = (dir: string) => dense(`encoder/cell_0/bidirectional_rnn/${dir}/multi_rnn_cell/cell_0/lstm_cell`);
  return {
    encoderFw: cell('fw'),
    encoderBw: cell('bw'),
    mu: dense('encoder/mu'),
    decoder,
    zToInitialState: dense('decoder/z_to_initial_state'),
    output: dense('decoder/output_projection'),
  };
}

export interface DecodeOptions {
  /** Classes the decoder may choose (index = class); omitted = all. At least one must be allowed. */
  allowed?: readonly boolean[];
  /** 0 or omitted = the most likely class at every step (Magenta's default). */
  temperature?: number;
  /** Seed of the draws when temperature > 0. */
  seed?: number;
}

/** Encodes and decodes with loaded weights; owns no tensors except the small mask it makes per call. */
export class VaeCodec {
  readonly depth: number;
  readonly zSize: number;

  constructor(
    private readonly weights: VaeWeights,
    readonly numSteps: number,
  ) {
    this.depth = weights.output.bias.shape[0];
    this.zSize = weights.mu.bias.shape[0];
  }

  /** The latent code (mu) of each sequence of `numSteps` class indices. */
  encode(sequences: readonly ArrayLike<number>[]): Float32Array[] {
    const flat = new Int32Array(sequences.length * this.numSteps);
    sequences.forEach((s, b) => {
      if (s.length !== this.numSteps) throw new ModelError(`The model encodes ${this.numSteps} steps, not ${s.length}`, 'bad-request');
      flat.set(Array.from(s), b * this.numSteps);
    });
    const z = tf.tidy(() => {
      const inputs = tf.oneHot(tf.tensor2d(flat, [sequences.length, this.numSteps], 'int32'), this.depth).toFloat() as tf.Tensor3D;
      const steps = tf.split(inputs, this.numSteps, 1).map((x) => x.squeeze([1]) as tf.Tensor2D);
      const last = (cell: Dense, order: tf.Tensor2D[]) => {
        const units = cell.bias.shape[0] / 4;
        let c = tf.zeros([sequences.length, units]) as tf.Tensor2D;
        let h = tf.zeros([sequences.length, units]) as tf.Tensor2D;
        const forgetBias = tf.scalar(1);
        for (const x of order) [c, h] = tf.basicLSTMCell(forgetBias, cell.kernel, cell.bias, x, c, h);
        return h;
      };
      const code = tf.concat([last(this.weights.encoderFw, steps), last(this.weights.encoderBw, steps.slice().reverse())], 1);
      return code.matMul(this.weights.mu.kernel).add(this.weights.mu.bias);
    });
    const values = z.dataSync() as Float32Array;
    z.dispose();
    return sequences.map((_, b) => values.slice(b * this.zSize, (b + 1) * this.zSize));
  }

  /** Decodes every code in one batch into `numSteps` class indices each. */
  decode(codes: readonly Float32Array[], options: DecodeOptions = {}): Int32Array[] {
    const batch = codes.length;
    if (batch === 0) return [];
    const flat = new Float32Array(batch * this.zSize);
    codes.forEach((z, b) => flat.set(z, b * this.zSize));
    if (options.allowed && !options.allowed.some(Boolean)) throw new ModelError('The lock leaves the model no event to write', 'bad-request');
    const temperature = options.temperature ?? 0;
    const random = seededRandom(options.seed ?? 0);
    const out = Array.from({ length: batch }, () => new Int32Array(this.numSteps));
    const z = tf.tensor2d(flat, [batch, this.zSize]);
    const mask = options.allowed ? tf.tensor1d(options.allowed.map((ok) => (ok ? 0 : -1e9))) : null;
    const { weights } = this;
    const forgetBias = tf.scalar(1);
    const cells = weights.decoder.map(
      (cell) => (data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) => tf.basicLSTMCell(forgetBias, cell.kernel, cell.bias, data, c, h),
    );
    let state = tf.tidy(() => {
      const parts = tf.split(z.matMul(weights.zToInitialState.kernel).add(weights.zToInitialState.bias).tanh(), 2 * cells.length, 1) as tf.Tensor2D[];
      return { c: parts.filter((_, i) => i % 2 === 0), h: parts.filter((_, i) => i % 2 === 1) };
    });
    let input = tf.zeros([batch, this.depth]) as tf.Tensor2D;
    const chosen: tf.Tensor1D[] = [];
    for (let t = 0; t < this.numSteps; t++) {
      const next = tf.tidy(() => {
        const [c, h] = tf.multiRNNCell(cells, tf.concat([input, z], 1), state.c, state.h);
        let logits = h[h.length - 1].matMul(weights.output.kernel).add(weights.output.bias) as tf.Tensor2D;
        if (mask) logits = logits.add(mask);
        let classes: tf.Tensor1D;
        if (temperature > 0) {
          const rows = logits.arraySync();
          classes = tf.tensor1d(rows.map((row) => drawClass(row, temperature, random())), 'int32');
        } else classes = logits.argMax(1).as1D();
        return { c, h, classes, input: tf.oneHot(classes, this.depth).toFloat() as tf.Tensor2D };
      });
      tf.dispose([...state.c, ...state.h, input]);
      state = { c: next.c as tf.Tensor2D[], h: next.h as tf.Tensor2D[] };
      input = next.input;
      chosen.push(next.classes);
    }
    const all = tf.stack(chosen, 1);
    const values = all.dataSync();
    tf.dispose([all, ...chosen, ...state.c, ...state.h, input, z, forgetBias, ...(mask ? [mask] : [])]);
    out.forEach((row, b) => row.set(values.subarray(b * this.numSteps, (b + 1) * this.numSteps)));
    return out;
  }
}

/** A class from softmax(row / temperature), chosen with one uniform number u in [0, 1). */
function drawClass(row: number[], temperature: number, u: number): number {
  const max = Math.max(...row);
  const weights = row.map((v) => Math.exp((v - max) / temperature));
  let left = u * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    left -= weights[k];
    if (left < 0) return k;
  }
  return weights.length - 1;
}
