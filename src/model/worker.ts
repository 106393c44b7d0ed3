/// <reference lib="webworker" />
// workerGlobals must stay the first import: Magenta reads `window` while its modules load.
import { progressFetch } from './workerGlobals';
import * as tf from '@tensorflow/tfjs';
import { MusicRNN } from '@magenta/music/esm/music_rnn';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend } from './backend';
import { loadMelodyRnn, type MusicRnnConstructor } from './checkpoint';
import { startModelHost } from './host';
import type { FromWorker, MessagePortLike, ToWorker } from './protocol';
import { loadMusicVae, type MusicVaeConstructor } from './vae/vaeLoad';

/**
 * The model worker: the only place tfjs and Magenta run in the app. Everything it does is in host.ts;
 * this file wires the browser pieces (wasm binaries served by the app, Magenta's browser build, the
 * progress-reporting fetch).
 */

const absolute = (url: string) => new URL(url, self.location.href).href;

startModelHost(self as unknown as MessagePortLike<FromWorker, ToWorker>, {
  prepareBackend: () =>
    selectBackend({
      'tfjs-backend-wasm.wasm': absolute(wasmPlain),
      'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
      'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
    }),
  load: (url, onProgress) =>
    loadMelodyRnn(url, {
      fetch: self.fetch.bind(self),
      MusicRNN: MusicRNN as unknown as MusicRnnConstructor,
      onProgress,
      trackDownload: progressFetch.track,
    }),
  // Magenta's MusicVAE is fetched only when Similar or Interpolate is first used.
  loadVae: (url) =>
    loadMusicVae(url, {
      fetch: self.fetch.bind(self),
      MusicVAE: async () => (await import('@magenta/music/esm/music_vae/model')).MusicVAE as unknown as MusicVaeConstructor,
    }),
  memory: () => {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  },
});
