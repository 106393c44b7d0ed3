/**
 * Magenta's attention RNN for training: three basicLSTMCell layers of one size wrapped in the
 * AttentionCellWrapper exactly as Magenta JS (`music_rnn/attention.ts`) runs it, on variables named and
 * shaped as its checkpoint, so trained weights load into `new mm.MusicRNN(url)` unchanged. At every step:
 *
 *   x' = [x, a_prev] · Win + bin                      (a_prev: last step's attention read-out, 0 at first)
 *   (c, h) = 3-layer LSTM(x', c, h)
 *   y = [c0, h0, c1, h1, c2, h2] · Wq                  (no bias: Magenta JS loads attention/bias, never adds it)
 *   s_j = v · tanh(o_j · Ww + y)  for the L remembered outputs o_j (zeros until L steps have passed)
 *   a = Σ softmax(s)_j o_j
 *   o = [h2, a] · Wout + bout                          (the step's output, fed to fully_connected and remembered)
 *
 * Layout as in rnnGraph.ts: everything per step is gate-major ([size, B]) for the wasm backend. The read-out
 * (attentionRead.ts) has its own gradient, so memory does not grow with L x T.
 */
import * as tf from '@tensorflow/tfjs';
import { sampleClass } from '../random';
import { lstmCell } from './lstmCell';
import {
  ATT_INPUT_BIAS,
  ATT_INPUT_KERNEL,
  ATT_OUTPUT_BIAS,
  ATT_OUTPUT_KERNEL,
  ATT_QUERY_BIAS,
  ATT_QUERY_KERNEL,
  ATT_V,
  ATT_W,
  attentionBiasName,
  attentionKernelName,
  FC_BIASES,
  FC_WEIGHTS,
} from './checkpointNames';
import { appendSlot, attentionRead, attentionReadWithWeights, emptySlotBias, shiftWindow } from './attentionRead';
import { transposedMatMul } from './fastMatMul';
import { dropoutMask, type Dropout, type RnnShape, type RnnVariables } from './rnnGraph';

/** Layers Magenta JS's AttentionWrapper supports: it reads the top state as `h[2]`. */
export const ATTENTION_LAYERS = 3;

let modelCount = 0;

/**
 * A [rows, cols] block whose first `cols` rows are the identity and the rest zeros: a projection of [x, extra]
 * that starts out passing x through unchanged. The extra rows (the attention read-out) start at zero because
 * Glorot-sized ones swamp the input: 96 read-out units at ±0.18 add noise of about the read-out's own size to
 * every one-hot input unit, and a run started so was at 1.43 nats after 400 steps. The zeros still get
 * gradients (the read-out is not zero), so the model learns to use its memory from the first step.
 */
function identityOnTop(rows: number, cols: number): tf.Tensor2D {
  return tf.tidy(() => tf.concat([tf.eye(cols), tf.zeros([rows - cols, cols])], 0) as tf.Tensor2D);
}

/**
 * Fresh variables for an attention RNN, keyed by checkpoint name: Glorot-uniform kernels and scoring vector,
 * zero biases, and the two projections around the LSTM stack started as exact pass-throughs of the event input
 * and of the top layer's h (identityOnTop). So the untrained model is a plain 3-layer LSTM that learns to use its
 * memory, rather than one whose input first passes a random 171 -> 43 projection: a first run with Glorot
 * projections learned far slower per step than the plain models (validation 1.33 nats after 900 steps where
 * melody-rnn-v2 had 0.99). The query bias is created untrainable at zero, so the export holds it and Magenta JS
 * (which ignores it) and TensorFlow (which adds it) mean the same model.
 */
export function createAttentionVariables(shape: RnnShape, seed: number): RnnVariables {
  const { inputSize, hidden, depth } = shape;
  if (hidden.length !== ATTENTION_LAYERS || hidden.some((h) => h !== hidden[0])) {
    throw new Error(
      `an attention RNN needs ${ATTENTION_LAYERS} LSTM layers of one size (Magenta JS reads h[2]); got ${hidden.join(',')}`,
    );
  }
  const size = hidden[0];
  const suffix = `_a${++modelCount}`;
  const vars: RnnVariables = {};
  let s = seed;
  const variable = (name: string, value: tf.Tensor, trainable = true) => {
    vars[name] = tf.variable(value, trainable, name + suffix);
  };
  const glorot = (name: string, shape2: number[], fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    variable(name, tf.randomUniform(shape2, -limit, limit, 'float32', s++));
  };
  const zeros = (name: string, n: number, trainable = true) => variable(name, tf.zeros([n]), trainable);
  variable(ATT_INPUT_KERNEL, identityOnTop(inputSize + size, inputSize));
  zeros(ATT_INPUT_BIAS, inputSize);
  let inSize = inputSize;
  for (let l = 0; l < ATTENTION_LAYERS; l++) {
    glorot(attentionKernelName(l), [inSize + size, 4 * size], inSize + size, 4 * size);
    zeros(attentionBiasName(l), 4 * size);
    inSize = size;
  }
  glorot(ATT_W, [1, 1, size, size], size, size);
  glorot(ATT_V, [size], size, size);
  glorot(ATT_QUERY_KERNEL, [2 * ATTENTION_LAYERS * size, size], 2 * ATTENTION_LAYERS * size, size);
  zeros(ATT_QUERY_BIAS, size, false);
  variable(ATT_OUTPUT_KERNEL, identityOnTop(2 * size, size));
  zeros(ATT_OUTPUT_BIAS, size);
  glorot(FC_WEIGHTS, [size, depth], size, depth);
  zeros(FC_BIASES, depth);
  return vars;
}

