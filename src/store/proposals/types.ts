import type { ChordEvent, Note, OriginKind } from '../../core/types';
import type { ModelClient, ModelStatus, ProposalRequest, StepProbabilities } from '../../model/types';
import type { StepSpan } from '../types';

/**
 * The proposals slice: what the musician asked the model for, the candidates it offered, and the model's
 * status. Candidates live outside the song (they are not undoable and not saved); only an accepted
 * candidate becomes part of the song, with its origin recorded in the phrase's history.
 */

/**
 * What the model hears before the span it writes: the previous phrase of the song and this phrase's notes
 * before the span ('previous'), only this phrase's notes ('own'), or nothing ('none'). Where it writes does
 * not depend on this (see span.ts): the musician's notes are always kept.
 */
export type PrimerMode = 'previous' | 'own' | 'none';

/** How Mutate makes a new candidate from an old one. */
export type MutationKind =
  | 'resample' // the model rewrites a share of the steps, the rest locked
  | 'transpose-up' // one scale degree up
  | 'transpose-down'
  | 'invert'
  | 'retrograde'
  | 'shift' // rhythmic shift: one eighth later, wrapping around
  | 'octave-up'
  | 'octave-down';

export interface ProposalSettings {
  /** Softmax temperature, 0..2. */
  temperature: number;
  /** 1..8 candidates per Propose. */
  candidates: number;
  /** Length of each candidate, 1..4 bars. */
  bars: number;
  /** The seed of the next Propose. */
  seed: number;
  /** Keep the seed after a Propose (reproduce on purpose); otherwise a fresh one is drawn each time. */
  keepSeed: boolean;
  primer: PrimerMode;
  /** Only pitches of the song's key/scale. */
  scaleLock: boolean;
  mutation: MutationKind;
  /** Share of the steps a 'resample' mutation rewrites, 0.1..0.9. */
  mutateShare: number;
  /** The checkpoint to use: an index entry's path or any URL the musician typed. */
  checkpointUrl: string;
  /** Draw the previewed candidate's probabilities on the grid under its ghost notes. */
  heatMap: boolean;
}

/** One checkpoint public/checkpoints/index.json offers. */
export interface CheckpointEntry {
  id: string;
  name: string;
  /** A continuation model (melody, chord) or the MusicVAE of Similar and Interpolate ('vae'). */
  kind: 'melody' | 'chord' | 'vae';
  description?: string;
  /** Relative to the page, e.g. "checkpoints/melody-rnn-v2". */
  path: string;
}

export interface ProposalCandidate {
  id: string;
  /** 1-based number shown in the list ("Candidate 3"). */
  number: number;
  /** The phrase it was written for; accepting it writes there, and the grid shows it only over that phrase. */
  phraseId: string;
  /** The steps of that phrase it covers (and an Accept replaces); `notes` are relative to `span.start`. */
  span: StepSpan;
  notes: Note[];
  /** Bars the span covers (rounded up). */
  bars: number;
  /** 'proposed' by the model, or 'mutated' from another candidate. */
  kind: Extract<OriginKind, 'proposed' | 'mutated'>;
  /** What made it, in plain words ("proposal", "mutate 50%", "invert"). */
  action: string;
  modelId: string;
  temperature: number;
  seed: number;
  /** Notes that were locked when it was made (kept exactly); the mutation keeps them locked again. */
  lockedNotes: Note[];
  /** Chords it was made over (chord models), relative to its start. */
  chords?: ChordEvent[];
  /** The request's primer, so a resample mutation hears the same context. */
  primer: ProposalRequest['primer'];
  scaleLock: boolean;
  /** Per-step distributions, for the teaching heat map (absent for musical variations). */
  probabilities?: StepProbabilities;
  /** The candidate it was mutated from. */
  parentId?: string;
}

export type ProposalActivity =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'generating'; candidates: number };

