/**
 * The MusicRNN graph for training: a stack of tf.basicLSTMCell-equivalent layers (gates i, j, f, o, forget
 * bias +1) and a fully connected output, on variables named and shaped exactly as Magenta's checkpoint, so
 * the trained weights load into `mm.MusicRNN` without conversion.
 *
 * For speed the kernel is sliced into its input rows and recurrent rows: the input projection of all time
 * steps is one big matMul, and only h · W_h stays inside the time loop. That is the same arithmetic as
 * concat([x, h]) · kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { lstmCell } from './lstmCell';
import {
  ATT_INPUT_BIAS,
  biasName,
  cellBiasName,
  cellKernelName,
  FC_BIASES,
  FC_WEIGHTS,
  isAttentionCheckpoint,
  kernelName,
} from './checkpointNames';
import { transposedMatMul } from './fastMatMul';

export interface RnnShape {
  /** Width of one step's input: chord encoding + event one-hot + aux inputs. */
  inputSize: number;
  /** Hidden size of each LSTM layer, bottom first. */
  hidden: number[];
  /** Number of output classes (MelodyConverter depth). */
  depth: number;
}

export type RnnVariables = Record<string, tf.Variable>;

let modelCount = 0;

/**
 * Creates freshly initialised variables (Glorot-uniform kernels, zero biases), seeded, keyed by their
 * checkpoint names. The tfjs variable names get a per-model suffix, since tfjs refuses duplicate names.
 */
export function createRnnVariables(shape: RnnShape, seed: number): RnnVariables {
  const vars: RnnVariables = {};
  const suffix = `_m${++modelCount}`;
  let inSize = shape.inputSize;
  shape.hidden.forEach((h, l) => {
    const fanIn = inSize + h;
    const limit = Math.sqrt(6 / (fanIn + 4 * h));
    vars[kernelName(l)] = tf.variable(
      tf.randomUniform([fanIn, 4 * h], -limit, limit, 'float32', seed + l),
      true,
      kernelName(l) + suffix,
    );
    vars[biasName(l)] = tf.variable(tf.zeros([4 * h]), true, biasName(l) + suffix);
    inSize = h;
  });
  const last = shape.hidden[shape.hidden.length - 1];
  const limit = Math.sqrt(6 / (last + shape.depth));
  vars[FC_WEIGHTS] = tf.variable(
    tf.randomUniform([last, shape.depth], -limit, limit, 'float32', seed + 99),
    true,
    FC_WEIGHTS + suffix,
  );
  vars[FC_BIASES] = tf.variable(tf.zeros([shape.depth]), true, FC_BIASES + suffix);
  return vars;
}

/** Reads the layer sizes back from a set of checkpoint-named tensors (plain or attention RNN). */
export function shapeOfVariables(vars: Record<string, tf.Tensor>): RnnShape {
  const attention = isAttentionCheckpoint(Object.keys(vars));
  const hidden: number[] = [];
  for (let l = 0; vars[cellKernelName(l, attention)]; l++) hidden.push(vars[cellBiasName(l, attention)].shape[0] / 4);
  // The attention wrapper projects [input, attention] back to the input's width before the first layer.
  const inputSize = attention ? vars[ATT_INPUT_BIAS].shape[0] : vars[kernelName(0)].shape[0] - hidden[0];
  return { inputSize, hidden, depth: vars[FC_BIASES].shape[0] };
}

/**
 * Logits for every step of a batch given as one gate-major input per time step (`stepInputs[t]` is
 * [inputSize, B]); returns [T * B, depth] where row t * B + b is step t of sequence b. State starts at
 * zero, as in MusicRNN.
 *
 * Everything inside the time loop is gate-major ([H, B], [4H, B]) and per step, for the wasm backend: its
 * slice/split kernels copy their whole input first, so slicing one step out of a big [T, ...] tensor costs
 * O(T) each time, while splitting a small [4H, B] gate block along rows is a cheap contiguous copy.
 */
