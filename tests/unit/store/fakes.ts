import 'fake-indexeddb/auto';
import type {
  AudioEngine,
  AudioStatus,
  InstrumentStatus,
  PlaybackTarget,
  PlayheadPosition,
  PlayOptions,
} from '../../../src/audio/types';
import type { PlannedWindow } from '../../../src/core/playbackPlanner';
import type { Note } from '../../../src/core/types';
import { validateSong } from '../../../src/core/validate';
import { createAppStore } from '../../../src/store/appStore';
import { createIdbSongRepository } from '../../../src/store/persistence/idbSongRepository';
import { createMemorySongRepository } from '../../../src/store/persistence/memorySongRepository';
import type { AppStoreDeps, PageLifecycle, SongRepository } from '../../../src/store/types';

/** An engine that records what the store asked of it; the store is the subject, not the engine. */
export class FakeEngine implements AudioEngine {
  calls: string[] = [];
  played: PlaybackTarget[] = [];
  playOptions: (PlayOptions | undefined)[] = [];
  metronome = false;
  playing = false;
  unlockResult: AudioStatus = { kind: 'ready' };
  /** When set, unlock() waits for this promise (to test Stop pressed while audio is starting). */
  unlockGate: Promise<void> | null = null;
  private audioListeners = new Set<(s: AudioStatus) => void>();
  private instrumentListeners = new Set<(s: InstrumentStatus) => void>();
  private planListeners = new Set<(window: PlannedWindow) => void>();
  private playingListeners = new Set<(playing: boolean) => void>();

  async unlock(): Promise<AudioStatus> {
    this.calls.push('unlock');
    if (this.unlockGate) await this.unlockGate;
    return this.unlockResult;
  }
  async play(target: PlaybackTarget, options?: PlayOptions): Promise<void> {
    this.calls.push('play');
    this.played.push(target);
    this.playOptions.push(options);
    this.playing = true;
  }
  stop(): void {
    this.calls.push('stop');
    // As the real engine: listeners hear that playback ended.
    if (this.playing) this.playingListeners.forEach((l) => l(false));
    this.playing = false;
  }
  isPlaying(): boolean {
    return this.playing;
  }
  setMetronome(on: boolean): void {
    this.calls.push(`metronome ${on ? 'on' : 'off'}`);
    this.metronome = on;
  }
  playhead(): PlayheadPosition {
    return { step: null, time: 0 };
  }
  previewNote(): void {}
  onAudioStatus(listener: (s: AudioStatus) => void): () => void {
    this.audioListeners.add(listener);
    return () => this.audioListeners.delete(listener);
  }
  onInstrumentStatus(listener: (s: InstrumentStatus) => void): () => void {
    this.instrumentListeners.add(listener);
    return () => this.instrumentListeners.delete(listener);
  }
  onPlan(listener: (window: PlannedWindow) => void): () => void {
    this.planListeners.add(listener);
    return () => this.planListeners.delete(listener);
  }
  onPlayingChange(listener: (playing: boolean) => void): () => void {
    this.playingListeners.add(listener);
    return () => this.playingListeners.delete(listener);
  }
  /** Hands a planned window to the outputs, as the real engine does on each tick. */
  emitPlan(window: PlannedWindow): void {
    this.planListeners.forEach((l) => l(window));
  }
  emitPlaying(playing: boolean): void {
    this.playingListeners.forEach((l) => l(playing));
  }
  emitAudio(s: AudioStatus): void {
    this.audioListeners.forEach((l) => l(s));
  }
  emitInstrument(s: InstrumentStatus): void {
    this.instrumentListeners.forEach((l) => l(s));
  }
  dispose(): void {}
}

/** Ids "id-1", "id-2", ... so tests can name what they expect. */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** A page lifecycle whose "page hidden" the test fires. */
export function fakeLifecycle(): PageLifecycle & { hide(): void } {
  const listeners = new Set<() => void>();
  return {
    onHide(flush) {
      listeners.add(flush);
      return () => listeners.delete(flush);
    },
    hide() {
      listeners.forEach((l) => l());
    },
  };
}

let dbCounter = 0;
/** A real IndexedDB repository (fake-indexeddb) in databases no other test uses. */
export function freshIdbRepository(now: () => number = Date.now) {
  const dbPrefix = `test-${process.pid}-${++dbCounter}`;
  return { dbPrefix, repository: createIdbSongRepository({ validate: validateSong, now, dbPrefix }) };
}

/** Notes without their authors (`by`), for tests about note shapes only. */
export function withoutAuthors(notes: readonly Note[]): Note[] {
  return notes.map(({ by: _by, ...n }) => n);
}

/** A store over an in-memory library with a fake engine, for tests that are not about storage. */
export function makeApp(deps: Partial<AppStoreDeps> & { repository?: SongRepository } = {}) {
  const engine = new FakeEngine();
  const clock = manualClock();
  const lifecycle = fakeLifecycle();
  const app = createAppStore({
    repository: createMemorySongRepository(),
    now: clock.now,
    newId: sequentialIds(),
    engine,
    lifecycle,
    ...deps,
  });
  const phraseId = () => app.store.getState().editor.currentPhraseId;
  // The notes' shapes without their authors: most tests are about where notes are, not who wrote them
  // (tests/unit/store/authorship.test.ts reads the authors from phrase().notes).
  const notes = () => withoutAuthors(app.store.getState().song.phrases.find((p) => p.id === phraseId())!.notes);
  const phrase = () => app.store.getState().song.phrases.find((p) => p.id === phraseId())!;
  return { ...app, engine, clock, lifecycle, notes, phrase, state: () => app.store.getState() };
}
