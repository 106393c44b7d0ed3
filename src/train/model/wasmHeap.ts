/**
 * Kernels of the tfjs wasm backend written in JS (or native code called from JS) on views of its heap: what
 * the fast slice kernels, the native matrix product, attention read-out and LSTM cell share.
 */
import * as tf from '@tensorflow/tfjs';

export interface HeapTensorInfo {
  dataId: object;
  shape: number[];
  dtype: tf.DataType;
}

export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): HeapTensorInfo;
  typedArrayFromHeap(t: HeapTensorInfo): Float32Array;
}

export interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: tf.NamedAttrMap;
}

/**
 * A float32 kernel from `compute(inputs, outputs)`: `outputShapes` gives the outputs' shapes from the inputs;
 * compute receives views of every input (absent optional inputs as null) and output. The outputs are made
 * before any view is taken: making one may grow the heap, which detaches the views taken before.
 */
export function heapKernel(
  inputNames: string[],
  outputShapes: (inputs: Record<string, HeapTensorInfo>) => number[][],
  compute: (
    inputs: Record<string, Float32Array | null>,
    outputs: Float32Array[],
    shapes: Record<string, number[]>,
  ) => void,
): tf.KernelFunc {
  const kernel = ({ inputs, backend }: KernelArgs) => {
    const be = backend as WasmBackendLike;
    const given = inputs as unknown as Record<string, HeapTensorInfo>;
    const outs = outputShapes(given).map((shape) => be.makeOutput(shape, 'float32'));
    const views: Record<string, Float32Array | null> = {};
    const shapes: Record<string, number[]> = {};
    for (const name of inputNames) {
      views[name] = given[name] ? be.typedArrayFromHeap(given[name]) : null;
      if (given[name]) shapes[name] = given[name].shape;
    }
    compute(
      views,
      outs.map((o) => be.typedArrayFromHeap(o)),
      shapes,
    );
    return outs.length === 1 ? outs[0] : outs;
  };
  return kernel as unknown as tf.KernelFunc;
}

/** Runs a registered kernel on the given tensors (undefined ones left out); always returns the output list. */
export function runHeapKernel(name: string, inputs: Record<string, tf.Tensor | undefined>): tf.Tensor[] {
  const given = Object.fromEntries(Object.entries(inputs).filter(([, t]) => t)) as tf.NamedTensorMap;
  const out = tf.engine().runKernel(name, given, {}) as unknown as tf.Tensor | tf.Tensor[];
  return Array.isArray(out) ? out : [out];
}
