import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import { newId as randomId } from '../core/id';
import { createSong } from '../core/song';
import { windowShowing } from '../core/scale';
import type { Song } from '../core/types';
import { createEditActions } from './actions/editActions';
import { createLibraryActions, summaryOf, upsertSummary } from './actions/libraryActions';
import { createNoticeActions, safeFileName } from './actions/noticeActions';
import { createSongSettingsActions } from './actions/songSettingsActions';
import { createTransportActions } from './actions/transportActions';
import { createProposalActions } from './proposals/proposalActions';
import { initialProposalsState } from './proposals/settings';
import { createArrangementActions } from './song/arrangementActions';
import { createTransferActions } from './song/transferActions';
import type { StoreContext } from './context';
import { createAutosave } from './persistence/autosave';
import { defaultSongRepository } from './persistence/defaultRepository';
import { browserPageLifecycle } from './persistence/pageLifecycle';
import { defaultSongClaims } from './persistence/songClaims';
import { defaultTabMemory } from './persistence/tabMemory';
import { errorMessage } from './persistence/recordCodec';
import type { AppActions, AppState, AppStore, AppStoreDeps, AppStoreHandle } from './types';
import { createUndoHistory, UNDO_LIMIT } from './undoHistory';
import { currentPhraseSteps, keepSelectionInPhrase } from './editor/selection';
import { clipSpan } from './proposals/span';
import { shownPitchRange } from './selectors';

/** The state before `init()` has loaded anything: a new song, stopped, audio not yet unlocked. */
export function initialAppState(song: Song, seed?: number): AppState {
  return {
    song,
    editor: { currentPhraseId: song.phrases[0]?.id ?? '', selection: null },
    transport: { playing: false, target: null, metronome: false, audio: { kind: 'idle' }, instrument: null },
    library: { songs: [], currentSongId: song.id },
    notices: [],
    persistence: { status: 'loading' },
    undo: { canUndo: false, canRedo: false },
    proposals: initialProposalsState(seed),
  };
}

/**
 * Creates the app state and the actions over it. Undo/redo covers the song only: zundo's `temporal`
 * records `{ song }` and its equality check ignores every set that leaves the song object alone, so
 * transport, editor, library and notices changes never become undo steps.
 * Every song change is autosaved (debounced, at most `autosaveMaxWaitMs` late, flushed when the page hides).
 */
