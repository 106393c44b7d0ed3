/**
 * One step's attention read-out for training, with a hand-written gradient, laid out for the wasm backend,
 * where each kernel launch costs tens of microseconds and dominates at these sizes:
 * - The memory is one window tensor [B, L, A] per step (keys and outputs), shifted by one slot per step as
 *   Magenta shifts its attention state, so a step costs the same few kernels whatever L is (handing the read
 *   L separate slot tensors cost ~4 kernels per slot per step in gradient bookkeeping). Slots not yet written
 *   hold zeros, exactly as Magenta's initial state.
 * - Batch-major, so the scores are one matrix product with v and the read-out a batched product.
 * - tanh(x) is taken as 2σ(2x) - 1 (the wasm sigmoid kernel is ~5x faster than its tanh); the constant -Σv
 *   this adds to every score cancels in the softmax. The caller passes keys and query already doubled:
 *   keys2_j = 2 o_j · Ww, y2 = 2 y.
 *
 *   s_j = Σ_a v_a tanh(keys_j + y)_a,  w = softmax_j(s),  d = Σ_j w_j memory_j
 */
import * as tf from '@tensorflow/tfjs';
import { ATTENTION_READ_BACKWARD, ATTENTION_READ_FORWARD } from './attentionReadKernels';
import { runHeapKernel } from './wasmHeap';

function forward(y2: tf.Tensor2D, v: tf.Tensor1D, keys2: tf.Tensor3D, memory: tf.Tensor3D, scoreBias?: tf.Tensor1D) {
  const [batch, length, size] = keys2.shape;
  const sig = tf.sigmoid(tf.add(keys2, tf.reshape(y2, [batch, 1, size]))) as tf.Tensor3D;
  const raw = tf.reshape(
    tf.matMul(
      tf.reshape(sig, [batch * length, size]) as tf.Tensor2D,
      tf.reshape(tf.mul(v, 2), [size, 1]) as tf.Tensor2D,
    ),
    [batch, length],
  );
  const s = scoreBias ? tf.add(raw, scoreBias) : raw;
  const w = tf.softmax(s) as tf.Tensor2D;
  const value = tf.reshape(tf.matMul(tf.reshape(w, [batch, 1, length]) as tf.Tensor3D, memory), [
    batch,
    size,
  ]) as tf.Tensor2D;
  return { sig, w, value };
}

/**
 * The read-out d [B, A] from doubled query y2 [B, A], scoring vector v [A], doubled keys and memory [B, L, A].
 * `scoreBias` [L], a constant, is added to the scores before the softmax (emptySlotBias).
 */
export function attentionRead(
  y2: tf.Tensor2D,
  v: tf.Tensor1D,
  keys2: tf.Tensor3D,
  memory: tf.Tensor3D,
  scoreBias?: tf.Tensor1D,
): tf.Tensor2D {
  return readOp(false, scoreBias)(y2, v, keys2, memory) as tf.Tensor2D;
}

/**
 * A memory that is not yet full can be read as its written slots plus one zero slot standing for all `empty`
 * unwritten ones: they score alike and add nothing to the read-out, so counting them is a bias of log(empty) on
 * that slot's score. Returns the [1 + written] bias, the zero slot first. While a window fills, the read then
 * costs its written slots only: half the work over a 128-step window with L = 128.
 */
export function emptySlotBias(empty: number, written: number): tf.Tensor1D {
  const bias = new Float32Array(1 + written);
  bias[0] = Math.log(empty);
  return tf.tensor1d(bias);
}

/**
 * The read-out and the attention weights, [B, A + L]: d in the first A columns, softmax(s) in the last L, both
 * differentiable (for a loss on where the model looks, copy supervision).
 */
export function attentionReadWithWeights(
  y2: tf.Tensor2D,
  v: tf.Tensor1D,
  keys2: tf.Tensor3D,
  memory: tf.Tensor3D,
  scoreBias?: tf.Tensor1D,
): tf.Tensor2D {
  return readOp(true, scoreBias)(y2, v, keys2, memory) as tf.Tensor2D;
}

let fused = true;

/**
 * Whether the read uses the fused wasm kernels (attentionReadKernels.ts) where they are installed; off, it is
 * built from tfjs ops as on every other backend. For tests and side-by-side timing; returns the old setting.
 */
export function useFusedAttentionRead(on: boolean): boolean {
  const was = fused;
  fused = on;
  return was;
}

