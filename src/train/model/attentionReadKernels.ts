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

export const ATTENTION_READ_FORWARD = 'PhrasewrightAttentionReadForward';
export const ATTENTION_READ_BACKWARD = 'PhrasewrightAttentionReadBackward';

interface HeapTensorInfo {
  dataId: object;
  shape: number[];
  dtype: tf.DataType;
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): HeapTensorInfo;
  typedArrayFromHeap(t: HeapTensorInfo): Float32Array;
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown };

function forwardKernel(native: TrainNativeKernels, { inputs, backend }: KernelArgs): HeapTensorInfo[] {
  const be = backend as WasmBackendLike;
  const [y2, v, keys2, memory] = ['y2', 'v', 'keys2', 'memory'].map((k) => inputs[k] as unknown as HeapTensorInfo);
  const bias = inputs.bias as unknown as HeapTensorInfo | undefined;
  const [batch, length, size] = keys2.shape;
  const value = be.makeOutput([batch, size], 'float32');
  const w = be.makeOutput([batch, length], 'float32');
  // Views are taken after the outputs are made: making one may grow the heap and detach older views.
  const view = (t: HeapTensorInfo) => be.typedArrayFromHeap(t);
  native.attentionForward(
    batch,
    length,
    size,
    view(y2),
    view(v),
    view(keys2),
    view(memory),
    bias ? view(bias) : null,
    view(value),
    view(w),
  );
  return [value, w];
}

function backwardKernel(native: TrainNativeKernels, { inputs, backend }: KernelArgs): HeapTensorInfo[] {
  const be = backend as WasmBackendLike;
  const [dValue, w, y2, v, keys2, memory] = ['dValue', 'w', 'y2', 'v', 'keys2', 'memory'].map(
    (k) => inputs[k] as unknown as HeapTensorInfo,
  );
  const dWeights = inputs.dWeights as unknown as HeapTensorInfo | undefined;
  const [batch, length, size] = keys2.shape;
  const outs = [y2.shape, v.shape, keys2.shape, memory.shape].map((s) => be.makeOutput(s, 'float32'));
  const view = (t: HeapTensorInfo) => be.typedArrayFromHeap(t);
  const [dy2, dv, dKeys2, dMemory] = outs.map(view);
  native.attentionBackward(
    batch,
    length,
    size,
    view(dValue),
    dWeights ? view(dWeights) : null,
    view(w),
    view(y2),
    view(v),
    view(keys2),
    view(memory),
    dy2,
    dv,
    dKeys2,
    dMemory,
  );
  return outs;
}

let installed = false;

/** Registers both kernels with the wasm backend (idempotent). */
export function installAttentionReadKernels(native: TrainNativeKernels): void {
  if (installed) return;
  installed = true;
  for (const [kernelName, kernel] of [
    [ATTENTION_READ_FORWARD, forwardKernel],
    [ATTENTION_READ_BACKWARD, backwardKernel],
  ] as const) {
    const kernelFunc = (args: KernelArgs) => kernel(native, args);
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
}