export interface ProposalsState {
  settings: ProposalSettings;
  candidates: ProposalCandidate[];
  model: ModelStatus;
  /** Checkpoint id or URL of the loaded (or loading) model. */
  modelId: string | null;
  /** Continuation models the index offers (the picker's list); no MusicVAE among them. */
  checkpoints: CheckpointEntry[];
  /** The MusicVAE the index names for Similar and Interpolate (its path), or null (vaeStore's default). */
  vaeCheckpoint: string | null;
  activity: ProposalActivity;
  /** The candidate being heard in context, if any (PATH_AUDITION_ID: the interpolation path below). */
  auditioningId: string | null;
  /** The candidate drawn on the grid as ghost notes (the one Enter, Space, M and Delete act on), if any. */
  previewId: string | null;
  /** An interpolation path being auditioned (vaeActions.ts): A, the in-betweens and B as one phrase. */
  pathAudition?: { notes: Note[]; bars: number; chords?: undefined } | null;
  /** The candidate whose probabilities are drawn over the grid (teaching view). */
  teachingId: string | null;
  /** Milliseconds the last Propose took from request to candidates in the store. */
  lastProposeMs?: number;
}

export type AcceptMode = 'replace' | 'append';

/**
 * What Accept did. A candidate that would replace notes the musician wrote is not accepted unless asked
 * with `overwrite`; the reason says which notes, so the UI can ask first.
 */
export type AcceptResult = { ok: true } | { ok: false; reason: string; overwrites?: number };

export interface ProposalActions {
  setProposalSettings(patch: Partial<ProposalSettings>): void;
  /** Fetches public/checkpoints/index.json into `proposals.checkpoints` and `vaeCheckpoint` (an absent index is an empty list). */
  loadCheckpointIndex(): Promise<void>;
  /** Loads the chosen checkpoint (default: the settings' URL); failures become an alert, the sequencer works on. */
  loadModel(url?: string): Promise<boolean>;
  /**
   * Asks the model for candidates for the current phrase, written only where `proposalSpan` says (the
   * selection, else after the last written note); they replace the list and the first is previewed.
   */
  propose(): Promise<void>;
  /**
   * Puts the candidate into its phrase: 'replace' changes only the candidate's span, 'append' adds it after
   * the last written bar. Refused (with the count) when it would replace written notes, unless `overwrite`.
   */
  acceptCandidate(id: string, mode?: AcceptMode, options?: { overwrite?: boolean }): AcceptResult;
  /** Draws this candidate on the grid as ghost notes (null: none). */
  previewCandidate(id: string | null): void;
  /** Previews the next (+1) or previous (-1) candidate, wrapping around; from none, the first or last. */
  stepPreview(delta: 1 | -1): void;
  /** True when the candidate fits after the phrase's last written bar within 8 bars. */
  canAppend(id: string): boolean;
  /** A new candidate near this one (model resample or a musical variation, per the settings' mutation). */
  mutateCandidate(id: string): Promise<void>;
  discardCandidate(id: string): void;
  /** Plays the candidate in context (tempo, instrument, the phrase's chords); again stops it. */
  auditionCandidate(id: string): Promise<void>;
  /** Shows (or hides, with null) a candidate's probabilities over the grid. */
  setTeachingCandidate(id: string | null): void;
  /** Sets the chords of the current phrase (undoable; heard under it and given to chord models). */
  setPhraseChords(chords: ChordEvent[]): void;
  /** Brings back version `index` of the current phrase's history. */
  restorePhraseVersion(index: number): void;
}

/** What the proposals actions need beyond the store context. */
export interface ProposalDeps {
  /** The model client, made on first use (so the worker and tfjs load only when asked). */
  model?: ModelClient | (() => ModelClient);
  /** Fetches the checkpoint index; default `fetch`. */
  fetchIndex?: () => Promise<unknown>;
  /** 0..1 random numbers for fresh seeds; default Math.random. */
  random?: () => number;
  /** Milliseconds for timing figures; default performance.now. */
  clock?: () => number;
}
