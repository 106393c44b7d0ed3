/**
 * Picks the tfjs backend for training in Node. wasm is ~30x faster than the pure-JS cpu backend on this
 * machine (MAGENTA.md); tfjs-node cannot be installed here, so wasm is the default.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { installAttentionReadKernels } from './model/attentionReadKernels';
import { installLstmCellKernels } from './model/lstmCell';
import { installNativeMatMul } from './model/nativeMatMul';
import { nativeKernels, nativeKernelsProblem } from './native/build';
import { installFastWasmSliceKernels } from './model/wasmSliceKernels';

/** Selects `wasm` (default) or `cpu` and waits until it is ready; returns the backend's name. */
export async function useTrainingBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  if (name === 'wasm') {
    installFastWasmSliceKernels();
    const native = nativeKernels();
    if (native) {
      installNativeMatMul(native);
      installAttentionReadKernels(native);
      installLstmCellKernels(native);
    }
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend "${name}" could not start`);
  await tf.ready();
  return tf.getBackend();
}

/** For logs: whether the native training kernels run (matrix products, attention read-out), and if not, why. */
export function nativeKernelsNote(): string {
  const problem = nativeKernelsProblem();
  return problem ? `native kernels off: ${problem}` : 'native kernels on';
}
