import { useSyncExternalStore } from 'react';
import type { VaeState, VaeStore } from '../../store/proposals/vaeStore';
import { useServices } from '../AppContext';

/** The page's VAE store (made in compose.ts with the model client). */
export function useVaeStore(): VaeStore {
  return useServices().vae;
}

/** One value of the VAE store's state; the selector must return a value of the state or a primitive. */
export function useVaeState<T>(selector: (state: VaeState) => T): T {
  const vae = useVaeStore();
  return useSyncExternalStore(vae.subscribe, () => selector(vae.getState()));
}