export function rnnLogits(vars: Record<string, tf.Tensor>, stepInputs: tf.Tensor2D[], dropout?: Dropout): tf.Tensor2D {
  const batch = stepInputs[0].shape[1];
  let layerInputs = stepInputs;
  for (let l = 0; vars[kernelName(l)]; l++) {
    const kernel = vars[kernelName(l)] as tf.Tensor2D;
    const h4 = kernel.shape[1];
    const hSize = h4 / 4;
    const kernelT = tf.transpose(kernel);
    const gates = transposedMatMul(kernel);
    // The basicLSTMCell forget bias (+1 on the f gate) is folded into the bias column once per layer.
    const biasColumn = tf.reshape(tf.add(vars[biasName(l)], forgetOffset(hSize)), [h4, 1]);
    let c: tf.Tensor2D = tf.zeros([hSize, batch]);
    let h: tf.Tensor2D = tf.zeros([hSize, batch]);
    const keep = dropout && dropout.rate > 0 ? dropoutMask(hSize, batch, dropout.rate, dropout.seed + l) : undefined;
    const outputs: tf.Tensor2D[] = [];
    for (const x of layerInputs) {
      const z = tf.add(gates(kernelT, tf.concat([x, h], 0)), biasColumn) as tf.Tensor2D;
      ({ c, h } = lstmCell(z, c));
      // The recurrent path keeps h whole; only what goes up the stack (and to the output layer) is dropped.
      outputs.push(keep ? tf.mul(h, keep) : h);
    }
    layerInputs = outputs;
  }
  const fcW = vars[FC_WEIGHTS] as tf.Tensor2D;
  const project = transposedMatMul(fcW);
  const fcWT = tf.transpose(fcW);
  const logitsT = tf.concat(
    layerInputs.map((h) => project(fcWT, h)),
    1,
  );
  return tf.add(tf.transpose(logitsT), vars[FC_BIASES]) as tf.Tensor2D;
}

/**
 * Training-time dropout on the connections between layers and to the output layer, never on the recurrent
 * ones (Zaremba et al. 2014), with one mask per layer and sequence for the whole window (Gal & Ghahramani
 * 2016, "variational" dropout): a unit dropped for one sequence stays dropped for all its steps. Kept units
 * scale by 1 / (1 - rate), so the trained weights serve unchanged without dropout in Magenta JS.
 */
export interface Dropout {
  rate: number;
  /** Seed of this batch's masks (a new one per training step). */
  seed: number;
}

/** [H, B] of 0 and 1 / (1 - rate). */
export function dropoutMask(hSize: number, batch: number, rate: number, seed: number): tf.Tensor2D {
  return tf.tidy(() =>
    tf.div(
      tf.cast(tf.greaterEqual(tf.randomUniform([hSize, batch], 0, 1, 'float32', seed), rate), 'float32'),
      1 - rate,
    ),
  );
}

/** [0 x H, 0 x H, 1 x H, 0 x H]: the forget bias of tf.basicLSTMCell in gate order i, j, f, o. */
function forgetOffset(hSize: number): tf.Tensor1D {
  const values = new Float32Array(4 * hSize);
  values.fill(1, 2 * hSize, 3 * hSize);
  return tf.tensor1d(values);
}

/** The log-probability each row of `logits` [N, depth] gives its integer target [N]: [N]. */
export function targetLogProbs(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Tensor1D {
  return tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(targets, logits.shape[1])), 1) as tf.Tensor1D;
}

/**
 * Mean cross-entropy (nats per counted step) of `logits` [N, depth] against integer `targets` [N],
 * counting only rows whose `mask` is 1.
 */
export function maskedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, mask: tf.Tensor1D): tf.Scalar {
  const picked = targetLogProbs(logits, targets);
  return tf.div(tf.neg(tf.sum(tf.mul(picked, mask))), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
}

/**
 * The off-key penalty (`--off-key-penalty`): the mean over rows with a key of -log(1 - P(off-key note)), where
 * P(off-key note) is the probability the model puts on the classes marked in `offKeyClasses` [T * B, depth]. A
 * model sampled at T = 1 plays what its probabilities leak to; trained by likelihood alone a pop model leaks about
 * 3 % of its note mass to pitches outside the song's key (real songs: 0.2-0.7 %), and no target ever pays for it
 * directly. Rows without a key are all zero and add -log 1 = 0.
 */
export function offKeyPenalty(logits: tf.Tensor2D, offKeyClasses: tf.Tensor2D, keyedRows: number): tf.Scalar {
  const offMass = tf.sum(tf.mul(tf.softmax(logits), offKeyClasses), 1);
  const terms = tf.neg(tf.log(tf.maximum(tf.sub(1, offMass), 1e-6)));
  return tf.div(tf.sum(terms), Math.max(keyedRows, 1)) as tf.Scalar;
}
