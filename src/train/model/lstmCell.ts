/**
 * One basicLSTMCell step for training, gate-major ([4H, B] pre-activations in gate order i, j, f, o, forget
 * bias included; [H, B] states): c = σ(i) tanh(j) + c_prev σ(f), h = tanh(c) σ(o).
 *
 * Where the native training kernels run (wasm backend), the step is one fused kernel forward and one backward,
 * returning [c; h] as one [2H, B] tensor that is split once. Built from tfjs ops it is ~10 kernels forward and
 * ~20 backward, and at these sizes ([512, 32]) every wasm kernel costs its dispatch, not its arithmetic: the
 * 3x128 attention stack runs 384 cells per 128-step window. The activations are recomputed in the backward
 * kernel from the saved pre-activations (the app sampler's rational tanh; σ(x) = (1 + tanh(x / 2)) / 2).
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainNativeKernels } from '../native/build';
import { heapKernel, runHeapKernel } from './wasmHeap';

export const LSTM_FORWARD = 'PhrasewrightLstmForward';
export const LSTM_BACKWARD = 'PhrasewrightLstmBackward';

let fused = true;

/** Whether the cell uses the fused kernels where installed; returns the old setting (tests, timing). */
export function useFusedLstmCell(on: boolean): boolean {
  const was = fused;
  fused = on;
  return was;
}

/** The step's new state from pre-activations `z` [4H, B] and the previous cell state `c` [H, B]. */
export function lstmCell(z: tf.Tensor2D, c: tf.Tensor2D): { c: tf.Tensor2D; h: tf.Tensor2D } {
  if (fused && tf.getBackend() === 'wasm' && tf.getKernel(LSTM_FORWARD, 'wasm')) {
    const [cNext, h] = tf.split(fusedCell(z, c), 2, 0) as [tf.Tensor2D, tf.Tensor2D];
    return { c: cNext, h };
  }
  const [i, j, f, o] = tf.split(z, 4, 0);
  const cNext = tf.add(tf.mul(tf.sigmoid(i), tf.tanh(j)), tf.mul(c, tf.sigmoid(f))) as tf.Tensor2D;
  return { c: cNext, h: tf.mul(tf.tanh(cNext), tf.sigmoid(o)) as tf.Tensor2D };
}

const fusedCell = tf.customGrad(((z: tf.Tensor2D, c: tf.Tensor2D, save: tf.GradSaveFunc) => {
  const [out] = runHeapKernel(LSTM_FORWARD, { z, c });
  save([z, c, out]);
  const gradFunc = (dOut: tf.Tensor2D, saved: tf.Tensor[]) =>
    runHeapKernel(LSTM_BACKWARD, { z: saved[0], c: saved[1], out: saved[2], dOut });
  return { value: out, gradFunc };
}) as unknown as Parameters<typeof tf.customGrad>[0]) as (z: tf.Tensor2D, c: tf.Tensor2D) => tf.Tensor2D;

let installed = false;

/** Registers both kernels with the wasm backend (idempotent). */
export function installLstmCellKernels(native: TrainNativeKernels): void {
  if (installed) return;
  installed = true;
  const dims = (c: number[]) => [c[0], c[1]] as const;
  tf.registerKernel({
    kernelName: LSTM_FORWARD,
    backendName: 'wasm',
    kernelFunc: heapKernel(
      ['z', 'c'],
      ({ c }) => [[2 * c.shape[0], c.shape[1]]],
      (x, [out], shapes) => native.lstmForward(...dims(shapes.c), x.z!, x.c!, out),
    ),
  });
  tf.registerKernel({
    kernelName: LSTM_BACKWARD,
    backendName: 'wasm',
    kernelFunc: heapKernel(
      ['z', 'c', 'out', 'dOut'],
      ({ z, c }) => [z.shape, c.shape],
      (x, [dz, dc], shapes) => native.lstmBackward(...dims(shapes.c), x.z!, x.c!, x.out!, x.dOut!, dz, dc),
    ),
  });
}
