// Over 300 lines: the whole MusicVAE training graph (encoder, latent, decoder, loss) in one place, mirroring Magenta's variable layout.
/**
 * The MusicVAE training graph: a bidirectional LSTM encoder to q(z | x) = N(mu, sigma), and a teacher-forced
 * LSTM decoder whose initial state is tanh(dense(z)) and whose every input is [previous event, z], on
 * variables named and shaped as Magenta's checkpoint (vaeNames.ts), with the same basicLSTMCell arithmetic
 * (gates i, j, f, o; forget bias +1) that `mm.MusicVAE` runs.
 *
 * Everything is gate-major ([units, B]) and per time step, like the MusicRNN graph (model/rnnGraph.ts), so
 * the wasm backend only ever splits small blocks, and every per-step product goes through
 * `transposedMatMul`, whose gradient needs no transpose flags.
 */
import * as tf from '@tensorflow/tfjs';
import { transposedMatMul } from '../model/fastMatMul';
import { sampleClass } from '../random';
import { decoderCell, encoderCell, ENCODER_MU, ENCODER_SIGMA, OUTPUT_PROJECTION, Z_TO_INITIAL_STATE } from './vaeNames';
import { vaeDepth, type VaeSpec } from './vaeSpec';

export type VaeVariables = Record<string, tf.Variable>;

/**
 * Training keeps the decoder's first kernel as two variables, the rows that multiply [previous event, h]
 * and the rows that multiply z (projected once per sequence, since z is the same at every step); the
 * checkpoint joins them back in Magenta's row order [event, z, h].
 */
export const FIRST_KERNEL_EVENT_H = 'train/decoder/cell_0/kernel_event_h';
export const FIRST_KERNEL_Z = 'train/decoder/cell_0/kernel_z';

let modelCount = 0;

function glorot(shape: [number, number], seed: number): tf.Tensor2D {
  const limit = Math.sqrt(6 / (shape[0] + shape[1]));
  return tf.randomUniform(shape, -limit, limit, 'float32', seed);
}

/**
 * Fresh, seeded variables keyed by their checkpoint names: Glorot-uniform LSTM and projection kernels, the
 * encoder's mu/sigma kernels N(0, 0.001) as Magenta initialises them, zero biases. The tfjs names get a
 * per-model suffix because tfjs refuses duplicate variable names.
 */
export function createVaeVariables(spec: VaeSpec, seed: number): VaeVariables {
  const depth = vaeDepth(spec);
  const suffix = `_vae${++modelCount}`;
  const out: VaeVariables = {};
  const add = (name: string, value: tf.Tensor) => {
    out[name] = tf.variable(value, true, name + suffix);
  };
  const he = spec.encoderHidden;
  let s = seed;
  for (const dir of ['fw', 'bw'] as const) {
    add(encoderCell(dir, 'kernel'), glorot([depth + he, 4 * he], s++));
    add(encoderCell(dir, 'bias'), tf.zeros([4 * he]));
  }
  for (const p of [ENCODER_MU, ENCODER_SIGMA]) {
    add(p.kernel, tf.randomNormal([2 * he, spec.zSize], 0, 0.001, 'float32', s++));
    add(p.bias, tf.zeros([spec.zSize]));
  }
  let inSize = depth + spec.zSize;
  spec.decoderHidden.forEach((h, l) => {
    const kernel = glorot([inSize + h, 4 * h], s++);
    if (l === 0) {
      const [eventRows, zRows, hRows] = tf.split(kernel, [depth, spec.zSize, h], 0);
      add(FIRST_KERNEL_EVENT_H, tf.concat([eventRows, hRows], 0));
      add(FIRST_KERNEL_Z, zRows);
      tf.dispose([kernel, eventRows, zRows, hRows]);
    } else add(decoderCell(l, 'kernel'), kernel);
    add(decoderCell(l, 'bias'), tf.zeros([4 * h]));
    inSize = h;
  });
  const stateSize = 2 * spec.decoderHidden.reduce((a, b) => a + b, 0);
  add(Z_TO_INITIAL_STATE.kernel, glorot([spec.zSize, stateSize], s++));
  add(Z_TO_INITIAL_STATE.bias, tf.zeros([stateSize]));
  const last = spec.decoderHidden[spec.decoderHidden.length - 1];
  add(OUTPUT_PROJECTION.kernel, glorot([last, depth], s++));
  add(OUTPUT_PROJECTION.bias, tf.zeros([depth]));
  return out;
}

