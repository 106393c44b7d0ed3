/**
 * What the page knows about working offline, published by the service worker registration (src/app) and
 * rendered by OfflineNotice. Kept as a tiny observable so the UI needs no service worker code.
 */
export type OfflineState =
  | { kind: 'unsupported' } // no service worker (dev server, old browser, private mode)
  | { kind: 'installing' } // first visit: the app, models and samples are being stored
  | { kind: 'ready' } // every file is stored: the app works with the network off
  | { kind: 'update-waiting' } // a new version is stored and waits for a reload
  | { kind: 'failed'; message: string };

export interface OfflineStatus {
  get(): OfflineState;
  subscribe(listener: () => void): () => void;
  /** Activates the waiting version and reloads the page into it. */
  applyUpdate(): void;
}

/** A status that never changes (tests, dev builds). */
export const NO_OFFLINE: OfflineStatus = {
  get: () => ({ kind: 'unsupported' }),
  subscribe: () => () => undefined,
  applyUpdate: () => undefined,
};
