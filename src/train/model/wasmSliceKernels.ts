/**
 * Faster Slice and SplitV kernels for the tfjs wasm backend (4.22). The stock ones read their input with
 * `readSync`, which copies the WHOLE input tensor out of the wasm heap into a fresh ArrayBuffer before
 * copying the slice: splitting an LSTM's [4H, B] gate block cost ~10 ms and slicing one step out of a
 * [T, ...] tensor ~75 ms here. These versions allocate the output first, then copy straight between views
 * of the heap (views taken after the allocation, so a heap growth cannot detach them).
 */
import * as tf from '@tensorflow/tfjs';

interface WasmTensorInfo {
  dataId: object;
  shape: number[];
  dtype: tf.DataType;
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): WasmTensorInfo;
  typedArrayFromHeap(t: WasmTensorInfo): Float32Array | Int32Array | Uint8Array;
}

function strides(shape: number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) out[d] = out[d + 1] * shape[d + 1];
  return out;
}

/** Copies the box `begin`/`size` of `x` into a new output tensor, row by contiguous row. */
function sliceInto(backend: WasmBackendLike, x: WasmTensorInfo, begin: number[], size: number[]): WasmTensorInfo {
  const out = backend.makeOutput(size, x.dtype);
  const total = size.reduce((a, b) => a * b, 1);
  if (total === 0) return out;
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  const rank = x.shape.length;
  const xStrides = strides(x.shape);
  const rowLength = rank === 0 ? 1 : size[rank - 1];
  const rows = total / rowLength;
  const index = new Array<number>(Math.max(rank - 1, 0)).fill(0);
  for (let r = 0; r < rows; r++) {
    let offset = rank === 0 ? 0 : begin[rank - 1];
    for (let d = 0; d < rank - 1; d++) offset += (begin[d] + index[d]) * xStrides[d];
    dst.set(src.subarray(offset, offset + rowLength), r * rowLength);
    for (let d = rank - 2; d >= 0; d--) {
      if (++index[d] < size[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

function sliceKernel(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: tf.NamedAttrMap;
}): WasmTensorInfo {
  const x = args.inputs.x as unknown as WasmTensorInfo;
  const [begin, size] = tf.slice_util.parseSliceParams(
    x as unknown as tf.TensorInfo,
    args.attrs.begin as number[],
    args.attrs.size as number[],
  );
  return sliceInto(args.backend as WasmBackendLike, x, begin, size);
}

function splitKernel(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: tf.NamedAttrMap;
}): WasmTensorInfo[] {
  const x = args.inputs.x as unknown as WasmTensorInfo;
  const axis = tf.util.parseAxisParam(args.attrs.axis as number, x.shape)[0];
  const sizes = tf.backend_util.prepareSplitSize(
    x as unknown as tf.Tensor,
    args.attrs.numOrSizeSplits as number[] | number,
    axis,
  );
  const begin = new Array<number>(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = x.shape.slice();
    size[axis] = s;
    const piece = sliceInto(args.backend as WasmBackendLike, x, begin.slice(), size);
    begin[axis] += s;
    return piece;
  });
}

let installed = false;

/** Replaces the wasm backend's Slice and SplitV kernels with the heap-view versions above (idempotent). */
export function installFastWasmSliceKernels(): void {
  if (installed) return;
  installed = true;
  for (const [kernelName, kernelFunc] of [
    ['Slice', sliceKernel],
    ['SplitV', splitKernel],
  ] as const) {
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
}
