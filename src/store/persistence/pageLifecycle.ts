import type { PageLifecycle } from '../types';

/**
 * "The page may be going away": the tab is hidden (the last event mobile browsers reliably fire) or the
 * page is being unloaded. A no-op outside a browser.
 */
export function browserPageLifecycle(): PageLifecycle {
  return {
    onHide(flush: () => void): () => void {
      if (typeof document === 'undefined' || typeof window === 'undefined') return () => {};
      const onVisibility = (): void => {
        if (document.visibilityState === 'hidden') flush();
      };
      document.addEventListener('visibilitychange', onVisibility);
      window.addEventListener('pagehide', flush);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('pagehide', flush);
      };
    },
  };
}
