import type { PlannedWindow } from '../core/playbackPlanner';
import type { InstrumentId, Song, Steps, Seconds } from '../core/types';

/**
 * The contract between the audio room (the only owner of Tone) and everything else. The store and UI
 * depend on this interface; `createAudioEngine()` in engine.ts is the Tone-backed implementation.
 */

/** What to play. The engine calls `getSong()` for every look-ahead window, so edits are heard at once. */
export type PlaybackTarget =
  | { kind: 'phrase'; phraseId: string } // loop one phrase
  | { kind: 'song' } // the arrangement from the start, once
  | { kind: 'section'; sectionId: string }; // loop one section of the arrangement

export type AudioStatus =
  | { kind: 'idle' } // context not started yet (waits for a user gesture)
  | { kind: 'blocked'; message: string } // the browser refused to start audio
  | { kind: 'ready' };

export type InstrumentStatus =
  | { kind: 'loading'; instrument: InstrumentId; message: string }
  | { kind: 'ready'; instrument: InstrumentId }
  | { kind: 'failed'; instrument: InstrumentId; fallback: InstrumentId; message: string };

export interface PlayOptions {
  /** Bars of metronome clicks before the target's first step (recording). Default 0. */
  countInBars?: number;
}

export interface PlayheadPosition {
  /** Fractional step inside the target (phrase loop or song), or null when stopped. */
  step: Steps | null;
  /** Audio-clock time the position refers to. */
  time: Seconds;
}

export interface AudioEngine {
  /** Resumes/creates the audio context; call from a user gesture. Resolves with the resulting status. */
  unlock(): Promise<AudioStatus>;
  play(target: PlaybackTarget, options?: PlayOptions): Promise<void>;
  stop(): void;
  isPlaying(): boolean;
  setMetronome(on: boolean): void;
  /** Position of the playhead now; read it on animation frames, never through React state. */
  playhead(): PlayheadPosition;
  /** Plays a single note at once (grid clicks, MIDI keyboard). */
  previewNote(pitch: number, velocity?: number): void;
  onAudioStatus(listener: (s: AudioStatus) => void): () => void;
  onInstrumentStatus(listener: (s: InstrumentStatus) => void): () => void;
  /**
   * Told true when playback starts and false when it stops, including when a song target reaches its end
   * by itself (the store's transport mirrors this). Optional so wrappers may leave it out.
   */
  onPlayingChange?(listener: (playing: boolean) => void): () => void;
  /**
   * Every planned look-ahead window, as the engine plays it: the one schedule other real-time outputs (MIDI
   * out, the recording count-in) follow, so they keep no clock of their own.
   */
  onPlan(listener: (window: PlannedWindow) => void): () => void;
  /**
   * Peak level (0..1) leaving the speakers over the last ~40 ms, read from an AnalyserNode on the master
   * output: for a level meter, and for end-to-end tests that check sound is really coming out.
   */
  outputLevel?(): number;
  dispose(): void;
}

/** Where the engine reads the song from; the composition root passes `() => store.getState().song`. */
export type SongSource = () => Song;