function readOp(withWeights: boolean, scoreBias?: tf.Tensor1D) {
  if (fused && tf.getBackend() === 'wasm' && tf.getKernel(ATTENTION_READ_FORWARD, 'wasm'))
    return fusedReadOp(withWeights, scoreBias);
  return tf.customGrad(((yT: tf.Tensor2D, vT: tf.Tensor1D, kT: tf.Tensor3D, mT: tf.Tensor3D, save: tf.GradSaveFunc) => {
    const f = tf.tidy(() => forward(yT, vT, kT, mT, scoreBias));
    save([f.sig, f.w, mT, vT]);
    const value = withWeights ? tf.tidy(() => tf.concat([f.value, f.w], 1)) : f.value;
    if (withWeights) f.value.dispose();
    const gradFunc = (dOut: tf.Tensor2D, saved: tf.Tensor[]) =>
      tf.tidy(() => {
        const [sig, w, mem, vS] = saved as [tf.Tensor3D, tf.Tensor2D, tf.Tensor3D, tf.Tensor1D];
        const [batch, length, size] = sig.shape;
        const dd = withWeights ? tf.slice(dOut, [0, 0], [batch, size]) : dOut;
        const dMemory = tf.matMul(
          tf.reshape(w, [batch, length, 1]) as tf.Tensor3D,
          tf.reshape(dd, [batch, 1, size]) as tf.Tensor3D,
        );
        const dwRead = tf.reshape(tf.matMul(mem, tf.reshape(dd, [batch, size, 1]) as tf.Tensor3D), [batch, length]);
        // A loss on the weights themselves adds its gradient to the read-out's before the softmax.
        const dw = withWeights ? tf.add(dwRead, tf.slice(dOut, [0, size], [batch, length])) : dwRead;
        const ds = tf.mul(w, tf.sub(dw, tf.sum(tf.mul(w, dw), 1, true)));
        // d/dx of Σ_a v_a (2σ(x_a) - 1) with x = keys2 + y2 (the doubling is the caller's): 2 v σ(1 - σ).
        const outer = tf.reshape(
          tf.matMul(
            tf.reshape(ds, [batch * length, 1]) as tf.Tensor2D,
            tf.reshape(tf.mul(vS, 2), [1, size]) as tf.Tensor2D,
          ),
          [batch, length, size],
        );
        const dKeys = tf.mul(outer, tf.sub(sig, tf.square(sig)));
        const dy = tf.reshape(tf.matMul(tf.ones([batch, 1, length]) as tf.Tensor3D, dKeys as tf.Tensor3D), [
          batch,
          size,
        ]);
        // ds/dv_a = tanh = 2σ - 1.
        const dv = tf.sub(
          tf.mul(
            tf.reshape(
              tf.matMul(
                tf.reshape(ds, [1, batch * length]) as tf.Tensor2D,
                tf.reshape(sig, [batch * length, size]) as tf.Tensor2D,
              ),
              [size],
            ),
            2,
          ),
          tf.sum(ds),
        );
        return [dy, dv, dKeys, dMemory];
      });
    return { value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
}

/** readOp on the fused kernels: the same outputs and gradients (unit-tested against both). */
function fusedReadOp(withWeights: boolean, scoreBias?: tf.Tensor1D) {
  return tf.customGrad(((
    y2: tf.Tensor2D,
    v: tf.Tensor1D,
    keys2: tf.Tensor3D,
    memory: tf.Tensor3D,
    save: tf.GradSaveFunc,
  ) => {
    const [value, w] = runHeapKernel(ATTENTION_READ_FORWARD, { y2, v, keys2, memory, bias: scoreBias }) as [
      tf.Tensor2D,
      tf.Tensor2D,
    ];
    save([w, y2, v, keys2, memory]);
    const out = withWeights ? tf.concat([value, w], 1) : value;
    if (withWeights) value.dispose();
    const gradFunc = (dOut: tf.Tensor2D, saved: tf.Tensor[]) =>
      tf.tidy(() => {
        const [ws, y2s, vs, ks, ms] = saved;
        const [batch, size] = y2s.shape;
        const dValue = withWeights ? tf.slice(dOut, [0, 0], [batch, size]) : dOut;
        const dWeights = withWeights ? tf.slice(dOut, [0, size], [batch, ws.shape[1]!]) : undefined;
        return runHeapKernel(ATTENTION_READ_BACKWARD, {
          dValue,
          dWeights,
          w: ws,
          y2: y2s,
          v: vs,
          keys2: ks,
          memory: ms,
        });
      });
    return { value: out, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
}

/**
 * The same read-out by plain autodiff of the textbook expression (tanh of the undoubled sums), for tests; with
 * `withWeights`, the weights appended as attentionReadWithWeights does.
 */
export function attentionReadReference(
  y2: tf.Tensor2D,
  v: tf.Tensor1D,
  keys2: tf.Tensor3D,
  memory: tf.Tensor3D,
  withWeights = false,
  scoreBias?: tf.Tensor1D,
): tf.Tensor2D {
  const [batch, length, size] = keys2.shape;
  const scores = tf.sum(
    tf.mul(tf.tanh(tf.div(tf.add(keys2, tf.reshape(y2, [batch, 1, size])), 2)), tf.reshape(v, [1, 1, size])),
    2,
  );
  const weights = tf.softmax(scoreBias ? tf.add(scores, scoreBias) : scores) as tf.Tensor2D;
  const read = tf.sum(tf.mul(tf.reshape(weights, [batch, length, 1]), memory), 1) as tf.Tensor2D;
  return withWeights ? tf.concat([read, weights], 1) : read;
}

/** The window after one more step: the oldest slot dropped, `latest` [B, A] appended (Magenta's shift). */
export function shiftWindow(window: tf.Tensor3D, latest: tf.Tensor2D): tf.Tensor3D {
  const [batch, length, size] = window.shape;
  return tf.concat(
    [tf.slice(window, [0, 1, 0], [batch, length - 1, size]), tf.reshape(latest, [batch, 1, size])],
    1,
  ) as tf.Tensor3D;
}

/** The window with `latest` [B, A] appended as its last slot (a memory still filling). */
export function appendSlot(window: tf.Tensor3D, latest: tf.Tensor2D): tf.Tensor3D {
  const [batch, , size] = window.shape;
  return tf.concat([window, tf.reshape(latest, [batch, 1, size])], 1) as tf.Tensor3D;
}
