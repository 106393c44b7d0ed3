import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/**
 * Backend choice for the worker: wasm first (measured 5-25x faster than the alternatives on this app's
 * small matrices, see MAGENTA.md), then webgl, then cpu. The wasm binaries are served by the app itself
 * (never a CDN) from absolute URLs the caller passes in.
 */

export interface WasmBinaries {
  'tfjs-backend-wasm.wasm': string;
  'tfjs-backend-wasm-simd.wasm': string;
  'tfjs-backend-wasm-threaded-simd.wasm': string;
}

/** Tries each backend in order of preference and returns the one that initialised. */
export async function selectBackend(wasm: WasmBinaries | null, order = ['wasm', 'webgl', 'cpu']): Promise<string> {
  if (wasm) setWasmPaths(wasm);
  for (const name of order) {
    if (name === 'wasm' && !wasm) continue;
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return tf.getBackend();
      }
    } catch {
      // Not available here (no WebAssembly, no WebGL): try the next one.
    }
  }
  throw new Error('No tfjs backend could start (tried wasm, webgl, cpu)');
}
