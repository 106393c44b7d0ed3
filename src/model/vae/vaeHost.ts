import type { LoadProgress } from '../types';
import type { LoadedVae } from './vaeLoad';
import { runVaeRequest } from './vaeMoves';
import type { VaeFromWorker, VaeInfo, VaeToWorker } from './vaeTypes';
import { ModelError } from '../types';

/**
 * The worker's MusicVAE requests (host.ts routes them here): load once, then Similar, Interpolate, encode
 * and decode with the loaded codec. The VAE lives beside the MusicRNN; loading one never unloads the other.
 */

export interface VaeHostDependencies {
  /** The shared backend start (host.ts's, so both models run on the same backend). */
  prepareBackend(): Promise<string>;
  load?: (checkpointUrl: string, onProgress: (progress: LoadProgress) => void) => Promise<LoadedVae>;
  now: () => number;
}

/** A few throw-away decodes after loading, so the first real request runs on compiled code paths. */
const WARM_UP_RUNS = 3;

/** Handles `vae-load` and `vae` messages; `dispose` frees the model. */
export function createVaeHost(deps: VaeHostDependencies): {
  handle(message: VaeToWorker, post: (m: VaeFromWorker, transfer?: Transferable[]) => void): Promise<void>;
  dispose(): void;
} {
  let model: LoadedVae | null = null;
  return {
    async handle(message, post) {
      if (message.type === 'vae-load') {
        const started = deps.now();
        if (!deps.load) throw new ModelError('This worker has no MusicVAE loader', 'internal');
        const backend = await deps.prepareBackend();
        if (model?.url !== message.checkpointUrl.replace(/\/+$/, '')) {
          model?.dispose();
          model = null;
          model = await deps.load(message.checkpointUrl, (progress) =>
            post({ type: 'vae-progress', id: message.id, progress }),
          );
          const warm = Array.from({ length: 8 }, () => new Float32Array(model!.codec.zSize));
          for (let i = 0; i < WARM_UP_RUNS; i++) model.codec.decode(warm);
        }
        const info: VaeInfo = {
          url: model.url,
          range: { min: model.minPitch, max: model.maxPitch },
          numSteps: model.codec.numSteps,
          zSize: model.codec.zSize,
          backend,
          loadMs: deps.now() - started,
        };
        post({ type: 'vae-loaded', id: message.id, info });
        return;
      }
      if (!model) throw new ModelError('No MusicVAE is loaded: load it first', 'not-loaded');
      const result = runVaeRequest(model.codec, message.request, deps.now);
      const transfer: Transferable[] = [];
      for (const phrase of result.phrases ?? []) for (const w of phrase) transfer.push(w.buffer as ArrayBuffer);
      for (const c of result.codes ?? []) transfer.push(c.buffer as ArrayBuffer);
      post({ type: 'vae-result', id: message.id, result }, transfer);
    },
    dispose() {
      model?.dispose();
      model = null;
    },
  };
}
