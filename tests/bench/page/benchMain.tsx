import { startApp } from '../../../src/app/startApp';
import { createModelClient, type ModelDiagnostics, type WorkerLike } from '../../../src/model/client';
import type { ModelClient, ProposalRequest } from '../../../src/model/types';
import type { VaeClient } from '../../../src/model/vae/vaeTypes';
import type { VaeStore } from '../../../src/store/proposals/vaeStore';
import type { AppActions, AppStore } from '../../../src/store/types';
import type { BaselineReply, BaselineRequest } from './benchProtocol';

/**
 * The bench entry (bench.html, built only by `npm run bench`): the app as users get it, with a model worker
 * that also answers the bench's `baseline` request, and the store, actions and model client on
 * `window.__phrasewrightBench` for tests/bench/*.bench.mjs. None of this is in the shipped app.
 */

export interface BenchModel extends ModelClient, ModelDiagnostics, VaeClient {
  /** Milliseconds for `runs` sequential mm.MusicRNN.continueSequence calls doing the request's work. */
  baseline(request: ProposalRequest, runs: number): Promise<number>;
}

export interface BenchHook {
  store: AppStore;
  actions: AppActions;
  model(): BenchModel;
  /** Similar and Interpolate (tests/bench/vae.bench.mjs). */
  vae(): VaeStore;
  /**
   * Milliseconds to render the open song as WAV bytes with `concurrency` chunks at a time, through the
   * renderer Export WAV uses (tests/bench/wav.bench.mjs: one at a time is the baseline).
   */
  wavMs(concurrency: number): Promise<number>;
  /** The chunks Export WAV renders at once on this machine (defaultWavConcurrency). */
  wavConcurrency(): Promise<number>;
}

let worker: Worker | null = null;
const client = createModelClient({
  // Checkpoint paths are the app's, relative to the site root, not to this page's folder.
  baseUrl: document.baseURI,
  createWorker: () => {
    worker = new Worker(new URL('./benchWorker.ts', import.meta.url), { type: 'module', name: 'phrasewright-model' });
    return worker as unknown as WorkerLike;
  },
});
let nextBaselineId = -1; // negative ids never meet the client's own

const model: BenchModel = Object.assign(client, {
  baseline(request: ProposalRequest, runs: number): Promise<number> {
    const target = worker;
    if (!target) return Promise.reject(new Error('load a checkpoint first'));
    const id = nextBaselineId--;
    return new Promise<number>((resolve, reject) => {
      const onMessage = (event: MessageEvent<BaselineReply>) => {
        if (event.data.id !== id) return;
        target.removeEventListener('message', onMessage);
        if (event.data.type === 'baseline') resolve(event.data.totalMs);
        else reject(new Error(event.data.message));
      };
      target.addEventListener('message', onMessage);
      target.postMessage({ type: 'baseline', id, request, runs } satisfies BaselineRequest);
    });
  },
});

const app = startApp(window, { proposals: { model: () => model }, vae: () => model }, { serviceWorker: false });
(window as unknown as { __phrasewrightBench: BenchHook }).__phrasewrightBench = {
  store: app.store,
  actions: app.actions,
  model: () => model,
  vae: () => app.vae,
  async wavMs(concurrency) {
    const { renderSongWav } = await import('../../../src/audio/wavRender');
    const started = performance.now();
    await renderSongWav(app.store.getState().song, { concurrency });
    return performance.now() - started;
  },
  async wavConcurrency() {
    const { defaultWavConcurrency } = await import('../../../src/audio/wavRender');
    return defaultWavConcurrency();
  },
};
