import type { AudioEngine } from '../audio/types';
import { decodeShareLink } from '../core/shareLink';
import type { Song } from '../core/types';
import { createModelClient } from '../model/client';
import type { ModelClient } from '../model/types';
import { createAppStore } from '../store';
import { createMidiController } from '../midi/midiController';
import { requestMidiAccess } from '../midi/access';
import { createAssignmentStore } from '../store/assignmentStore';
import { createVaeStore } from '../store/proposals/vaeStore';
import type { VaeClient } from '../model/vae/vaeTypes';
import { songForPlayback } from '../store/proposals/audition';
import type { AppStoreDeps } from '../store/types';
import type { AppServices } from '../ui/AppContext';
import { createUiSignals } from '../ui/uiSignals';
import { createLazyAudioEngine, type LazyAudioEngine } from './lazyAudioEngine';
import { midiSongHost } from './midiHost';
import { installShortcuts } from './shortcuts';
import { runShortcut } from './runShortcut';
import { visiblePreview } from '../store/selectors';
import { unlockOnFirstGesture } from './unlockOnGesture';

/**
 * The song the page's fragment brings ("#song=…", with "&assignment=…" or "&handback=…"), read before the
 * library loads so the app starts on exactly that song; a broken link is told in an alert and the app
 * starts as usual. The fragment is cleared so a reload does not add the song again.
 */
async function songFromLink(
  win: Window,
  actions: AppServices['actions'],
  assignments: ReturnType<typeof createAssignmentStore>,
): Promise<{ song: Song; after(): void } | null> {
  const hash = win.location.hash;
  if (!/(^#|&)song=/.test(hash)) return null;
  win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
  const link = await assignments.actions.readLink(hash);
  if (link && link.ok) return { song: link.song, after: () => assignments.actions.adopt(link) };
  if (link && !link.ok) {
    actions.notify({
      id: 'assignment-link',
      kind: 'error',
      message: `Could not open the link: ${link.reason}. Your songs are unchanged.`,
    });
    return null;
  }
  const shared = await decodeShareLink(hash);
  if (!shared.ok) {
    actions.notify({
      id: 'share-link',
      kind: 'error',
      message: `Could not open the shared song: ${shared.reason}. Your songs are unchanged.`,
    });
    return null;
  }
  const at = Date.now();
  const song = { ...shared.song, createdAt: at, updatedAt: at };
  return {
    song,
    after: () =>
      actions.notify({
        id: 'share-link',
        kind: 'info',
        message: `Opened the shared song "${song.title}" as a new song; your other songs are unchanged.`,
      }),
  };
}

export interface ComposeDeps extends Omit<AppStoreDeps, 'engine'> {
  /** The MusicVAE behind Similar and Interpolate; by default the app's own model client (one worker for both). */
  vae?: () => VaeClient;
}

export interface ComposedApp extends AppServices {
  engine: LazyAudioEngine;
  /** Loads the library and the last song; resolves when the app shows real data. */
  ready: Promise<void>;
  dispose(): void;
}

/**
 * The composition root: one store, one audio engine reading the song from that store, the side stores (MIDI
 * devices, assignments, the MusicVAE's Similar and Interpolate), the UI signals, the keyboard shortcuts and the first-gesture audio unlock; `dispose`
 * lets go of each. The engine (and Tone.js) loads lazily, after the
 * first paint, so it does not weigh on start-up.
 */
export function composeApp(win: Window, { vae: vaeClient, ...deps }: ComposeDeps = {}): ComposedApp {
  let readSong: AppServices['store'] | null = null;
  const engine = createLazyAudioEngine(async (): Promise<AudioEngine> => {
    const { createAudioEngine } = await import('../audio/engine');
    // The song as playback hears it: with the auditioned proposal added while one is being heard.
    return createAudioEngine(() => songForPlayback(readSong!.getState()));
  });
  // The model client starts its worker (and fetches tfjs) only on the first Propose.
  let modelClient: (ModelClient & VaeClient) | null = null;
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
  const vae = createVaeStore({ app: { store, actions }, client: vaeClient ?? model });
  const ui = createUiSignals();

  const offShortcuts = installShortcuts(
    win,
    (command) => runShortcut(command, { store, actions, ui }),
    () => visiblePreview(store.getState()) !== undefined,
  );
  const offUnlock = unlockOnFirstGesture(win, () => void engine.unlock());

  // A share link (#song=...) opens as a NEW song once the library is loaded; the fragment is then cleared
  // so a reload does not add the song again.
  // An assignment or hand-back link (#song=…&assignment=… / &handback=…) opens through the assignment store,
  // which also keeps the opened song inside its locks.
  const assignments = createAssignmentStore({ store, actions });
  const midi = createMidiController({
    host: midiSongHost({ store, actions }),
    player: engine,
    request: () => requestMidiAccess(win.navigator),
    now: () => win.performance.now(),
  });
  const ready = songFromLink(win, actions, assignments).then(async (fromLink) => {
    await actions.init(fromLink ? { opening: fromLink.song } : {});
    fromLink?.after();
  });
  void actions.loadCheckpointIndex();
  return {
    store,
    actions,
    engine,
    ui,
    midi,
    assignments,
    vae,
    ready,
    dispose() {
      offShortcuts();
      offUnlock();
      midi.dispose();
      assignments.actions.dispose();
      vae.actions.dispose();
      actions.dispose();
      engine.dispose();
      modelClient?.dispose();
    },
  };
}