export function createAppStore(deps: AppStoreDeps = {}): AppStoreHandle {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomId;
  const repository = deps.repository ?? defaultSongRepository(now);

  const store = createStore<AppState>()(
    temporal(
      () =>
        initialAppState(
          createSong({}, { now: now(), newId }),
          Math.floor((deps.proposals?.random ?? Math.random)() * 2 ** 31),
        ),
      {
        partialize: (state) => ({ song: state.song }),
        equality: (past, current) => past.song === current.song,
        limit: UNDO_LIMIT,
      },
    ),
  ) as AppStore;

  const history = createUndoHistory(store);
  const ctx: StoreContext = { store, now, newId, engine: deps.engine, history };
  const notices = createNoticeActions(ctx);

  const autosave = createAutosave({
    save: (song) => repository.save(song),
    delayMs: deps.autosaveDelayMs ?? 400,
    maxWaitMs: deps.autosaveMaxWaitMs ?? 800,
    onSaving() {
      if (store.getState().persistence.status !== 'saving') {
        store.setState({ persistence: { ...store.getState().persistence, status: 'saving' } });
      }
    },
    onSaved(song) {
      const { library } = store.getState();
      store.setState({
        persistence: { status: 'saved', lastSavedAt: now() },
        library: { ...library, songs: upsertSummary(library.songs, summaryOf(song)) },
      });
      notices.dismissNotice('autosave-failed');
    },
    onError(error, song) {
      store.setState({ persistence: { ...store.getState().persistence, status: 'error' } });
      const full = error instanceof Error && error.name === 'QuotaExceededError';
      notices.notify({
        id: 'autosave-failed',
        kind: 'error',
        message:
          `Could not save "${song.title}": ${full ? 'the browser storage is full' : errorMessage(error)}. ` +
          'The last saved version is kept; download this version to keep your latest changes.',
        action: {
          label: 'Download the unsaved song',
          kind: 'download',
          filename: `${safeFileName(song.title)}.json`,
          data: JSON.stringify(song),
        },
      });
    },
  });

  let showingSong = false;
  const unsubscribeSelection = keepSelectionInPhrase(store);
  const unsubscribeAutosave = store.subscribe((state, previous) => {
    if (state.song === previous.song) return;
    if (!showingSong) autosave.schedule(state.song);
    // Undo (or a later action) may remove the phrase in the grid; fall back to the first phrase.
    const current = state.editor.currentPhraseId;
    if (state.song.phrases.length > 0 && !state.song.phrases.some((p) => p.id === current)) {
      store.setState({ editor: { ...state.editor, currentPhraseId: state.song.phrases[0].id } });
    }
  });

  const lifecycle = deps.lifecycle ?? browserPageLifecycle();
  const stopLifecycle = lifecycle.onHide(() => void autosave.flush());

  const engineUnsubscribers: (() => void)[] = [];
  if (deps.engine) {
    const engine = deps.engine;
    engineUnsubscribers.push(
      engine.onAudioStatus((audio) => store.setState({ transport: { ...store.getState().transport, audio } })),
      engine.onInstrumentStatus((instrument) => {
        store.setState({ transport: { ...store.getState().transport, instrument } });
        if (instrument.kind === 'failed') {
          notices.notify({ id: 'instrument-failed', kind: 'warning', message: instrument.message });
        }
      }),
    );
    // A song played to its end stops by itself: the Play button must say so.
    const offPlaying = engine.onPlayingChange?.((playing) => {
      if (!playing && store.getState().transport.playing)
        store.setState({ transport: { ...store.getState().transport, playing: false } });
    });
    if (offPlaying) engineUnsubscribers.push(offPlaying);
  }

  const settings = createSongSettingsActions(ctx);
  const transport = createTransportActions(ctx, notices.notify);
  const proposals = createProposalActions(ctx, { ...transport, ...notices }, deps.proposals);

  const library = createLibraryActions(ctx, {
    repository,
    autosave,
    notify: notices.notify,
    stop: transport.stop,
    setTitle: settings.setTitle,
    setShowingSong: (on) => {
      showingSong = on;
    },
    claims: deps.claims ?? defaultSongClaims(),
    tabMemory: deps.tabMemory ?? defaultTabMemory(),
  });

  const actions: AppActions = {
    ...createEditActions(ctx),
    ...createArrangementActions(ctx),
    ...createTransferActions(ctx, { ...deps.transfer, notify: notices.notify, addSong: library.addSong }),
    ...settings,
    ...transport,
    ...notices,
    ...proposals.actions,
    ...library,
    selectPhrase(id) {
      const { song, editor, transport: playback } = store.getState();
      if (editor.currentPhraseId === id || !song.phrases.some((p) => p.id === id)) return;
      store.setState({ editor: { ...editor, currentPhraseId: id } });
      // A looping phrase follows the grid, so what you hear is what you edit.
      if (playback.playing && playback.target?.kind === 'phrase') void transport.play({ kind: 'phrase', phraseId: id });
    },
    setPitchRange(range) {
      store.setState({ editor: { ...store.getState().editor, pitchRange: range } });
    },
    revealPitches(pitches) {
      const state = store.getState();
      const range = shownPitchRange(state);
      const next = windowShowing(range, pitches);
      if (next !== range) store.setState({ editor: { ...state.editor, pitchRange: next } });
    },
    setSelection(span) {
      const state = store.getState();
      const next = clipSpan(span, currentPhraseSteps(state));
      const now = state.editor.selection ?? null;
      if (next?.start === now?.start && next?.end === now?.end) return;
      store.setState({ editor: { ...state.editor, selection: next } });
    },
    undo: () => history.undo(),
    redo: () => history.redo(),
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    flushSave: () => autosave.flush(),
    dispose() {
      unsubscribeSelection();
      unsubscribeAutosave();
      stopLifecycle();
      engineUnsubscribers.forEach((off) => off());
      proposals.dispose();
      autosave.dispose();
    },
  };

  return { store, actions };
}
