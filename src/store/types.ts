import type { StoreApi } from 'zustand/vanilla';
import type { TemporalState } from 'zundo';
import type { AudioEngine, AudioStatus, InstrumentStatus, PlaybackTarget, PlayOptions } from '../audio/types';
import type { InstrumentId, MidiPitch, ScaleName, Song, Steps, TimeSignature } from '../core/types';
import type { ProposalActions, ProposalDeps, ProposalsState } from './proposals/types';
import type { ArrangementActions, Result, TransferActions, TransferDeps } from './song/types';

export type { Result } from './song/types';
import type { SongClaims } from './persistence/songClaims';
import type { TabMemory } from './persistence/tabMemory';

// The contracts of the audio and model rooms that the UI reads through the store (the UI imports only store
// and core).
export type { AudioEngine, PlaybackTarget } from '../audio/types';
export type { StepProbabilities } from '../model/types';
export type { MidiController, MidiState } from '../midi/midiController';

/**
 * The shape of the app state and the actions over it. The UI renders these slices and calls these
 * actions; keyboard shortcuts, MIDI input and tests call the very same functions.
 */

export interface PitchRange {
  low: MidiPitch;
  high: MidiPitch;
}

/** A span of steps of the current phrase: `start` inclusive, `end` exclusive, inside the phrase. */
export interface StepSpan {
  start: Steps;
  end: Steps;
}

export interface EditorState {
  /** The phrase shown in the step grid. Always the id of a phrase of `song`. */
  currentPhraseId: string;
  /** Rows the grid shows; undefined means "two octaves around the key" (the UI picks). */
  pitchRange?: PitchRange;
  /**
   * The selected steps of the current phrase (all pitches), or none. Kept inside the phrase: clipped when the
   * phrase gets shorter, dropped when another phrase is shown. Read it with `selectedSpan(state)`.
   */
  selection?: StepSpan | null;
}

export interface TransportState {
  playing: boolean;
  /** What is (or was last asked to be) playing; null before the first play. */
  target: PlaybackTarget | null;
  metronome: boolean;
  /** Mirrors the engine's audio-context status (idle until the first gesture, blocked if refused). */
  audio: AudioStatus;
  /** Mirrors the engine's instrument status (piano loading, ready, failed with a synth fallback). */
  instrument: InstrumentStatus | null;
}

/** One row of the song list. */
export interface SongSummary {
  id: string;
  title: string;
  updatedAt: number;
}

export interface LibraryState {
  /** Saved songs, most recently updated first. Includes the current song once it has been saved. */
  songs: SongSummary[];
  currentSongId: string | null;
}

export type NoticeKind = 'error' | 'warning' | 'info';

/** A button on a notice that downloads `data` as a file (used to hand back unreadable or unsaved data). */
export interface NoticeDownload {
  label: string;
  kind: 'download';
  filename: string;
  data: string;
  /** MIME type for the Blob; defaults to application/json. */
  mimeType?: string;
}

/** A message for the user. The UI renders errors with role="alert". */
export interface Notice {
  id: string;
  kind: NoticeKind;
  message: string;
  action?: NoticeDownload;
}

/** What `notify` accepts: the id is optional (a fresh one is made); a notice with a known id replaces it. */
export type NoticeInput = Omit<Notice, 'id'> & { id?: string };

export type PersistenceStatus = 'loading' | 'saved' | 'saving' | 'error';

export interface PersistenceState {
  status: PersistenceStatus;
  /** Epoch milliseconds of the last successful save. */
  lastSavedAt?: number;
}

/** Undo availability, kept in state so React re-renders the Undo/Redo buttons when it changes. */
export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface AppState {
  song: Song;
  editor: EditorState;
  transport: TransportState;
  library: LibraryState;
  notices: Notice[];
  persistence: PersistenceState;
  undo: UndoState;
  /** The model's candidates and the Propose settings (not undoable, not saved). */
  proposals: ProposalsState;
}

export interface AppActions extends ProposalActions, ArrangementActions, TransferActions {
  // --- editing the current phrase (undoable) ---
  /**
   * Adds a note at (pitch, step), or removes the note that starts there. A new note is one step long unless
   * `length` says otherwise (the grid's pencil: the length last drawn); it never runs into the next note.
   */
  toggleNote(pitch: MidiPitch, step: Steps, velocity?: number, length?: Steps): void;
  /** Sets the length of the note starting at `start` (clamped to the phrase and the next note). */
  setNoteLength(start: Steps, length: Steps): void;
  /** Moves the note starting at `fromStart` to (toStart, toPitch). */
  moveNote(fromStart: Steps, toStart: Steps, toPitch: MidiPitch): void;
  /** Starts a gesture (a drag): every edit until `endGesture` becomes ONE undo step. */
  beginGesture(): void;
  endGesture(): void;

