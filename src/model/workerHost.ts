// workerGlobals must stay the first import: Magenta reads `window` while its modules load.
import { progressFetch } from './workerGlobals';
import * as tf from '@tensorflow/tfjs';
import { MusicRNN } from '@magenta/music/esm/music_rnn';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend } from './backend';
import { loadMelodyRnn, type MusicRnnConstructor } from './checkpoint';
import { fetchChordPrior } from './chordPriorFile';
import type { HostDependencies } from './host';
import { loadMusicVae, type MusicVaeConstructor } from './vae/vaeLoad';

/**
 * The browser pieces the model host runs on inside a worker: the wasm binaries served by the app,
 * Magenta's browser build, the progress-reporting fetch. The app's worker (worker.ts) serves with these;
 * the bench's worker (tests/bench/page) serves with them too, plus its bench-only requests.
 */
export function browserHostDependencies(scope: { location: { href: string }; fetch: typeof fetch }): HostDependencies {
  const absolute = (url: string) => new URL(url, scope.location.href).href;
  return {
    prepareBackend: () =>
      selectBackend({
        'tfjs-backend-wasm.wasm': absolute(wasmPlain),
        'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
        'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
      }),
    load: (url, onProgress) =>
      loadMelodyRnn(url, {
        fetch: scope.fetch.bind(scope),
        MusicRNN: MusicRNN as unknown as MusicRnnConstructor,
        onProgress,
        trackDownload: progressFetch.track,
      }),
    loadChordPrior: (url) => fetchChordPrior(scope.fetch.bind(scope), url),
    // Magenta's MusicVAE is fetched only when Similar or Interpolate is first used.
    loadVae: (url) =>
      loadMusicVae(url, {
        fetch: scope.fetch.bind(scope),
        MusicVAE: async () =>
          (await import('@magenta/music/esm/music_vae/model')).MusicVAE as unknown as MusicVaeConstructor,
      }),
    memory: () => {
      const m = tf.memory();
      return { numTensors: m.numTensors, numBytes: m.numBytes };
    },
  };
}
