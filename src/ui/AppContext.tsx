import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AssignmentStore } from '../store/assignmentStore';
import type { VaeStore } from '../store/proposals/vaeStore';
import type { AppActions, AppState, AppStore, AudioEngine, MidiController } from '../store/types';
import type { UiSignals } from './uiSignals';

/**
 * What every component may reach: the store (read), the actions (write), the engine (playhead only), and
 * the side stores the composition root made for this page (MIDI devices, assignments, the MusicVAE's Similar and Interpolate).
 */
export interface AppServices {
  store: AppStore;
  actions: AppActions;
  engine: AudioEngine;
  ui: UiSignals;
  midi: MidiController;
  assignments: AssignmentStore;
  vae: VaeStore;
}

const ServicesContext = createContext<AppServices | null>(null);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}

export function useActions(): AppActions {
  return useServices().actions;
}

/**
 * Subscribes to one slice of the app state. The selector must return a value already in the state (or a
 * primitive) so React can compare it by identity; derive bigger things with useMemo in the component.
 * Written on useSyncExternalStore so the UI needs no Zustand import (the store room owns Zustand).
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const { store } = useServices();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
