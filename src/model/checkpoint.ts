import type * as tf from '@tensorflow/tfjs';
import {
  checkMelodyRnnWeights,
  parseMelodyRnnConfig,
  parseWeightsManifest,
  type MelodyRnnSpec,
} from './checkpointSpec';
import type { MelodyRnnWeights } from './sampler';
import { hasEveryVariable, weightsFromVariables } from './weightsFromVariables';
import { ModelError, type LoadProgress } from './types';

/**
 * Loading a checkpoint: config.json and weights_manifest.json are fetched and checked here first (so a
 * failure names its cause), then Magenta's own `MusicRNN` loads the weights, so whatever Magenta can
 * load, the sampler reads, and the same instance serves as the reference in the bench. The MusicRNN class
 * is passed in: the worker gives the browser build, Node tests give `@magenta/music/node/music_rnn.js`.
 */

/** The parts of mm.MusicRNN this room uses. */
export interface MusicRnnLike {
  initialize(): Promise<void>;
  dispose(): void;
  continueSequence(
    sequence: unknown,
    steps: number,
    temperature?: number,
    chordProgression?: string[],
  ): Promise<unknown>;
}
export type MusicRnnConstructor = new (checkpointUrl: string, spec?: never) => MusicRnnLike;

export interface LoadedMelodyRnn {
  url: string;
  spec: MelodyRnnSpec;
  weights: MelodyRnnWeights;
  /** The Magenta instance that owns the weight tensors. */
  rnn: MusicRnnLike;
  dispose(): void;
}

export interface LoadDependencies {
  fetch: typeof fetch;
  MusicRNN: MusicRnnConstructor;
  onProgress?: (progress: LoadProgress) => void;
  /** Reports download progress of the weight files while Magenta fetches them; returns a stop function. */
  trackDownload?: (urlPrefix: string, totalBytes: number, onFraction: (fraction: number) => void) => () => void;
}

async function fetchJson(fetchFn: typeof fetch, url: string, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new ModelError(`Could not fetch ${what} from ${url}: ${(error as Error).message}`, 'missing-file');
  }
  if (!response.ok) throw new ModelError(`${what} not found at ${url} (HTTP ${response.status})`, 'missing-file');
  // Single-page-app servers answer unknown paths with their index.html: that is a missing file, not a bad one.
  if (/text\/html/.test(response.headers.get('content-type') ?? '')) {
    throw new ModelError(`${what} not found at ${url} (the server answered with a web page)`, 'missing-file');
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelError(`${what} at ${url} is not JSON: not a Magenta checkpoint`, 'bad-format');
  }
}

interface WeightGroup {
  paths: string[];
  weights: Array<{ shape: number[]; quantization?: { dtype?: string } }>;
}

function weightBytes(w: { shape: number[]; quantization?: { dtype?: string } }): number {
  const q = w.quantization?.dtype;
  const bytesPerValue = q === 'uint8' ? 1 : q === 'uint16' || q === 'float16' ? 2 : 4;
  return bytesPerValue * w.shape.reduce((a, b) => a * b, 1);
}

/**
 * Asks for each weight file's headers before Magenta downloads it: tfjs does not check the HTTP status of
 * weight files, so a 404 page (or a single-page app's index.html) would otherwise surface as a baffling
 * "byte length should be a multiple of 4". Hosts that refuse HEAD are left to Magenta.
 */
async function checkWeightFiles(fetchFn: typeof fetch, url: string, groups: WeightGroup[]): Promise<void> {
  for (const group of groups) {
    const expected = group.weights.reduce((sum, w) => sum + weightBytes(w), 0);
    const sizes: number[] = [];
    for (const path of group.paths) {
      const fileUrl = `${url}/${path}`;
      let response: Response;
      try {
        response = await fetchFn(fileUrl, { method: 'HEAD' });
      } catch {
        return;
      }
      if (
        response.status === 404 ||
        response.status === 410 ||
        /text\/html/.test(response.headers.get('content-type') ?? '')
      ) {
        throw new ModelError(`Weights file ${path} not found at ${fileUrl} (HTTP ${response.status})`, 'missing-file');
      }
      if (!response.ok) return;
      // A compressed response's length is not the weights' length: only plain responses are measured.
      const plain = !response.headers.get('content-encoding');
      sizes.push(plain ? Number(response.headers.get('content-length') ?? NaN) : NaN);
    }
    const total = sizes.reduce((a, b) => a + b, 0);
    if (Number.isFinite(total) && total !== expected) {
      throw new ModelError(
        `Weights files ${group.paths.join(', ')} hold ${total} bytes but the manifest describes ${expected}`,
        'bad-format',
      );
    }
  }
}

/** Loads a MusicRNN melody checkpoint from an absolute URL (no trailing slash needed); throws ModelError. */
export async function loadMelodyRnn(checkpointUrl: string, deps: LoadDependencies): Promise<LoadedMelodyRnn> {
  const url = checkpointUrl.replace(/\/+$/, '');
  const progress = (stage: LoadProgress['stage'], fraction: number, message: string) =>
    deps.onProgress?.({ stage, fraction, message });

  progress('config', 0.05, 'Reading the checkpoint configuration');
  const config = parseMelodyRnnConfig(await fetchJson(deps.fetch, `${url}/config.json`, 'config.json'));
  const manifestJson = await fetchJson(deps.fetch, `${url}/weights_manifest.json`, 'weights_manifest.json');
  const manifest = parseWeightsManifest(manifestJson);
  const layers = checkMelodyRnnWeights(config, manifest);
  const spec: MelodyRnnSpec = { ...config, layers };

  await checkWeightFiles(deps.fetch, url, manifestJson as WeightGroup[]);
  const totalBytes = manifest.reduce((sum, w) => sum + weightBytes(w), 0);
  progress('weights', 0.1, `Loading ${(totalBytes / 1e6).toFixed(1)} MB of weights`);
  const stopTracking = deps.trackDownload?.(`${url}/`, totalBytes, (f) =>
    progress('weights', 0.1 + 0.85 * Math.min(1, f), `Loading weights: ${Math.round(100 * Math.min(1, f))}%`),
  );
  const rnn = new deps.MusicRNN(url, config.config as never);
  try {
    await rnn.initialize();
  } catch (error) {
    rnn.dispose();
    const message = (error as Error).message ?? String(error);
    const missing = /404|status code|fetch|network/i.test(message);
    throw new ModelError(
      missing
        ? `Weights of ${url} could not be downloaded: ${message}`
        : `Weights of ${url} could not be read: ${message}`,
      missing ? 'missing-file' : 'bad-format',
    );
  } finally {
    stopTracking?.();
  }

  // Magenta keeps the variables it loaded in `rawVars` (private in its typings, stable since 1.0).
  const vars = (rnn as unknown as { rawVars: Record<string, tf.Tensor> }).rawVars;
  const weights = weightsFromVariables(vars, layers.length, spec.attentionLength);
  if (!hasEveryVariable(weights)) {
    rnn.dispose();
    throw new ModelError(`Magenta loaded ${url} but its variables are not a basic MusicRNN's`, 'wrong-type');
  }
  progress('ready', 1, 'Model ready');
  return { url, spec, weights, rnn, dispose: () => rnn.dispose() };
}
