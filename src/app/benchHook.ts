import type { ModelDiagnostics } from '../model/client';
import type { ModelClient } from '../model/types';
import type { AppActions, AppStore } from '../store/types';
import type { VaeStore } from '../store/proposals/vaeStore';

/** What `npm run bench` reaches from the page; never present in normal use. */
export interface BenchHook {
  store: AppStore;
  actions: AppActions;
  model(): ModelClient & ModelDiagnostics;
  /** Similar and Interpolate (tests/bench/vae.bench.mjs). */
  vae?: () => VaeStore;
}

/**
 * Puts the store, the actions and the model client on `window.__phrasewrightBench`, only when the page was
 * opened with `?bench`, so tests/bench/model.bench.mjs can time proposals the way the UI makes them.
 */
export function installBenchHook(win: Window, hook: BenchHook): void {
  if (!new URLSearchParams(win.location.search).has('bench')) return;
  (win as unknown as { __phrasewrightBench?: BenchHook }).__phrasewrightBench = hook;
}