/** [0 x H, 0 x H, 1 x H, 0 x H]: the forget bias of tf.basicLSTMCell in gate order i, j, f, o. */
function forgetOffset(hSize: number): tf.Tensor1D {
  const values = new Float32Array(4 * hSize);
  values.fill(1, 2 * hSize, 3 * hSize);
  return tf.tensor1d(values);
}

/**
 * Copy supervision while training: at steps whose target repeats something still in the attention memory,
 * a loss on how little weight the attention puts on that slot. It teaches the model where to look; what it
 * predicts from what it reads is left to the ordinary loss, and the exported model is a plain attention RNN.
 */
export interface CopySupervision {
  /** Per step, [B, L] marking the memory slots that hold what the step's target repeats, or null (none). */
  slots: (tf.Tensor2D | null)[];
  /** Targets with a marked slot, in all. */
  counted: number;
  /** Set by attentionLogits: mean over those targets of -log(the attention weight on their marked slots). */
  loss?: tf.Scalar;
}

/**
 * Scheduled sampling (Bengio et al. 2015) while training: at each step after the first, a share `rate` of the
 * sequences is fed, in place of the real event, one sampled from the model's own prediction at the step
 * before; targets stay the real events. A model trained only on real inputs copies a motif well given the real
 * bars before it, then loses the copy once it continues from its own (measured: `--task repeats`, BENCHMARKS).
 * The sample is drawn in JS from the logits' values and fed as a constant: no gradient flows through it.
 */
export interface OwnInputs {
  rate: number;
  /** First row of the event one-hot in a step's input (after the chord encoding of chord models). */
  eventRow: number;
  /** Uniform [0, 1) numbers (seeded by the caller). */
  random: () => number;
}

/** The step input `x` [inputSize, B] with the event rows of some columns replaced by samples of `logits` [B, depth]. */
function withOwnEvents(x: tf.Tensor2D, logits: tf.Tensor2D, own: OwnInputs): tf.Tensor2D {
  const [batch, depth] = logits.shape;
  const values = logits.dataSync();
  const picks = new Float32Array(depth * batch);
  const keep = new Float32Array(batch).fill(1);
  let sampled = 0;
  for (let b = 0; b < batch; b++) {
    if (own.random() >= own.rate) continue;
    const pick = sampleClass(Array.from(values.subarray(b * depth, (b + 1) * depth)), 1, own.random());
    picks[pick * batch + b] = 1;
    keep[b] = 0;
    sampled++;
  }
  if (!sampled) return x;
  const events = tf.slice(x, [own.eventRow, 0], [depth, batch]);
  const mixed = tf.add(tf.mul(events, tf.tensor2d(keep, [1, batch])), tf.tensor2d(picks, [depth, batch]));
  const parts = [tf.slice(x, [0, 0], [own.eventRow, batch]), mixed];
  const after = x.shape[0] - own.eventRow - depth;
  if (after > 0) parts.push(tf.slice(x, [own.eventRow + depth, 0], [after, batch]));
  return tf.concat(parts, 0) as tf.Tensor2D;
}

/**
 * Logits for every step of a batch given as gate-major step inputs (`stepInputs[t]` is [inputSize, B]);
 * returns [T * B, depth] where row t * B + b is step t of sequence b. State and memory start at zero.
 */
