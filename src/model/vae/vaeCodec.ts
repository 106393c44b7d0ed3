// Over 300 lines: the MusicVAE encoder and decoder step math mirrors mm.MusicVAE in one file, so the parity test reads against one place.
import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '../random';
import { ModelError } from '../types';

/**
 * The MusicVAE's encoder and decoder for the worker, batched: the variables `mm.MusicVAE` loaded and its
 * arithmetic (tf.basicLSTMCell: z = [x, h] · kernel + bias, gates i, j, f, o, forget bias 1; the code is
 * the forward LSTM's last h next to the backward one's; the decoder starts from tanh(dense(z)) split into
 * c0, h0, c1, h1... and reads [previous one-hot event, z] at every step), so encoding equals
 * `mm.MusicVAE.encode` within float rounding and greedy decoding equals `mm.MusicVAE.decode` note for note
 * (tests/unit/train/vaeParity.test.ts).
 *
 * Laid out for speed the way the MusicRNN sampler is (sampler.ts): only the recurrent products h · W_h run
 * as tfjs matMuls (both encoder directions in one batched product per step); the one-hot input's product is
 * a row of the kernel added in JS, z's share of the decoder's gates is computed once per code, and the gate
 * arithmetic runs in JS. Measured on wasm, Magenta's one-op-at-a-time graph spends most of its time in
 * per-op overhead at these sizes (~35 small ops per step).
 *
 * Two things Magenta's class does not do: a mask of allowed classes (the key/scale lock) applied before
 * each choice, and seeded sampling when a temperature is given.
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
  for (let l = 0; vars[`decoder/multi_rnn_cell/cell_${l}/lstm_cell/kernel`]; l++)
    decoder.push(dense(`decoder/multi_rnn_cell/cell_${l}/lstm_cell`));
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

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** rows [B, n] · kernel rows [from, from + n) of a [*, cols] kernel + bias, in JS (for the small products). */
function denseRows(
  rows: Float32Array,
  batch: number,
  kernel: Float32Array,
  cols: number,
  from: number,
  n: number,
  bias?: Float32Array,
): Float32Array {
  const out = new Float32Array(batch * cols);
  for (let b = 0; b < batch; b++) {
    const o = b * cols;
    if (bias) out.set(bias, o);
    for (let k = 0; k < n; k++) {
      const v = rows[b * n + k];
      if (v === 0) continue;
      const r = (from + k) * cols;
      for (let c = 0; c < cols; c++) out[o + c] += v * kernel[r + c];
    }
  }
  return out;
}

/**
 * One LSTM step in place for one batch row: `gates` (4H, already holding [x, h] · kernel + bias for that row)
 * updates c and h at `at` (basicLSTMCell: forget bias +1).
 */
function lstmUpdate(gates: Float32Array, g: number, c: Float32Array, h: Float32Array, at: number, units: number): void {
  for (let k = 0; k < units; k++) {
    const i = gates[g + k];
    const j = gates[g + units + k];
    const f = gates[g + 2 * units + k];
    const o = gates[g + 3 * units + k];
    const cell = sigmoid(i) * Math.tanh(j) + c[at + k] * sigmoid(f + 1);
    c[at + k] = cell;
    h[at + k] = Math.tanh(cell) * sigmoid(o);
  }
}

/** Encodes and decodes with loaded weights; it owns the few tensors it makes from them (dispose frees them). */
export class VaeCodec {
  readonly depth: number;
  readonly zSize: number;
  private readonly encUnits: number;
  /** Encoder W_h of both directions, stacked [2, H, 4H], for one batched product per step. */
  private readonly encRecurrent: tf.Tensor3D;
  private readonly encInput: [Float32Array, Float32Array];
  private readonly encBias: [Float32Array, Float32Array];
  private readonly mu: { kernel: Float32Array; bias: Float32Array };
  private readonly units: number[];
  /** Per decoder layer: the recurrent product's matrix ([h] for layer 0, [input h, own h] above). */
  private readonly decRecurrent: tf.Tensor2D[];
  private readonly decKernel0: Float32Array;
  private readonly decBias: Float32Array[];
  private readonly init: { kernel: Float32Array; bias: Float32Array };
  private readonly out: { kernel: Float32Array; bias: Float32Array };