/** The checkpoint's tensors (Magenta's names and layout) from training variables; new tensors, caller-owned. */
export function toCheckpointTensors(vars: Record<string, tf.Tensor>): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [name, v] of Object.entries(vars)) {
    if (name !== FIRST_KERNEL_EVENT_H && name !== FIRST_KERNEL_Z) out[name] = tf.clone(v);
  }
  const depth = vars[OUTPUT_PROJECTION.bias].shape[0];
  out[decoderCell(0, 'kernel')] = tf.tidy(() => {
    const [eventRows, hRows] = tf.split(
      vars[FIRST_KERNEL_EVENT_H],
      [depth, vars[FIRST_KERNEL_EVENT_H].shape[0] - depth],
      0,
    );
    return tf.concat([eventRows, vars[FIRST_KERNEL_Z], hRows], 0);
  });
  return out;
}

/** Training-layout tensors from a checkpoint's (the inverse of toCheckpointTensors); new tensors. */
export function fromCheckpointTensors(tensors: Record<string, tf.Tensor>): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [name, t] of Object.entries(tensors)) if (name !== decoderCell(0, 'kernel')) out[name] = tf.clone(t);
  const depth = tensors[OUTPUT_PROJECTION.bias].shape[0];
  const kernel = tensors[decoderCell(0, 'kernel')];
  const units = (kernel.shape[1] as number) / 4;
  const [eventRows, zRows, hRows] = tf.split(kernel, [depth, kernel.shape[0] - depth - units, units], 0);
  out[FIRST_KERNEL_EVENT_H] = tf.concat([eventRows, hRows], 0);
  out[FIRST_KERNEL_Z] = zRows;
  tf.dispose([eventRows, hRows]);
  return out;
}

/** Reads the spec's sizes back from checkpoint-named tensors (pitch range and steps come from config.json). */
export function vaeShapeOf(
  vars: Record<string, tf.Tensor>,
): Pick<VaeSpec, 'encoderHidden' | 'decoderHidden' | 'zSize'> {
  const decoderHidden: number[] = [];
  for (let l = 0; vars[decoderCell(l, 'bias')]; l++) decoderHidden.push(vars[decoderCell(l, 'bias')].shape[0] / 4);
  return {
    encoderHidden: vars[encoderCell('fw', 'bias')].shape[0] / 4,
    decoderHidden,
    zSize: vars[ENCODER_MU.bias].shape[0],
  };
}

/** [0 x H, 0 x H, 1 x H, 0 x H] as a column: tf.basicLSTMCell's forget bias in gate order i, j, f, o. */
function biasColumn(bias: tf.Tensor): tf.Tensor2D {
  const h4 = bias.shape[0];
  const offset = new Float32Array(h4);
  offset.fill(1, h4 / 2, (3 * h4) / 4);
  return tf.reshape(tf.add(bias, tf.tensor1d(offset)), [h4, 1]);
}

/** One dense layer, gate-major: kernel^T · x + bias, for x [in, B]. */
function denseColumns(kernel: tf.Tensor, bias: tf.Tensor, x: tf.Tensor2D): tf.Tensor2D {
  const k = kernel as tf.Tensor2D;
  return tf.add(transposedMatMul(k)(tf.transpose(k), x), tf.reshape(bias, [bias.shape[0], 1]));
}

