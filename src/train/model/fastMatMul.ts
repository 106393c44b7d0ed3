/**
 * A matMul whose gradient avoids transpose flags. The stock matMul gradient calls matMul with
 * transposeA/transposeB, which the wasm backend runs 10-30x slower than a plain product of pre-transposed
 * operands (MAGENTA.md, "Speed"): one 2x256 training step took ~31 s with it and ~2 s with this.
 */
import * as tf from '@tensorflow/tfjs';

let enabled = true;

/** Switches back to the stock matMul gradient; only for measuring the difference (tests/bench/node/trainSpeedProbe.ts). */
export function setFastMatMulGradient(on: boolean): void {
  enabled = on;
}

/**
 * The gate-major product w^T · x for a weight `w` [K, N] used at every time step: `w` itself is closed over
 * so the backward pass needs no per-step transpose of the big matrix: dx = w · dz and d(w^T) = dz · x^T
 * (which transposes only the small [K, B] step input). The gradient reaches the weight through `wT`
 * (= tf.transpose(w), taken once per batch) only.
 */
export function transposedMatMul(w: tf.Tensor2D): (wT: tf.Tensor2D, x: tf.Tensor2D) => tf.Tensor2D {
  const op = tf.customGrad(((wT: tf.Tensor2D, x: tf.Tensor2D, save: tf.GradSaveFunc) => {
    save([x]);
    return {
      value: tf.matMul(wT, x),
      gradFunc: (dz: tf.Tensor2D, saved: tf.Tensor[]) => [
        tf.matMul(dz, tf.transpose(saved[0] as tf.Tensor2D)),
        tf.matMul(w, dz),
      ],
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (wT, x) => (enabled ? (op(wT, x) as tf.Tensor2D) : tf.matMul(wT, x));
}
