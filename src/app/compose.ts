import type { AudioEngine } from '../audio/types';
import { createModelClient, type ModelDiagnostics } from '../model/client';
import type { ModelClient } from '../model/types';
import { createAppStore } from '../store';
import { getAssignmentStore } from '../store/assignmentStore';
import { getVaeStore } from '../store/proposals/vaeStore';
import type { VaeClient } from '../model/vae/vaeTypes';
import { songForPlayback } from '../store/proposals/audition';
import type { AppStoreDeps } from '../store/types';
import type { AppServices } from '../ui/AppContext';
import { createUiSignals } from '../ui/uiSignals';
import { installBenchHook } from './benchHook';
import { createLazyAudioEngine, type LazyAudioEngine } from './lazyAudioEngine';
import { installShortcuts } from './shortcuts';
import { unlockOnFirstGesture } from './unlockOnGesture';

/** Opens the song in the page's "#song=" fragment, if any, and clears the fragment. */
async function openSharedSong(win: Window, actions: AppServices['actions']): Promise<void> {
  const hash = win.location.hash;
  if (!/^#song=/.test(hash)) return;
  win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
  await actions.openShareLink(hash);
}

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
  let modelClient: (ModelClient & ModelDiagnostics & VaeClient) | null = null;
  const model = () => (modelClient ??= createModelClient());
  const { store, actions } = createAppStore({
    proposals: { model },
    // WAV export pulls in Tone.js, so its renderer is fetched on the first export.
    transfer: { wav: () => import('../audio/wavRender').then((m) => m.renderSongWav) },
    ...deps,
    engine,
  });
  readSong = store;
  // Similar and Interpolate share the model worker (the MusicVAE loads beside the MusicRNN on first use).
  const vae = getVaeStore({ app: { store, actions }, client: model });
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

  // A share link (#song=...) opens as a NEW song once the library is loaded; the fragment is then cleared
  // so a reload does not add the song again.
  // An assignment or hand-back link (#song=…&assignment=… / &handback=…) opens through the assignment store,
  // which also keeps the opened song inside its locks.
  const assignments = getAssignmentStore({ store, actions });
  const ready = actions.init().then(async () => {
    const hash = win.location.hash;
    if (await assignments.actions.openLink(hash)) win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
    else await openSharedSong(win, actions);
  });
  void actions.loadCheckpointIndex();
  installBenchHook(win, { store, actions, model, vae: () => vae });
  return {
    store,
    actions,
    engine,
    ui,
    ready,
    dispose() {
      offShortcuts();
      offUnlock();
      assignments.actions.dispose();
      actions.dispose();
      engine.dispose();
      modelClient?.dispose();
    },
  };
}
