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
  /** How the candidate ends: no lone note on its last step, and optionally a cadence (see endingPlan.ts). */
  ending?: CandidateEnding;
  /** The checkpoint to write with, when not the one loaded last (e.g. the chord model for "Melody for these chords"). */
  checkpointUrl?: string;
}

/**
 * Ending rules. Left to itself a model trained on whole tunes ends a phrase mid-flow, often with the next
 * phrase's pickup on the very last step; phrases in the corpus end on a held note.
 */
export interface CandidateEnding {
  /** No note may start on the candidate's last step (a lone sixteenth there sounds like a cut-off pickup). */
  noLastStepOnset?: boolean;
  /** The last note starts at `start` (relative to the candidate) on one of `pitchClasses` and is held to the end. */
  cadence?: { start: Steps; pitchClasses: number[] };
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
  /**
   * How sure the model is of it: the mean, over the candidate's steps, of the model's own log-probability
   * (temperature 1, no constraints) of each event given everything before it. Closer to 0 = more expected.
   */
  meanLogProb?: number;
  /** Fills only: how well it leads into the fixed notes after the span (see FillFit). */
  fit?: FillFit;
}

/** How well a fill leads into what follows: the model's log-probability of the notes after the span. */
export interface FillFit {
  /** Mean per step of log p(the fixed events after the span | context, this fill). */
  perStep: number;
  /** The same for a plain continuation: the mean over every continuation sampled for this request. */
  plainPerStep: number;
}

/**
 * A request to fill a span so that it leads into what follows: the span is the candidate (steps from its
 * start), `primer` holds everything before it, and `after` the fixed notes after it.
 */
export interface FillRequest extends ProposalRequest {
  /** The fixed notes after the span (relative to its end; up to two bars) and their chords; null: nothing follows. */
  after: { notes: Note[]; steps: Steps; chords?: ChordEvent[] } | null;
  /** Continuations sampled per candidate kept, 1..8 (the batch is at most MAX_FILL_BATCH). */
  oversample: number;
  /** 'best': the distinct spans most likely given both sides (span and what follows); 'resample': drawn in proportion to the lead-in's likelihood. Default 'best'. */
  selection?: 'best' | 'resample';
}

export interface FillResult extends ProposalResult {
  /** True when nothing followed the span, so the candidates are plain continuations. */
  plain: boolean;
  /** How many continuations were sampled and scored. */
  sampled: number;
}

/** A request for chords under a melody (see harmonize.ts). */
export interface HarmonizeRequest {
  /** The melody, relative to the first slot's start. */
  notes: Note[];
  /** Steps to harmonize; one chord per `slotSteps` (a bar or half a bar). */
  steps: Steps;
  slotSteps: Steps;
  /** Steps per bar: the melody is heard after one silent bar. */
  barSteps: Steps;
  /** Chord symbols to choose from (core/harmony/chordVocabulary.ts). */
  vocabulary: string[];
  /** Pitch class of the key's tonic and its family, for the prior's scale degrees. */
  tonic: number;
  family: 'major' | 'minor';
  /** The melody ends the song: the prior's "tunes end on this chord" counts too. */
  endsSong?: boolean;
  /** Partial progressions kept after each slot (default 4). */
  beamWidth?: number;
  /** Chords tried after each beam at a slot, the prior's likeliest (default DEFAULT_CHORDS_PER_BEAM). */
  chordsPerBeam?: number;
  /** Weight of the transition prior against the model's log-likelihood (default 1). */
  priorWeight?: number;
  /** One chord per bar: choose it for the whole bar instead of as the downbeat chord of a half-bar search. */
  wholeBars?: boolean;
  /** Weight of the chord-tone table per sounding step (default DEFAULT_TONE_WEIGHT; 0: model and prior only). */
  toneWeight?: number;
  /** The chord model to use (loaded on first use); default the loaded model. */
  checkpointUrl?: string;
}

export interface HarmonizeResult {
  /** One per slot, in order: the best progression's chord and the next best two for that slot. */
  slots: Array<{ start: Steps; best: string; alternatives: string[] }>;
  /** log p(melody | best progression) under the model, and the progression's log prior. */
  modelLogProb: number;
  priorLogProb: number;
  /** False when the checkpoint has no chord_prior.json (the model alone chose). */
  usedPrior: boolean;
  generateMs: number;
}

/** A request for how sure the model is of given notes (a candidate made without the model, e.g. inverted). */
export interface ScoreRequest {
  notes: Note[];
  steps: Steps;
  /** The context the notes follow, as in a ProposalRequest (null: one silent step). */
  primer?: Primer | null;
  /** Chords under the notes (chord models; ignored by melody models). */
  chords?: ChordEvent[];
  checkpointUrl?: string;
}

export interface ScoreResult {
  /** Mean per step of the model's log-probability of each event (as Candidate.meanLogProb). */
  meanLogProb: number;
}

export interface ProposalResult {
  candidates: Candidate[];
  /** The request as honoured (after defaults), so a phrase's history can record it. */
  request: ProposalRequest;
  /** Milliseconds the worker spent generating (excludes messaging). */
  generateMs: number;
}

/** A request the caller can still cancel. Cancelling rejects `result` with a ModelError('cancelled'). */
export interface Pending<T> {
  result: Promise<T>;
  cancel(): void;
}

export type PendingProposal = Pending<ProposalResult>;

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
  /** Fills a span so it leads into the notes after it. */
  fill(request: FillRequest): Pending<FillResult>;
  /** Finds chords for a melody with a chord model. */
  harmonize(request: HarmonizeRequest): Pending<HarmonizeResult>;
  /** How sure the model is of given notes. */
  score(request: ScoreRequest): Pending<ScoreResult>;
  status(): ModelStatus;
  /** Called on every status change (loading progress included); returns an unsubscribe function. */
  onStatus(listener: (status: ModelStatus) => void): () => void;
  /** Stops the worker; pending requests reject. */
  dispose(): void;
}
