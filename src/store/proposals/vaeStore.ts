import { createStore, type StoreApi } from 'zustand/vanilla';
import { newId as defaultNewId } from '../../core/id';
import type { Note } from '../../core/types';
import type { VaeClient, VaeInfo } from '../../model/vae/vaeTypes';
import type { AppActions, AppStore } from '../types';
import { createVaeActions } from './vaeActions';

/**
 * Similar, Interpolate and the latent map, on the MusicVAE. Kept in its own small store (like the MIDI
 * and assignment stores): what it holds (settings, the last interpolation, the map) is not song data.
 * What it makes goes into the app store through the usual doors: variations into the Proposals list
 * (accepted like any candidate, origin in the phrase's history), in-between phrases into the song as one
 * undoable change.
 */

/** The bundled MusicVAE, relative to the page, when the checkpoint index names none. */
export const VAE_CHECKPOINT_PATH = 'checkpoints/melody-vae-v4';

/** One end of an interpolation: a phrase of the song or a candidate of the Proposals list. */
export type EndRef = { kind: 'phrase'; id: string } | { kind: 'candidate'; id: string };

/** A phrase-length result of the model: notes and bars. */
export interface MadePhrase {
  notes: Note[];
  bars: number;
}

export interface Interpolation {
  from: EndRef;
  to: EndRef;
  /** "A", "candidate 3": how the ends are named in the view and in the origin. */
  fromName: string;
  toName: string;
  fromPhrase: MadePhrase;
  toPhrase: MadePhrase;
  inBetween: MadePhrase[];
}

export interface LatentMap {
  /** One dot per two-bar window of every phrase with notes. */
  dots: { phraseId: string; label: string; color: string; x: number; y: number }[];
  /** The windows' codes, in dot order (for proposing the phrase between two dots). */
  codes: Float32Array[];
  /** Share of the codes' variance the two axes show. */
  explained: [number, number];
}

export type VaeStatus =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; info: VaeInfo } | { kind: 'failed'; message: string };

export interface VaeState {
  status: VaeStatus;
  /** A request is running. */
  busy: boolean;
  /** Similar: 0 (anything) .. 1 (the phrase itself). */
  similarity: number;
  /** Similar: variations per request, 1..8. */
  count: number;
  /** Similar works on the current phrase ('phrase') or on a candidate (its id); the rail sets it to the previewed one. */
  similarSource: string;
  from: EndRef | null;
  to: EndRef | null;
  /** In-between phrases, 2..8. */
  steps: number;
  interpolation: Interpolation | null;
  latentMap: LatentMap | null;
  /** Milliseconds from request to store of the last Similar / Interpolate (for the bench). */
  lastMs: { similar?: number; interpolate?: number; load?: number };
}

export interface VaeActions {
  setSimilarity(value: number): void;
  setCount(value: number): void;
  /** 'phrase' (the current phrase, or its selected steps) or a candidate's id. */
  setSimilarSource(source: string): void;
  /** Variations of the current phrase or of the chosen candidate, into the Proposals list. */
  similar(): Promise<void>;
  setEnds(from: EndRef | null, to: EndRef | null): void;
  setSteps(value: number): void;
  /** Why Interpolate cannot run with the chosen ends, in plain words, or null. */
  interpolationProblem(): string | null;
  interpolate(): Promise<void>;
  /** Puts the in-between phrases into the song between the ends' sections (one undo step). */
  insertInterpolation(): boolean;
  /** Adds the in-between phrases to the Proposals list (when an end is a candidate). */
  addInterpolationToProposals(): void;
  /** Plays A, the in-betweens and B as one looping phrase; again stops. */
  auditionPath(): Promise<void>;
  /** Encodes every window of the song's phrases and lays the codes out in 2-D. */
  mapLatentSpace(): Promise<void>;
  /** Proposes the phrase at a point between the two nearest dots of the map. */
  proposeAt(x: number, y: number): Promise<void>;
  dispose(): void;
}

export type VaeStore = StoreApi<VaeState> & { actions: VaeActions };

export interface VaeDeps {
  app: { store: AppStore; actions: AppActions };
  /** The worker-backed client (or a test double); absent = an alert that the model is not available. */
  client?: VaeClient | (() => VaeClient);
  /** The MusicVAE's folder; default the index's MusicVAE (proposals.vaeCheckpoint), else VAE_CHECKPOINT_PATH. */
  checkpointPath?: string;
  now?: () => number;
  newId?: () => string;
  clock?: () => number;
  random?: () => number;
}

export const initialVaeState = (): VaeState => ({
  status: { kind: 'idle' },
  busy: false,
  similarity: 0.9,
  count: 4,
  similarSource: 'phrase',
  from: null,
  to: null,
  steps: 4,
  interpolation: null,
  latentMap: null,
  lastMs: {},
});

/** A VAE store over an app store. */
export function createVaeStore(deps: VaeDeps): VaeStore {
  const store = createStore<VaeState>()(initialVaeState);
  const actions = createVaeActions(store, {
    ...deps,
    now: deps.now ?? Date.now,
    newId: deps.newId ?? defaultNewId,
    clock: deps.clock ?? (() => performance.now()),
    random: deps.random ?? Math.random,
  });
  return Object.assign(store, { actions });
}
