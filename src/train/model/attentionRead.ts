/**
 * One step's attention read-out with a hand-written gradient, for the wasm backend:
 * - tanh(x) is taken as 2σ(2x) - 1: the wasm sigmoid kernel is ~5x faster than its tanh, and the constant
 *   -Σv it leaves in every score (zero slots included) cancels in the softmax, so the scores are 2 Σ v σ.
 * - The gradient reuses the forward's σ and stacked memory (saved) instead of autodiff's chain of
 *   broadcasts and the unstack kernel (which copies its whole input once per slice on wasm).
 *
 * Gate-major: y [A, B] is the step's query, keys[j] = o_j · Ww and memory[j] = o_j [A, B] for the n outputs
 * remembered, and `empty` more slots hold zeros (before L steps have passed), which score v · tanh(y) and add
 * nothing to the read-out:
 *   s_j = Σ_a v_a tanh(keys_j + y)_a,  w = softmax over all n + empty slots,  d = Σ_j w_j memory_j.
 */
import * as tf from '@tensorflow/tfjs';

interface Forward {
  /** σ(2 (keys + y)) [n, A, B] and, with empty slots, σ(2 y) [A, B]. */
  sig: tf.Tensor3D;
  sig0: tf.Tensor2D | null;
  /** Softmax weights of the memory slots [n, B] and of one empty slot [1, B]. */
  w: tf.Tensor2D;
  w0: tf.Tensor2D | null;
  memory: tf.Tensor3D;
  value: tf.Tensor2D;
}

function forward(y: tf.Tensor2D, v: tf.Tensor1D, keys: tf.Tensor2D[], memory: tf.Tensor2D[], empty: number): Forward {
  const size = v.shape[0];
  const n = keys.length;
  const batch = y.shape[1];
  const y2 = tf.mul(y, 2);
  const sig = tf.sigmoid(tf.add(tf.mul(tf.stack(keys), 2), y2)) as tf.Tensor3D;
  const v2 = tf.mul(v, 2);
  const s = tf.sum(tf.mul(sig, tf.reshape(v2, [1, size, 1])), 1) as tf.Tensor2D;
  let top = tf.max(s, 0, true);
  let sig0: tf.Tensor2D | null = null;
  let s0: tf.Tensor2D | null = null;
  if (empty > 0) {
    sig0 = tf.sigmoid(y2) as tf.Tensor2D;
    s0 = tf.sum(tf.mul(sig0, tf.reshape(v2, [size, 1])), 0, true) as tf.Tensor2D;
    top = tf.maximum(top, s0);
  }
  const e = tf.exp(tf.sub(s, top));
  let total = tf.sum(e, 0, true);
  let e0: tf.Tensor2D | null = null;
  if (s0) {
    e0 = tf.exp(tf.sub(s0, top)) as tf.Tensor2D;
    total = tf.add(total, tf.mul(e0, empty));
  }
  const w = tf.div(e, total) as tf.Tensor2D;
  const stacked = tf.stack(memory) as tf.Tensor3D;
  const value = tf.sum(tf.mul(tf.reshape(w, [n, 1, batch]), stacked), 0) as tf.Tensor2D;
  return { sig, sig0, w, w0: e0 ? (tf.div(e0, total) as tf.Tensor2D) : null, memory: stacked, value };
}

/** The read-out d [A, B] of `n = keys.length >= 1` remembered outputs and `empty` zero slots. */
export function attentionRead(y: tf.Tensor2D, v: tf.Tensor1D, keys: tf.Tensor2D[], memory: tf.Tensor2D[], empty: number): tf.Tensor2D {
  const n = keys.length;
  const op = tf.customGrad(((...args: unknown[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [yT, vT] = args as [tf.Tensor2D, tf.Tensor1D];
    const f = tf.tidy(() => forward(yT, vT, args.slice(2, 2 + n) as tf.Tensor2D[], args.slice(2 + n, 2 + 2 * n) as tf.Tensor2D[], empty) as unknown as tf.TensorContainer) as unknown as Forward;
    const kept = [f.sig, f.w, f.memory, vT, ...(f.sig0 && f.w0 ? [f.sig0, f.w0] : [])];
    save(kept);
    const gradFunc = (dd: tf.Tensor2D, saved: tf.Tensor[]) =>
      tf.tidy(() => {
        const [sig, w, stacked, vS, sig0, w0] = saved as [tf.Tensor3D, tf.Tensor2D, tf.Tensor3D, tf.Tensor1D, tf.Tensor2D?, tf.Tensor2D?];
        const size = vS.shape[0];
        const batch = dd.shape[1];
        const dd3 = tf.reshape(dd, [1, size, batch]);
        const dMemory = tf.mul(tf.reshape(w, [n, 1, batch]), dd3);
        const dw = tf.sum(tf.mul(dd3, stacked), 1);
        const g = tf.sum(tf.mul(w, dw), 0, true); // Σ_j w_j dw_j; empty slots have dw = 0
        const ds3 = tf.reshape(tf.mul(w, tf.sub(dw, g)), [n, 1, batch]);
        // d tanh(x) / dx = 1 - tanh² = 4 σ(2x) (1 - σ(2x)).
        const slope = tf.mul(sig, tf.sub(1, sig));
        const dKeys = tf.mul(tf.mul(ds3, tf.reshape(tf.mul(vS, 4), [1, size, 1])), slope);
        let dy = tf.sum(dKeys, 0);
        let dv = tf.sum(tf.mul(ds3, tf.sub(tf.mul(sig, 2), 1)), [0, 2]);
        if (empty > 0 && sig0 && w0) {
          const ds0 = tf.mul(tf.neg(tf.mul(w0, g)), empty); // summed over the `empty` identical slots
          dy = tf.add(dy, tf.mul(tf.mul(ds0, tf.reshape(tf.mul(vS, 4), [size, 1])), tf.mul(sig0, tf.sub(1, sig0))));
          dv = tf.add(dv, tf.sum(tf.mul(ds0, tf.sub(tf.mul(sig0, 2), 1)), 1));
        }
        const slices = (t: tf.Tensor) => tf.split(t, n, 0).map((p) => tf.reshape(p, [size, batch]));
        return [dy, dv, ...slices(dKeys), ...slices(dMemory)];
      });
    return { value: f.value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(y, v, ...keys, ...memory) as tf.Tensor2D;
}

/** The same read-out by plain autodiff of the textbook expression (tanh), for tests of the one above. */
export function attentionReadReference(y: tf.Tensor2D, v: tf.Tensor1D, keys: tf.Tensor2D[], memory: tf.Tensor2D[], empty: number): tf.Tensor2D {
  const size = v.shape[0];
  const batch = y.shape[1];
  const scores = [tf.sum(tf.mul(tf.tanh(tf.add(tf.stack(keys), y)), tf.reshape(v, [1, size, 1])), 1)];
  if (empty > 0) scores.unshift(tf.tile(tf.sum(tf.mul(tf.tanh(y), tf.reshape(v, [size, 1])), 0, true), [empty, 1]));
  const w = tf.softmax(tf.transpose(tf.concat(scores, 0)));
  const real = tf.slice(tf.transpose(w), [empty, 0], [keys.length, batch]);
  return tf.sum(tf.mul(tf.reshape(real, [keys.length, 1, batch]), tf.stack(memory)), 0) as tf.Tensor2D;
}
