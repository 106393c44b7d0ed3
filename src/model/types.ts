import type { ChordEvent, MidiPitch, Note, Steps } from '../core/types';

/**
 * The contract between the model room and everything else. The store and UI depend on `ModelClient`
 * only, so tests hand them a fake; `createModelClient()` in client.ts is the worker-backed one.
 * Every value here is plain data that survives `postMessage`.
 */

/** What a loaded checkpoint can do. `chord` models need chords in every request. */
export interface ModelInfo {
  /** The absolute checkpoint URL it was loaded from. */
  url: string;
  kind: 'melody' | 'chord';
  /** Inclusive pitch range of the model (MelodyConverter minPitch..maxPitch). */
  range: { min: MidiPitch; max: MidiPitch };
  /** Number of event classes (pitches + no-event + note-off). */
  depth: number;
  /** Units of each LSTM layer, input side first. */
  layers: number[];
  chordEncoder?: ChordEncoderType;
  /** Bits of the BinaryCounter auxiliary input, when the checkpoint has one. */
  auxBits?: number;
  /** tfjs backend the worker runs on: 'wasm', 'webgl' or 'cpu'. */
  backend: string;
  /** Milliseconds from the load request to a usable model. */
  loadMs: number;
}

export type ChordEncoderType = 'PitchChordEncoder' | 'MajorMinorChordEncoder' | 'TriadChordEncoder';

export interface LoadProgress {
  stage: 'backend' | 'config' | 'weights' | 'ready';
  /** 0..1 over the whole load. */
  fraction: number;
  message: string;
}

/** What made a model request fail, so the UI can say it in plain words. */
export type ModelErrorCause =
  | 'missing-file' // config.json, weights_manifest.json or a weights file is not there (HTTP 404, network)
  | 'bad-format' // a file is there but is not what a MusicRNN checkpoint holds
  | 'wrong-type' // a valid checkpoint of another kind (MusicVAE, drums, attention...)
  | 'not-loaded' // propose before a successful load
  | 'bad-request' // the request cannot be honoured (chords missing, pitch outside the model...)
  | 'cancelled'
  | 'internal';

export class ModelError extends Error {
  constructor(
    message: string,
    readonly cause: ModelErrorCause,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** The context the model hears before the candidate; it is not part of the result. */
export interface Primer {
  notes: Note[];
  /** Length of the primer in steps (notes are relative to its start). At least 1. */
  steps: Steps;
  /** Chords under the primer, for chord models (relative to the primer's start). */
  chords?: ChordEvent[];
}

/**
 * A request for candidates. Every step count is relative to the candidate's first step.
 * To prime with "the phrase's own first notes", pass them as `lockedNotes`: they are kept and heard.
 * To mutate a candidate, lock the notes to keep and let the model write the rest.
 */
export interface ProposalRequest {
  /** 1..8 candidates, generated together in one batch. */
  candidates: number;
  /** Length of each candidate (bars x steps per bar). */
  steps: Steps;
  /** Context before the candidate; null or omitted = one silent step (Magenta cannot start from nothing). */
  primer?: Primer | null;
  /** Softmax temperature; 0 = always the most likely event (Magenta's behaviour without a temperature). */
  temperature: number;
  /** Seed of the random draws: the same request with the same seed gives the same candidates. */
  seed: number;
  /** Allowed pitch classes (0..11, C = 0) for new notes; omitted = all twelve. */
  scalePitchClasses?: readonly number[];
  /** Inclusive pitch range for new notes; intersected with the model's range. */
  range?: { min: MidiPitch; max: MidiPitch };
  /** Notes that come back exactly as given; the model hears them and writes around them. */
  lockedNotes?: Note[];
  /** Chords of the candidate (required by chord models, refused by melody models). */
  chords?: ChordEvent[];
  /** Velocity of the notes the model writes. Default 96. */
  velocity?: number;
  /** Return each step's probabilities (for the teaching heat map). Default true. */
  returnProbabilities?: boolean;
  /**
   * The candidate starts with a note on its first step (unless a locked note is there). Without a primer the
   * shipped models mostly open with a pickup, a bar of near silence; a musician asking for a phrase "from
   * nothing" expects it to begin on the downbeat.
   */
  startWithNote?: boolean;
}

/**
 * The distribution each step was drawn from, after temperature and constraints:
 * `values[step * depth + event]`, event 0 = no event, 1 = note off, 2 + (pitch - minPitch) = note on.
 */
export interface StepProbabilities {
  minPitch: MidiPitch;
  depth: number;
  steps: Steps;
  values: Float32Array;
}

export interface Candidate {
  /** Monophonic notes, sorted by start, locked notes included unchanged. */
  notes: Note[];
  /** The raw events the model produced (one per step), for tests and the teaching view. */
  events: Int32Array;
  probabilities?: StepProbabilities;
}

export interface ProposalResult {
  candidates: Candidate[];
  /** The request as honoured (after defaults), so a phrase's history can record it. */
  request: ProposalRequest;
  /** Milliseconds the worker spent generating (excludes messaging). */
  generateMs: number;
}

/** A request the caller can still cancel. Cancelling rejects `result` with a ModelError('cancelled'). */
export interface PendingProposal {
  result: Promise<ProposalResult>;
  cancel(): void;
}

export type ModelStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; url: string; progress: LoadProgress }
  | { kind: 'ready'; info: ModelInfo }
  | { kind: 'failed'; url: string; message: string; cause: ModelErrorCause };

export interface ModelClient {
  /** Loads (or switches to) a checkpoint; resolves when it is usable. Relative URLs resolve against the page. */
  load(checkpointUrl: string): Promise<ModelInfo>;
  /** Generates candidates with the loaded model. */
  propose(request: ProposalRequest): PendingProposal;
  status(): ModelStatus;
  /** Called on every status change (loading progress included); returns an unsubscribe function. */
  onStatus(listener: (status: ModelStatus) => void): () => void;
  /** Stops the worker; pending requests reject. */
  dispose(): void;
}
