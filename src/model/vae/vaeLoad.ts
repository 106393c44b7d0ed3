import type * as tf from '@tensorflow/tfjs';
import { ModelError } from '../types';
import { VaeCodec, vaeWeightsFrom } from './vaeCodec';

/**
 * Loading a MusicVAE checkpoint in the worker: config.json is read and checked here (a melody VAE with a
 * MelodyConverter of fixed length), then Magenta's own `MusicVAE` loads the weights, and the codec runs on
 * the variables it loaded. The class is passed in (the worker imports Magenta's browser build lazily, Node
 * tests the node build).
 */

/** The parts of mm.MusicVAE this room uses. */
export interface MusicVaeLike {
  initialize(): Promise<void>;
  dispose(): void;
}
export type MusicVaeConstructor = new (checkpointUrl: string, spec?: never) => MusicVaeLike;

export interface LoadedVae {
  url: string;
  minPitch: number;
  maxPitch: number;
  codec: VaeCodec;
  dispose(): void;
}

/** Reads a MusicVAE melody config; throws ModelError naming what is wrong. */
export function parseVaeConfig(json: unknown): { minPitch: number; maxPitch: number; numSteps: number } {
  const c = json as { type?: unknown; dataConverter?: { type?: unknown; args?: Record<string, unknown> } } | null;
  if (!c || typeof c !== 'object') throw new ModelError('config.json is not an object', 'bad-format');
  if (c.type !== 'MusicVAE')
    throw new ModelError(`config.json says type "${String(c.type)}", not "MusicVAE"`, 'wrong-type');
  const args = c.dataConverter?.args ?? {};
  if (c.dataConverter?.type !== 'MelodyConverter') {
    throw new ModelError(
      `This MusicVAE reads ${String(c.dataConverter?.type)}, not melodies (MelodyConverter)`,
      'wrong-type',
    );
  }
  const { minPitch, maxPitch, numSteps } = args as { minPitch?: unknown; maxPitch?: unknown; numSteps?: unknown };
  if (![minPitch, maxPitch, numSteps].every((v) => Number.isInteger(v))) {
    throw new ModelError('The MelodyConverter needs whole numbers minPitch, maxPitch and numSteps', 'bad-format');
  }
  return { minPitch: minPitch as number, maxPitch: maxPitch as number, numSteps: numSteps as number };
}

export interface VaeLoadDependencies {
  fetch: typeof fetch;
  /** Gives Magenta's MusicVAE class (the worker imports it on first use). */
  MusicVAE: () => Promise<MusicVaeConstructor>;
}

/** Loads a melody MusicVAE from an absolute URL; throws ModelError. */
export async function loadMusicVae(checkpointUrl: string, deps: VaeLoadDependencies): Promise<LoadedVae> {
  const url = checkpointUrl.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await deps.fetch(`${url}/config.json`);
  } catch (error) {
    throw new ModelError(`Could not fetch config.json from ${url}: ${(error as Error).message}`, 'missing-file');
  }
  if (!response.ok || /text\/html/.test(response.headers.get('content-type') ?? '')) {
    throw new ModelError(`config.json not found at ${url} (HTTP ${response.status})`, 'missing-file');
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ModelError(`config.json at ${url} is not JSON`, 'bad-format');
  }
  const config = parseVaeConfig(json);
  const Ctor = await deps.MusicVAE();
  const vae = new Ctor(url, json as never);
  try {
    await vae.initialize();
  } catch (error) {
    vae.dispose();
    throw new ModelError(
      `Weights of ${url} could not be loaded: ${(error as Error).message ?? String(error)}`,
      'bad-format',
    );
  }
  let codec: VaeCodec;
  try {
    // Magenta keeps the variables it loaded in `rawVars` (private in its typings, stable since 1.0).
    codec = new VaeCodec(
      vaeWeightsFrom((vae as unknown as { rawVars: Record<string, tf.Tensor> }).rawVars),
      config.numSteps,
    );
  } catch (error) {
    vae.dispose();
    throw error;
  }
  if (codec.depth !== config.maxPitch - config.minPitch + 3) {
    codec.dispose();
    vae.dispose();
    throw new ModelError(
      `The decoder writes ${codec.depth} classes, the MelodyConverter needs ${config.maxPitch - config.minPitch + 3}`,
      'bad-format',
    );
  }
  return {
    url,
    minPitch: config.minPitch,
    maxPitch: config.maxPitch,
    codec,
    dispose: () => {
      codec.dispose();
      vae.dispose();
    },
  };
}