/**
 * Runs one LSTM layer over `inputs` (each [in, B]) from state (c, h); `constantGates` [4H, B] is added to
 * every step's gates (the decoder's z, which is the same at every step, is projected once this way).
 * `kernel` holds the rows of [input, h] in that order. Returns every step's h.
 */
function lstmLayer(
  kernel: tf.Tensor2D,
  bias: tf.Tensor,
  inputs: tf.Tensor2D[],
  c0: tf.Tensor2D,
  h0: tf.Tensor2D,
  constantGates?: tf.Tensor2D,
): tf.Tensor2D[] {
  const gates = transposedMatMul(kernel);
  const kernelT = tf.transpose(kernel);
  const b = constantGates ? tf.add(biasColumn(bias), constantGates) : biasColumn(bias);
  let c = c0;
  let h = h0;
  const out: tf.Tensor2D[] = [];
  for (const x of inputs) {
    const z = tf.add(gates(kernelT, tf.concat([x, h], 0)), b) as tf.Tensor2D;
    const [i, j, f, o] = tf.split(z, 4, 0);
    c = tf.add(tf.mul(tf.sigmoid(i), tf.tanh(j)), tf.mul(c, tf.sigmoid(f)));
    h = tf.mul(tf.tanh(c), tf.sigmoid(o));
    out.push(h);
  }
  return out;
}

/**
 * q(z | x) for one-hot steps `steps[t]` [depth, B]: mu and sigma, each [zSize, B]. The code is the forward
 * direction's last h next to the backward direction's last h (its output at step 0), as in Magenta.
 */
export function encodeColumns(
  vars: Record<string, tf.Tensor>,
  steps: tf.Tensor2D[],
): { mu: tf.Tensor2D; sigma: tf.Tensor2D } {
  const batch = steps[0].shape[1];
  const final = (dir: 'fw' | 'bw', inputs: tf.Tensor2D[]) => {
    const bias = vars[encoderCell(dir, 'bias')];
    const units = bias.shape[0] / 4;
    const zero = tf.zeros([units, batch]) as tf.Tensor2D;
    const hs = lstmLayer(vars[encoderCell(dir, 'kernel')] as tf.Tensor2D, bias, inputs, zero, zero);
    return hs[hs.length - 1];
  };
  const code = tf.concat([final('fw', steps), final('bw', steps.slice().reverse())], 0) as tf.Tensor2D;
  const mu = denseColumns(vars[ENCODER_MU.kernel], vars[ENCODER_MU.bias], code);
  const sigma = tf.softplus(denseColumns(vars[ENCODER_SIGMA.kernel], vars[ENCODER_SIGMA.bias], code)) as tf.Tensor2D;
  return { mu, sigma };
}

/** The decoder's initial (c, h) per layer from z [zSize, B]: tanh(dense(z)) split into c0, h0, c1, h1, ... */
function initialState(
  vars: Record<string, tf.Tensor>,
  z: tf.Tensor2D,
  layers: number,
): { c: tf.Tensor2D[]; h: tf.Tensor2D[] } {
  const all = tf.tanh(denseColumns(vars[Z_TO_INITIAL_STATE.kernel], vars[Z_TO_INITIAL_STATE.bias], z));
  const sizes: number[] = [];
  for (let l = 0; l < layers; l++) {
    const units = vars[decoderCell(l, 'bias')].shape[0] / 4;
    sizes.push(units, units);
  }
  const parts = tf.split(all, sizes, 0) as tf.Tensor2D[];
  return { c: parts.filter((_, i) => i % 2 === 0), h: parts.filter((_, i) => i % 2 === 1) };
}

function decoderLayers(vars: Record<string, tf.Tensor>): number {
  let l = 0;
  while (vars[decoderCell(l, 'bias')]) l++;
  return l;
}