  // --- song settings (undoable) ---
  /** Tempo in BPM: out-of-range values are clamped to 40-240 and a reason returned; NaN is refused. */
  setTempo(value: number): Result;
  /** Swing 0..1: clamped like tempo. */
  setSwing(value: number): Result;
  setKey(tonic: string): Result;
  setScale(name: ScaleName): Result;
  setTimeSignature(ts: TimeSignature): Result;
  /** Bars of the current phrase, 1-8; notes past the new end are cut. */
  setBars(n: number): Result;
  setTitle(title: string): Result;

  // --- editor (not undoable) ---
  selectPhrase(id: string): void;
  setPitchRange(range: PitchRange | undefined): void;
  /** Moves the grid's pitch window as little as possible so it shows these pitches (a previewed candidate's). */
  revealPitches(pitches: readonly MidiPitch[]): void;
  /** Selects steps of the current phrase (clipped to it; an empty span clears); null clears. */
  setSelection(span: StepSpan | null): void;

  // --- history ---
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;

  // --- transport (never undoable) ---
  /** Plays `target` (default: loop the current phrase). Unlocks audio first; call from a gesture. */
  play(target?: PlaybackTarget, options?: PlayOptions): Promise<void>;
  stop(): void;
  togglePlay(): Promise<void>;
  toggleMetronome(): void;
  /** Chooses the melody instrument (stored in the song, so it is undoable and saved). */
  setInstrument(id: InstrumentId): void;

  // --- song library ---
  newSong(): Promise<void>;
  openSong(id: string): Promise<void>;
  renameSong(id: string, title: string): Promise<Result>;
  duplicateSong(id: string): Promise<void>;
  deleteSong(id: string): Promise<void>;
  /** Shows `song` as a new song of the library (opened files and share links); the open song is saved first. */
  addSong(song: Song): Promise<void>;

  // --- notices ---
  notify(notice: NoticeInput): string;
  dismissNotice(id: string): void;

  // --- lifecycle ---
  /**
   * Loads the library and the last opened song (or starts a new one). Call once at start. With `opening`
   * (the song a share or assignment link brought on this visit) that song is shown and saved instead, so a
   * first visit by link gives exactly that song and no empty "Untitled song" beside it.
   */
  init(options?: { opening?: Song }): Promise<void>;
  /** Writes a pending autosave now (called on pagehide/visibilitychange, and before switching songs). */
  flushSave(): Promise<void>;
  /** Stops listeners and timers (tests, hot reload). */
  dispose(): void;
}

/** What `SongRepository.load` found. */
export type LoadResult =
  | { status: 'ok'; song: Song }
  | { status: 'missing' }
  /** The record could not be read: it was moved to the quarantine store (never deleted). */
  | { status: 'quarantined'; id: string; reason: string; raw: string };

export interface ListResult {
  songs: SongSummary[];
  /** Records found unreadable while listing; each has been moved to quarantine. */
  quarantined: { id: string; reason: string; raw: string }[];
}

/** Where songs live between visits. `createIdbSongRepository()` is the IndexedDB implementation. */
export interface SongRepository {
  list(): Promise<ListResult>;
  load(id: string): Promise<LoadResult>;
  /** Writes the whole song; a failed write leaves the previous record as it was. */
  save(song: Song): Promise<void>;
  delete(id: string): Promise<void>;
  getLastOpenedId(): Promise<string | undefined>;
  setLastOpenedId(id: string): Promise<void>;
}

/** Hooks for "the page is going away", so a pending autosave is written at once. */
export interface PageLifecycle {
  onHide(flush: () => void): () => void;
}

export interface AppStoreDeps {
  repository?: SongRepository;
  /** Epoch milliseconds; injected so tests control time. */
  now?: () => number;
  newId?: () => string;
  engine?: AudioEngine;
  /** Defaults to document visibilitychange + window pagehide when running in a browser. */
  lifecycle?: PageLifecycle;
  /** Autosave debounce in ms (default 400) and the longest a change may wait under continuous edits (default 800). */
  autosaveDelayMs?: number;
  autosaveMaxWaitMs?: number;
  /** The model client (or a factory called on first Propose) and the proposals' other dependencies. */
  proposals?: ProposalDeps;
  /** Export/import services from other rooms (the WAV renderer). */
  transfer?: TransferDeps;
  /** Which songs this tab may write (Web Locks by default), so two tabs on one song never overwrite each other. */
  claims?: SongClaims;
  /** The song this tab showed last, kept across reloads of this tab (sessionStorage by default). */
  tabMemory?: TabMemory;
}

export type AppStore = StoreApi<AppState> & { temporal: StoreApi<TemporalState<{ song: Song }>> };

export interface AppStoreHandle {
  store: AppStore;
  actions: AppActions;
}