  constructor(
    weights: VaeWeights,
    readonly numSteps: number,
  ) {
    const data = (t: tf.Tensor) => t.dataSync() as Float32Array;
    this.depth = weights.output.bias.shape[0];
    this.zSize = weights.mu.bias.shape[0];
    this.encUnits = weights.encoderFw.bias.shape[0] / 4;
    const H = this.encUnits;
    const D = this.depth;
    this.encRecurrent = tf.tidy(() =>
      tf.stack([weights.encoderFw, weights.encoderBw].map((w) => tf.slice(w.kernel, [D, 0], [H, 4 * H]))),
    ) as tf.Tensor3D;
    this.encInput = [data(weights.encoderFw.kernel), data(weights.encoderBw.kernel)];
    this.encBias = [data(weights.encoderFw.bias), data(weights.encoderBw.bias)];
    this.mu = { kernel: data(weights.mu.kernel), bias: data(weights.mu.bias) };
    this.units = weights.decoder.map((d) => d.bias.shape[0] / 4);
    const first = this.depth + this.zSize;
    this.decRecurrent = weights.decoder.map((d, l) =>
      l === 0 ? tf.slice(d.kernel, [first, 0], [this.units[0], 4 * this.units[0]]) : tf.clone(d.kernel),
    );
    this.decKernel0 = data(weights.decoder[0].kernel);
    this.decBias = weights.decoder.map((d) => data(d.bias));
    this.init = { kernel: data(weights.zToInitialState.kernel), bias: data(weights.zToInitialState.bias) };
    this.out = { kernel: data(weights.output.kernel), bias: data(weights.output.bias) };
  }

  /** Frees the tensors the codec made (not the loaded weights). */
  dispose(): void {
    tf.dispose([this.encRecurrent, ...this.decRecurrent]);
  }