/** Layer l's kernel over [input, h] (for layer 0 the input is the previous event; z is added separately). */
function decoderKernel(vars: Record<string, tf.Tensor>, layer: number): tf.Tensor2D {
  return (layer === 0 ? vars[FIRST_KERNEL_EVENT_H] : vars[decoderCell(layer, 'kernel')]) as tf.Tensor2D;
}

/**
 * Teacher-forced decoder logits: `previous[t]` [depth, B] is the one-hot event before step t (zeros at t = 0).
 * Returns [T * B, depth], row t * B + b being step t of sequence b.
 */
export function decoderLogits(vars: Record<string, tf.Tensor>, z: tf.Tensor2D, previous: tf.Tensor2D[]): tf.Tensor2D {
  const layers = decoderLayers(vars);
  const state = initialState(vars, z, layers);
  const zRows = vars[FIRST_KERNEL_Z] as tf.Tensor2D;
  const zGates = transposedMatMul(zRows)(tf.transpose(zRows), z);
  let outputs = lstmLayer(
    decoderKernel(vars, 0),
    vars[decoderCell(0, 'bias')],
    previous,
    state.c[0],
    state.h[0],
    zGates,
  );
  for (let l = 1; l < layers; l++) {
    outputs = lstmLayer(decoderKernel(vars, l), vars[decoderCell(l, 'bias')], outputs, state.c[l], state.h[l]);
  }
  const w = vars[OUTPUT_PROJECTION.kernel] as tf.Tensor2D;
  const project = transposedMatMul(w);
  const wT = tf.transpose(w);
  const logitsT = tf.concat(
    outputs.map((h) => project(wT, h)),
    1,
  );
  return tf.add(tf.transpose(logitsT), vars[OUTPUT_PROJECTION.bias]) as tf.Tensor2D;
}

/** KL(N(mu, sigma) || N(0, I)) per sequence in nats, [B], for mu and sigma [zSize, B]. */
export function klDivergence(mu: tf.Tensor2D, sigma: tf.Tensor2D): tf.Tensor1D {
  const perDim = tf.sub(tf.add(tf.square(mu), tf.square(sigma)), tf.add(tf.scalar(1), tf.mul(2, tf.log(sigma))));
  return tf.mul(0.5, tf.sum(perDim, 0)) as tf.Tensor1D;
}

export interface VaeBatchTensors {
  /** One-hot events per step, [depth, B] each. */
  steps: tf.Tensor2D[];
  /** Targets, row t * B + b. */
  targets: tf.Tensor1D;
  /** Standard normal noise for the reparameterised sample, [zSize, B]. */
  noise: tf.Tensor2D;
  /**
   * Per step, 1 where the decoder hears the previous event and 0 where it is dropped, [1, B] each ("word
   * dropout", Bowman et al. 2016): a decoder that sometimes cannot lean on the previous event has to read
   * the melody from z. Training only; the checkpoint and inference are unchanged.
   */
  keepPrevious?: tf.Tensor2D[];
}

export interface VaeLossParts {
  /** The training objective: mean reconstruction loss + beta * mean max(KL - free nats, 0). */
  loss: tf.Scalar;
  /** Mean over sequences of the summed cross-entropy (nats per sequence). */
  reconstruction: tf.Scalar;
  /** Mean KL per sequence (nats). */
  kl: tf.Scalar;
}

/**
 * Magenta's MusicVAE objective for one batch: the reparameterised z = mu + sigma * noise, the reconstruction
 * loss summed over steps and averaged over sequences, and the KL term weighted by `beta` once it exceeds
 * `freeNats` (free bits).
 */
