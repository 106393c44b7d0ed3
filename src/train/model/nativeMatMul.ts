/**
 * The wasm backend's BatchMatMul, computed by the native training kernels (src/train/native/trainKernels.cc)
 * on the operands where they lie in the wasm heap. Matrix products were ~45% of a training step's kernel
 * time on wasm (profiled: 3x128 stack, T 128, B 32), and the native 8 x 16 register-blocked product ran the
 * LSTM's [512, 256] x [256, 32] in 0.36-0.39 ms against 0.74-1.34 ms (same process, both cores busy).
 * Transposed operands are packed by the kernel. Shapes it does not cover (a batch broadcast other than a
 * single matrix against many, non-float32) go to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainNativeKernels } from '../native/build';
import type { HeapTensorInfo, KernelArgs, WasmBackendLike } from './wasmHeap';

const product = (dims: number[]) => dims.reduce((p, d) => p * d, 1);
const sameDims = (x: number[], y: number[]) => x.length === y.length && x.every((d, i) => d === y[i]);

/** The output's batch dimensions, or null when the native kernel does not cover the pair. */
function batchDims(a: HeapTensorInfo, b: HeapTensorInfo): number[] | null {
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return null;
  const [lead, other] = [a.shape.slice(0, -2), b.shape.slice(0, -2)];
  if (sameDims(lead, other)) return lead;
  if (product(other) === 1) return lead;
  if (product(lead) === 1) return other;
  return null;
}

let installed = false;
let nativeCalls = 0;

/** Products computed natively so far (tests check the override is what runs). */
export function nativeMatMulCalls(): number {
  return nativeCalls;
}

/** Replaces the wasm backend's BatchMatMul with the native one (idempotent); the stock one stays the fallback. */
export function installNativeMatMul(native: TrainNativeKernels): void {
  if (installed) return;
  const stock = tf.getKernel('BatchMatMul', 'wasm');
  if (!stock) return;
  installed = true;
  const kernelFunc = (args: KernelArgs) => {
    const a = args.inputs.a as unknown as HeapTensorInfo;
    const b = args.inputs.b as unknown as HeapTensorInfo;
    const batch = batchDims(a, b);
    if (!batch) return stock.kernelFunc(args as unknown as Parameters<tf.KernelFunc>[0]);
    const transposeA = Boolean(args.attrs.transposeA);
    const transposeB = Boolean(args.attrs.transposeB);
    const [ra, ca] = a.shape.slice(-2);
    const [rb, cb] = b.shape.slice(-2);
    const [m, k] = transposeA ? [ca, ra] : [ra, ca];
    const [kb, n] = transposeB ? [cb, rb] : [rb, cb];
    if (k !== kb) throw new Error(`BatchMatMul: inner dimensions ${k} and ${kb} differ`);
    const be = args.backend as WasmBackendLike;
    const out = be.makeOutput([...batch, m, n], 'float32');
    const view = (t: HeapTensorInfo) => be.typedArrayFromHeap(t);
    const batchA = product(a.shape.slice(0, -2));
    const batchB = product(b.shape.slice(0, -2));
    nativeCalls++;
    native.matmul(view(a), view(b), view(out), batchA, batchB, m, k, n, transposeA, transposeB);
    return out;
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...stock, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
}
