import type { OfflineState, OfflineStatus } from '../ui/Offline/offlineStatus';

/** What the page posts to a waiting service worker (src/build/serviceWorkerSource.ts) to make it take over. */
export const SKIP_WAITING_MESSAGE = 'skip-waiting';

/**
 * Registers dist/sw.js (production builds only: the dev server has no precache list and must never be
 * shadowed by a cache) and follows it: installing on the first visit, ready once it controls the page
 * (which means its precache is complete), update-waiting when a newer version has installed behind it.
 * The page reloads into a new version only after the user asked to.
 */
export function registerServiceWorker(win: Window, enabled: boolean): OfflineStatus {
  const listeners = new Set<() => void>();
  let state: OfflineState = { kind: 'unsupported' };
  let waiting: ServiceWorker | null = null;
  let reloadOnChange = false;
  const set = (next: OfflineState) => {
    state = next;
    listeners.forEach((l) => l());
  };
  const status: OfflineStatus = {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyUpdate() {
      if (!waiting) return;
      reloadOnChange = true;
      waiting.postMessage({ type: SKIP_WAITING_MESSAGE });
    },
  };
  const container = win.navigator.serviceWorker;
  if (!enabled || !container) return status;

  const watchWaiting = (registration: ServiceWorkerRegistration) => {
    // An update only counts as waiting when an older version already controls this page.
    if (registration.waiting && container.controller) {
      waiting = registration.waiting;
      set({ kind: 'update-waiting' });
    }
  };
  container.addEventListener('controllerchange', () => {
    if (reloadOnChange) win.location.reload();
    else if (state.kind !== 'update-waiting') set({ kind: 'ready' });
  });
  set(container.controller ? { kind: 'ready' } : { kind: 'installing' });
  container
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .then((registration) => {
      watchWaiting(registration);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') watchWaiting(registration);
          if (installing.state === 'redundant' && !container.controller)
            set({ kind: 'failed', message: 'the files could not all be stored' });
        });
      });
    })
    .catch((error: unknown) =>
      set({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  return status;
}