export function vaeLoss(
  vars: Record<string, tf.Tensor>,
  batch: VaeBatchTensors,
  beta: number,
  freeNats: number,
): VaeLossParts {
  const { mu, sigma } = encodeColumns(vars, batch.steps);
  const z = tf.add(mu, tf.mul(sigma, batch.noise)) as tf.Tensor2D;
  const size = batch.steps[0].shape[0];
  const heard = [tf.zeros([size, mu.shape[1]]) as tf.Tensor2D, ...batch.steps.slice(0, -1)];
  const keep = batch.keepPrevious;
  const previous = keep ? heard.map((x, t) => (t === 0 ? x : (tf.mul(x, keep[t]) as tf.Tensor2D))) : heard;
  const logits = decoderLogits(vars, z, previous);
  const crossEntropy = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(batch.targets, size))));
  const sequences = mu.shape[1];
  const reconstruction = tf.div(crossEntropy, sequences) as tf.Scalar;
  const klPer = klDivergence(mu, sigma);
  const kl = tf.mean(klPer) as tf.Scalar;
  const klCost = tf.mean(tf.relu(tf.sub(klPer, freeNats)));
  return { loss: tf.add(reconstruction, tf.mul(beta, klCost)) as tf.Scalar, reconstruction, kl };
}

/**
 * Greedy (temperature 0) or sampled decoding of z [zSize, B] for `steps` steps, without teacher forcing, as
 * `mm.MusicVAE.decode` does it; returns the class of every step, [B][steps]. `uniform` draws the sampling
 * noise (seeded by the caller) when `temperature` > 0.
 */
export function decodeClasses(
  vars: Record<string, tf.Tensor>,
  z: tf.Tensor2D,
  steps: number,
  temperature = 0,
  uniform?: () => number,
): number[][] {
  const batch = z.shape[1];
  const depth = vars[OUTPUT_PROJECTION.bias].shape[0];
  const layers = decoderLayers(vars);
  const out: number[][] = Array.from({ length: batch }, () => []);
  let state = tf.tidy(() => initialState(vars, z, layers));
  const zGates = tf.tidy(() => tf.matMul(tf.transpose(vars[FIRST_KERNEL_Z] as tf.Tensor2D), z));
  let previous = new Int32Array(batch).fill(-1);
  for (let t = 0; t < steps; t++) {
    const next = tf.tidy(() => {
      const input = tf.transpose(tf.oneHot(tf.tensor1d(previous, 'int32'), depth).toFloat()) as tf.Tensor2D;
      const c: tf.Tensor2D[] = [];
      const h: tf.Tensor2D[] = [];
      let x = input;
      for (let l = 0; l < layers; l++) {
        const kernel = decoderKernel(vars, l);
        let gates = tf.add(
          tf.matMul(tf.transpose(kernel), tf.concat([x, state.h[l]], 0)),
          biasColumn(vars[decoderCell(l, 'bias')]),
        );
        if (l === 0) gates = tf.add(gates, zGates);
        const [i, j, f, o] = tf.split(gates, 4, 0);
        const cl = tf.add(tf.mul(tf.sigmoid(i), tf.tanh(j)), tf.mul(state.c[l], tf.sigmoid(f))) as tf.Tensor2D;
        const hl = tf.mul(tf.tanh(cl), tf.sigmoid(o)) as tf.Tensor2D;
        c.push(cl);
        h.push(hl);
        x = hl;
      }
      const logits = tf.add(
        tf.matMul(tf.transpose(x), vars[OUTPUT_PROJECTION.kernel] as tf.Tensor2D),
        vars[OUTPUT_PROJECTION.bias],
      );
      return { c, h, logits: logits as tf.Tensor2D };
    });
    tf.dispose([...state.c, ...state.h]);
    state = { c: next.c, h: next.h };
    const logits = next.logits.arraySync();
    next.logits.dispose();
    previous = Int32Array.from(logits, (row, b) => {
      const cls = temperature > 0 && uniform ? sampleClass(row, temperature, uniform()) : argMax(row);
      out[b].push(cls);
      return cls;
    });
  }
  tf.dispose([...state.c, ...state.h, zGates]);
  return out;
}

function argMax(row: number[]): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
  return best;
}
