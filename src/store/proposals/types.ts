import type { CheckpointEntry } from '../../core/checkpointIndex';
import type { ChordEvent, IdeaKind, Note, OriginKind, Steps } from '../../core/types';
import type { FillFit, ModelClient, ModelStatus, ProposalRequest, StepProbabilities } from '../../model/types';
import type { StepSpan } from '../types';
import type { SureLabel } from './sureness';

/** How candidates are listed: in the order made, or by how sure the model is of them. */
export type CandidateOrder = 'made' | 'safest' | 'adventurous';

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
  /**
   * A checkpoint URL the musician typed ("Other checkpoint URL…"); it overrides the song's style. Empty:
   * the style's models are used (styles.ts).
   */
  checkpointUrl: string;
  /** Draw the previewed candidate's probabilities on the grid under its ghost notes. */
  heatMap: boolean;
  /** Fill: continuations sampled per candidate shown, 1..8 (the spans most likely given both sides are kept). */
  fillOversample: number;
  /** A candidate that ends the phrase ends on a chord tone held to the bar line (the tonic at the song's end). */
  endOnCadence: boolean;
  /** Suggest chords: one chord per bar or per half bar. */
  chordsPer: 'bar' | 'halfBar';
  /** Suggest chords for the current phrase or every phrase of the song. */
  harmonizeScope: 'phrase' | 'song';
  candidateOrder: CandidateOrder;
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
  /** Which kind of idea it is, for the song's taken-ideas counts. */
  idea: Exclude<IdeaKind, 'chords'>;
  /** How sure the model is of it: mean log-probability per step (see Candidate.meanLogProb), when known. */
  meanLogProb?: number;
  /** Where that falls among its batch, in plain words. */
  sureLabel?: SureLabel;
  /** Fills: how well it leads into what follows, against a plain continuation. */
  fit?: FillFit;
}

/** A suggested chord for one slot: the chosen one (the best at first) and the next best two. */
export interface ChordSlotSuggestion {
  start: Steps;
  chosen: string;
  best: string;
  alternatives: string[];
}

/** The last "Suggest chords": a progression per phrase, not yet written into the song. */
export interface HarmonySuggestion {
  phrases: Array<{ phraseId: string; slotSteps: Steps; slots: ChordSlotSuggestion[] }>;
  /** False when the key's scale fell back to chromatic triads. */
  covered: boolean;
  usedPrior: boolean;
  /** The musician played it at least once (counted once). */
  auditioned: boolean;
}

export type ProposalActivity = { kind: 'idle' } | { kind: 'loading' } | { kind: 'generating'; candidates: number };

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
  /** Milliseconds the last fill and the last Suggest chords took from request to store. */
  lastFillMs?: number;
  lastHarmonizeMs?: number;
  /** Chords suggested and not yet accepted or discarded. */
  harmony: HarmonySuggestion | null;
  /** Candidates already counted as auditioned (each counts once). */
  auditionedIds: string[];
}

export type AcceptMode = 'replace' | 'append';

/**
 * What Accept did. A candidate that would replace notes the musician wrote is not accepted unless asked
 * with `overwrite`; the reason says which notes, so the UI can ask first.
 */
export type AcceptResult = { ok: true } | { ok: false; reason: string; overwrites?: number };

export interface ProposalActions {
  setProposalSettings(patch: Partial<ProposalSettings>): void;
  /**
   * Sets the song's style (undoable, saved with the song) and drops a typed checkpoint URL, so the style's
   * models write from the next Propose; refused when the index offers no such style.
   */
  setStyle(style: string): { ok: true } | { ok: false; reason: string };
  /** Fetches public/checkpoints/index.json into `proposals.checkpoints` and `vaeCheckpoint` (an absent index is an empty list). */
  loadCheckpointIndex(): Promise<void>;
  /** Loads a checkpoint (default: the one Propose would use now); failures become an alert, the sequencer works on. */
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
  /**
   * Candidates for `span` (default: the workspace selection) of the current phrase that lead into the notes
   * after it; like proposed ones, each covers the span only. Nothing after the span: plain continuations, and
   * a notice says so. No selection: an alert says to select steps first.
   */
  fillSelection(span?: StepSpan): Promise<void>;
  /** Suggests chords (per the settings: per bar or half bar, this phrase or the song) for `span` or whole phrases. */
  suggestChords(span?: StepSpan): Promise<void>;
  /** Picks another chord for one slot of the suggestion (not yet written). */
  chooseSuggestedChord(phraseId: string, start: Steps, symbol: string): void;
  /** Writes the suggested chords into the song as one undo step. */
  acceptSuggestedChords(): void;
  discardSuggestedChords(): void;
  /** Plays the current phrase over the suggested chords; again stops. */
  auditionSuggestedChords(): Promise<void>;
  /** Candidates from the chord model over the current phrase's chords. */
  melodyForChords(): Promise<void>;
  /** Why "Suggest chords" cannot run on the current phrase now, or null when it can. */
  harmonizeBlockedReason(): string | null;
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