export function attentionLogits(
  vars: Record<string, tf.Tensor>,
  stepInputs: tf.Tensor2D[],
  attentionLength: number,
  copy?: CopySupervision,
  own?: OwnInputs,
  dropout?: Dropout,
): tf.Tensor2D {
  const batch = stepInputs[0].shape[1];
  const size = vars[ATT_OUTPUT_BIAS].shape[0];
  const product = (name: string, w: tf.Tensor2D = vars[name] as tf.Tensor2D) => {
    const mm = transposedMatMul(w);
    const wT = tf.transpose(w);
    return (x: tf.Tensor2D) => mm(wT, x);
  };
  const column = (t: tf.Tensor) => tf.reshape(t, [t.shape[0]!, 1]);
  const project = product(ATT_INPUT_KERNEL);
  const projectBias = column(vars[ATT_INPUT_BIAS]);
  const cells = Array.from({ length: ATTENTION_LAYERS }, (_, l) => ({
    gates: product(attentionKernelName(l)),
    bias: column(tf.add(vars[attentionBiasName(l)], forgetOffset(size))),
  }));
  const query = product(ATT_QUERY_KERNEL);
  // Keys are kept doubled (attentionRead.ts): 2 o · Ww, made once per output, batch-major.
  const keyWeights = tf.mul(tf.reshape(vars[ATT_W], [size, size]), 2) as tf.Tensor2D;
  const v = vars[ATT_V] as tf.Tensor1D;
  const output = product(ATT_OUTPUT_KERNEL);
  const outputBias = column(vars[ATT_OUTPUT_BIAS]);

  const c: tf.Tensor2D[] = cells.map(() => tf.zeros([size, batch]));
  const h: tf.Tensor2D[] = cells.map(() => tf.zeros([size, batch]));
  // As Magenta's DropoutWrapper around each cell of the stack: a layer's h is dropped where it goes up (to the
  // next layer, or from the top layer into the output projection); the states the query reads and the
  // recurrent path keep it whole. One mask per layer and sequence for the whole window (rnnGraph.ts).
  const keep =
    dropout && dropout.rate > 0
      ? Array.from({ length: ATTENTION_LAYERS }, (_, l) => dropoutMask(size, batch, dropout.rate, dropout.seed + l))
      : undefined;
  const passedUp = (l: number) => (keep ? tf.mul(h[l], keep[l]) : h[l]) as tf.Tensor2D;
  let attention: tf.Tensor2D = tf.zeros([size, batch]);
  const outputs: tf.Tensor2D[] = [];
  /**
   * The last L outputs and their doubled keys, batch-major. Until L outputs are written, one zero slot stands
   * for the unwritten ones (emptySlotBias) before the written ones: [B, 1 + written, A]; then [B, L, A].
   */
  let memory = tf.zeros([batch, 1, size]) as tf.Tensor3D;
  let keys = memory;
  const copyTerms: tf.Scalar[] = [];
  const fc = product(FC_WEIGHTS);
  const stepLogits: tf.Tensor2D[] = [];
  for (const [t, given] of stepInputs.entries()) {
    const x =
      own && own.rate > 0 && t > 0
        ? withOwnEvents(given, tf.add(tf.transpose(stepLogits[t - 1]), vars[FC_BIASES]) as tf.Tensor2D, own)
        : given;
    let input = tf.add(project(tf.concat([x, attention], 0)), projectBias) as tf.Tensor2D;
    cells.forEach((cell, l) => {
      const z = tf.add(cell.gates(tf.concat([input, h[l]], 0)), cell.bias) as tf.Tensor2D;
      ({ c: c[l], h: h[l] } = lstmCell(z, c[l]));
      input = passedUp(l);
    });
    const y = query(
      tf.concat(
        c.flatMap((cl, l) => [cl, h[l]]),
        0,
      ),
    );
    // Before the first output the memory is all zeros, and so is the read-out.
    const written = Math.min(outputs.length, attentionLength);
    const bias =
      outputs.length > 0 && written < attentionLength ? emptySlotBias(attentionLength - written, written) : undefined;
    const marked = copy?.slots[t];
    if (outputs.length > 0 && marked) {
      const both = attentionReadWithWeights(tf.transpose(tf.mul(y, 2)) as tf.Tensor2D, v, keys, memory, bias);
      // Slot k of the full memory (marked) is the written slot k - (L - written), here after the zero slot.
      const weights = tf.slice(both, [0, size + (bias ? 1 : 0)], [batch, written]);
      const markedWritten = tf.slice(marked, [0, attentionLength - written], [batch, written]);
      // -log of the weight on all marked slots together (any copy of the target will do); a row with no mark
      // adds log 1. With one mark per row this is -log of that slot's weight.
      const onMarked = tf.sum(tf.mul(markedWritten, weights), 1);
      const unmarked = tf.sub(1, tf.minimum(tf.sum(markedWritten, 1), 1));
      copyTerms.push(tf.sum(tf.log(tf.add(tf.add(onMarked, unmarked), 1e-6))));
      attention = tf.transpose(tf.slice(both, [0, 0], [batch, size])) as tf.Tensor2D;
    } else if (outputs.length > 0) {
      attention = tf.transpose(
        attentionRead(tf.transpose(tf.mul(y, 2)) as tf.Tensor2D, v, keys, memory, bias),
      ) as tf.Tensor2D;
    }
    // `input` now holds what the top layer passes up: its h, through its dropout mask while training.
    const out = tf.add(output(tf.concat([input, attention], 0)), outputBias) as tf.Tensor2D;
    outputs.push(out);
    stepLogits.push(fc(out));
    const outRows = tf.transpose(out) as tf.Tensor2D;
    const outKeys = tf.matMul(outRows, keyWeights) as tf.Tensor2D;
    // Filling, the window grows; the output that fills it pushes out the zero slot (the oldest) as any shift does.
    const add = written + 1 < attentionLength ? appendSlot : shiftWindow;
    memory = add(memory, outRows);
    keys = add(keys, outKeys);
  }
  if (copy)
    copy.loss = (copyTerms.length ? tf.div(tf.neg(tf.addN(copyTerms)), copy.counted) : tf.scalar(0)) as tf.Scalar;
  const logitsT = tf.concat(stepLogits, 1);
  return tf.add(tf.transpose(logitsT), vars[FC_BIASES]) as tf.Tensor2D;
}
