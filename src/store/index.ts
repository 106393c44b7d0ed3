import { createAppStore } from './appStore';
import type { AppStoreDeps, AppStoreHandle } from './types';

export { createAppStore, initialAppState } from './appStore';
export type * from './types';

let app: AppStoreHandle | undefined;

/**
 * The one app store of the page, made on first call. The composition root calls it first with the real
 * engine (and then `actions.init()`); later calls return the same store and ignore `deps`.
 */
export function getAppStore(deps?: AppStoreDeps): AppStoreHandle {
  app ??= createAppStore(deps);
  return app;
}
