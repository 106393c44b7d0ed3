import type { AudioEngine } from '../audio/types';
import { createModelClient } from '../model/client';
import { createAppStore } from '../store';
import { songForPlayback } from '../store/proposals/audition';
import type { AppStoreDeps } from '../store/types';
import type { AppServices } from '../ui/AppContext';
import { createUiSignals } from '../ui/uiSignals';
import { createLazyAudioEngine, type LazyAudioEngine } from './lazyAudioEngine';
import { installShortcuts } from './shortcuts';
import { unlockOnFirstGesture } from './unlockOnGesture';

export interface ComposedApp extends AppServices {
  engine: LazyAudioEngine;
  /** Loads the library and the last song; resolves when the app shows real data. */
  ready: Promise<void>;
  dispose(): void;
}

/**
 * The composition root: one store, one audio engine reading the song from that store, the UI signals, the
 * keyboard shortcuts and the first-gesture audio unlock. The engine (and Tone.js) loads lazily, after the
 * first paint, so it does not weigh on start-up.
 */
export function composeApp(win: Window, deps: Omit<AppStoreDeps, 'engine'> = {}): ComposedApp {
  let readSong: AppServices['store'] | null = null;
  const engine = createLazyAudioEngine(async (): Promise<AudioEngine> => {
    const { createAudioEngine } = await import('../audio/engine');
    // The song as playback hears it: with the auditioned proposal added while one is being heard.
    return createAudioEngine(() => songForPlayback(readSong!.getState()));
  });
  // The model client starts its worker (and fetches tfjs) only on the first Propose.
  const { store, actions } = createAppStore({ proposals: { model: () => createModelClient() }, ...deps, engine });
  readSong = store;
  const ui = createUiSignals();

  const offShortcuts = installShortcuts(win, (command) => {
    switch (command) {
      case 'togglePlay':
        void actions.togglePlay();
        break;
      case 'undo':
        actions.undo();
        break;
      case 'redo':
        actions.redo();
        break;
      case 'toggleHelp':
        ui.set({ helpOpen: !ui.get().helpOpen });
        break;
    }
  });
  const offUnlock = unlockOnFirstGesture(win, () => void engine.unlock());

  const ready = actions.init();
  void actions.loadCheckpointIndex();
  return {
    store,
    actions,
    engine,
    ui,
    ready,
    dispose() {
      offShortcuts();
      offUnlock();
      actions.dispose();
      engine.dispose();
    },
  };
}
