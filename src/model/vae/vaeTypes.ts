import type { MidiPitch } from '../../core/types';
import type { LoadProgress, ModelErrorCause } from '../types';

/**
 * The MusicVAE's part of the worker protocol and the client interface the store uses for it. Sequences
 * cross as MelodyConverter classes (Int32Array of the model's numSteps), codes as Float32Arrays: plain data.
 */

export interface VaeInfo {
  url: string;
  range: { min: MidiPitch; max: MidiPitch };
  /** Steps per sequence (32 = two 4/4 bars). */
  numSteps: number;
  zSize: number;
  backend: string;
  loadMs: number;
}

/** Classes (index = MelodyConverter class) the decoder may write; omitted = all. */
export type AllowedClasses = readonly boolean[];

export type VaeRequest =
  /** `count` variations of a phrase: every window's code moved towards noise, decoded; phrases[i][w]. */
  | {
      kind: 'similar';
      windows: Int32Array[];
      count: number;
      similarity: number;
      seed: number;
      allowed?: AllowedClasses;
    }
  /** `count` in-between phrases, window by window on the straight line between the ends' codes; phrases[i][w]. */
  | { kind: 'interpolate'; from: Int32Array[]; to: Int32Array[]; count: number; allowed?: AllowedClasses }
  /** The codes (mu) of windows. */
  | { kind: 'encode'; windows: Int32Array[] }
  /** One window per code; phrases[i][0]. */
  | { kind: 'decode'; codes: Float32Array[]; allowed?: AllowedClasses };

export interface VaeResult {
  phrases?: Int32Array[][];
  codes?: Float32Array[];
  /** Milliseconds the worker spent (excludes messaging). */
  generateMs: number;
}

export type VaeToWorker =
  { type: 'vae-load'; id: number; checkpointUrl: string } | { type: 'vae'; id: number; request: VaeRequest };

export type VaeFromWorker =
  | { type: 'vae-progress'; id: number; progress: LoadProgress }
  | { type: 'vae-loaded'; id: number; info: VaeInfo }
  | { type: 'vae-result'; id: number; result: VaeResult };

/** What the store needs of the worker for Similar, Interpolate and the latent map. */
export interface VaeClient {
  /** Loads the MusicVAE (once; again after a failure). Relative URLs resolve against the page. */
  loadVae(checkpointUrl: string): Promise<VaeInfo>;
  runVae(request: VaeRequest): Promise<VaeResult>;
}

export type { ModelErrorCause };