  /** rows [rows, k] · W as a tfjs product, read back. */
  private product(rows: Float32Array, shape: number[], w: tf.Tensor): Float32Array {
    const x = tf.tensor(rows, shape);
    const y = tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D);
    const values = y.dataSync() as Float32Array;
    tf.dispose([x, y]);
    return values;
  }

  /** The latent code (mu) of each sequence of `numSteps` class indices. */
  encode(sequences: readonly ArrayLike<number>[]): Float32Array[] {
    const B = sequences.length;
    const T = this.numSteps;
    const H = this.encUnits;
    for (const s of sequences)
      if (s.length !== T) throw new ModelError(`The model encodes ${T} steps, not ${s.length}`, 'bad-request');
    if (B === 0) return [];
    // Direction d's state rows live at (d * B + b) * H: fw first, then bw, as the stacked product expects.
    const c = new Float32Array(2 * B * H);
    const h = new Float32Array(2 * B * H);
    for (let s = 0; s < T; s++) {
      const recurrent = s === 0 ? new Float32Array(2 * B * 4 * H) : this.product(h, [2, B, H], this.encRecurrent);
      for (let d = 0; d < 2; d++) {
        const t = d === 0 ? s : T - 1 - s;
        for (let b = 0; b < B; b++) {
          const g = (d * B + b) * 4 * H;
          const row = sequences[b][t] * 4 * H;
          const input = this.encInput[d];
          const bias = this.encBias[d];
          for (let k = 0; k < 4 * H; k++) recurrent[g + k] += input[row + k] + bias[k];
          lstmUpdate(recurrent, g, c, h, (d * B + b) * H, H);
        }
      }
    }
    const code = new Float32Array(B * 2 * H);
    for (let b = 0; b < B; b++) {
      code.set(h.subarray(b * H, (b + 1) * H), b * 2 * H);
      code.set(h.subarray((B + b) * H, (B + b + 1) * H), b * 2 * H + H);
    }
    const z = denseRows(code, B, this.mu.kernel, this.zSize, 0, 2 * H, this.mu.bias);
    return sequences.map((_, b) => z.slice(b * this.zSize, (b + 1) * this.zSize));
  }

  /** Decodes every code in one batch into `numSteps` class indices each. */
  decode(codes: readonly Float32Array[], options: DecodeOptions = {}): Int32Array[] {
    const B = codes.length;
    if (B === 0) return [];
    const { depth, zSize, units } = this;
    if (options.allowed && !options.allowed.some(Boolean))
      throw new ModelError('The lock leaves the model no event to write', 'bad-request');
    const temperature = options.temperature ?? 0;
    const random = seededRandom(options.seed ?? 0);
    const z = new Float32Array(B * zSize);
    codes.forEach((code, b) => z.set(code, b * zSize));
    // Initial state: tanh(z · W + b), split evenly into c0, h0, c1, h1, ... as Magenta splits it.
    const stateSize = this.init.bias.length;
    const initial = denseRows(z, B, this.init.kernel, stateSize, 0, zSize, this.init.bias).map(Math.tanh);
    const part = stateSize / (2 * units.length);
    const c = units.map((H) => new Float32Array(B * H));
    const h = units.map((H) => new Float32Array(B * H));
    units.forEach((H, l) => {
      for (let b = 0; b < B; b++) {
        for (let k = 0; k < H; k++) {
          c[l][b * H + k] = initial[b * stateSize + 2 * l * part + k];
          h[l][b * H + k] = initial[b * stateSize + (2 * l + 1) * part + k];
        }
      }
    });
    // z's share of layer 0's gates (plus its bias), once per code.
    const G0 = 4 * units[0];
    const zGates = denseRows(z, B, this.decKernel0, G0, depth, zSize, this.decBias[0]);
    const out = Array.from({ length: B }, () => new Int32Array(this.numSteps));
    const previous = new Int32Array(B).fill(-1);
    const logits = new Float32Array(depth);
    for (let t = 0; t < this.numSteps; t++) {
      let below = h[0];
      units.forEach((H, l) => {
        const gates =
          l === 0
            ? this.product(h[0], [B, H], this.decRecurrent[0])
            : this.product(interleave(below, units[l - 1], h[l], H, B), [B, units[l - 1] + H], this.decRecurrent[l]);
        for (let b = 0; b < B; b++) {
          const g = b * 4 * H;
          if (l === 0) {
            const row = previous[b] * G0;
            for (let k = 0; k < G0; k++)
              gates[g + k] += zGates[b * G0 + k] + (previous[b] >= 0 ? this.decKernel0[row + k] : 0);
          } else {
            const bias = this.decBias[l];
            for (let k = 0; k < 4 * H; k++) gates[g + k] += bias[k];
          }
          lstmUpdate(gates, g, c[l], h[l], b * H, H);
        }
        below = h[l];
      });
      const top = h[h.length - 1];
      const H = units[units.length - 1];
      for (let b = 0; b < B; b++) {
        logits.set(this.out.bias);
        for (let k = 0; k < H; k++) {
          const v = top[b * H + k];
          const r = k * depth;
          for (let e = 0; e < depth; e++) logits[e] += v * this.out.kernel[r + e];
        }
        const choice =
          temperature > 0 ? drawClass(logits, temperature, random(), options.allowed) : argMax(logits, options.allowed);
        out[b][t] = choice;
        previous[b] = choice;
      }
    }
    return out;
  }
}

/** Rows [a_b, c_b] for each batch row b: the next layer's input h next to its own h. */
function interleave(a: Float32Array, aWidth: number, c: Float32Array, cWidth: number, batch: number): Float32Array {
  const out = new Float32Array(batch * (aWidth + cWidth));
  for (let b = 0; b < batch; b++) {
    out.set(a.subarray(b * aWidth, (b + 1) * aWidth), b * (aWidth + cWidth));
    out.set(c.subarray(b * cWidth, (b + 1) * cWidth), b * (aWidth + cWidth) + aWidth);
  }
  return out;
}

/** The most likely allowed class (the first on ties, as tf.argMax). */
function argMax(logits: Float32Array, allowed?: readonly boolean[]): number {
  let best = -1;
  for (let k = 0; k < logits.length; k++) {
    if (allowed && !allowed[k]) continue;
    if (best < 0 || logits[k] > logits[best]) best = k;
  }
  return best;
}

/** An allowed class from softmax(logits / temperature), chosen with one uniform number u in [0, 1). */
function drawClass(logits: Float32Array, temperature: number, u: number, allowed?: readonly boolean[]): number {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) if (!allowed || allowed[k]) max = Math.max(max, logits[k]);
  const weights = Array.from(logits, (v, k) => (!allowed || allowed[k] ? Math.exp((v - max) / temperature) : 0));
  let left = u * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    left -= weights[k];
    if (left < 0 && weights[k] > 0) return k;
  }
  return argMax(logits, allowed);
}
