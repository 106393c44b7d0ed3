/**
 * The attention read-out (attentionRead.ts) as two fused kernels of the wasm backend, forward and backward,
 * computed by the native training kernels (src/train/native/trainKernels.cc) straight on the wasm heap. Built
 * from tfjs ops the read costs ~15 kernel launches a step, seven of them batched matrix products with a
 * dimension of 1 (outer products, matrix-vector products), which the wasm backend runs far below its speed.
 * Fused, nothing of size [B, L, A] is kept for the backward pass but the inputs (tanh is recomputed there, the
 * rational tanh of the app's sampler). The same kernels in plain JS measured no faster than the tfjs ops
 * (5-9 ms forward, 12-19 ms backward per step at B 32, L 80, A 128), so without the native build the ops stay.
 *
 * Keys and query come doubled, as in attentionRead.ts (keys2 = 2 o Ww, y2 = 2 y), so tanh is of half their sum.
 *
 *   s_bj = bias_j + Σ_a v_a tanh((keys2_bja + y2_ba) / 2),  w_b = softmax(s_b),  d_ba = Σ_j w_bj memory_bja
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainNativeKernels } from '../native/build';
import { heapKernel } from './wasmHeap';

export const ATTENTION_READ_FORWARD = 'PhrasewrightAttentionReadForward';
export const ATTENTION_READ_BACKWARD = 'PhrasewrightAttentionReadBackward';

const forwardKernel = (native: TrainNativeKernels) =>
  heapKernel(
    ['y2', 'v', 'keys2', 'memory', 'bias'],
    ({ keys2 }) => [
      [keys2.shape[0], keys2.shape[2]],
      [keys2.shape[0], keys2.shape[1]],
    ],
    (x, [value, w], shapes) => {
      const [batch, length, size] = shapes.keys2;
      native.attentionForward(batch, length, size, x.y2!, x.v!, x.keys2!, x.memory!, x.bias, value, w);
    },
  );

const backwardKernel = (native: TrainNativeKernels) =>
  heapKernel(
    ['dValue', 'dWeights', 'w', 'y2', 'v', 'keys2', 'memory'],
    ({ y2, v, keys2, memory }) => [y2.shape, v.shape, keys2.shape, memory.shape],
    (x, [dy2, dv, dKeys2, dMemory], shapes) => {
      const [batch, length, size] = shapes.keys2;
      native.attentionBackward(
        batch,
        length,
        size,
        x.dValue!,
        x.dWeights,
        x.w!,
        x.y2!,
        x.v!,
        x.keys2!,
        x.memory!,
        dy2,
        dv,
        dKeys2,
        dMemory,
      );
    },
  );

let installed = false;

/** Registers both kernels with the wasm backend (idempotent). */
export function installAttentionReadKernels(native: TrainNativeKernels): void {
  if (installed) return;
  installed = true;
  tf.registerKernel({ kernelName: ATTENTION_READ_FORWARD, backendName: 'wasm', kernelFunc: forwardKernel(native) });
  tf.registerKernel({ kernelName: ATTENTION_READ_BACKWARD, backendName: 'wasm', kernelFunc: backwardKernel(native) });
}
