import type { ChordPrior } from '../core/harmony/chordPrior';
import type { LoadedMelodyRnn } from './checkpoint';
import { fillCandidates } from './fill';
import { harmonizeMelody } from './harmonize';
import { proposeCandidates } from './propose';
import { resultTransferables, type FromWorker, type MessagePortLike, type ToWorker } from './protocol';
import { RnnRunner } from './rnnRunner';
import { BatchSampler } from './sampler';
import { scoreNotes } from './scoreNotes';
import { ModelError, type LoadProgress, type ModelErrorCause, type ModelInfo } from './types';
import { createVaeHost } from './vae/vaeHost';
import type { LoadedVae } from './vae/vaeLoad';

/**
 * Throw-away proposals after a load (see warmUp): the batch sizes and primers the app asks for (8 and 4
 * candidates, a one-candidate Mutate, a phrase heard before the span), so none of them runs cold.
 */
const WARM_UP_SHAPES = [
  { candidates: 8, primerSteps: 0 },
  { candidates: 8, primerSteps: 0 },
  { candidates: 4, primerSteps: 32 },
  { candidates: 1, primerSteps: 32 },
  { candidates: 4, primerSteps: 0 },
  { candidates: 1, primerSteps: 0 },
];

/**
 * The worker side of the protocol, written against a port so Node tests can drive it in-process with the
 * real tfjs: requests run one at a time in arrival order; `cancel` drops a request that has not started
 * (a proposal takes tens of milliseconds, so one that has started just finishes and is ignored).
 */

export interface HostDependencies {
  /** Picks and initialises the tfjs backend once; returns its name. */
  prepareBackend(): Promise<string>;
  load(checkpointUrl: string, onProgress: (progress: LoadProgress) => void): Promise<LoadedMelodyRnn>;
  memory(): { numTensors: number; numBytes: number };
  /** Reads a chord model's chord_prior.json (null when it has none); without it the chord search uses the model alone. */
  loadChordPrior?(checkpointUrl: string): Promise<ChordPrior | null>;
  now?: () => number;
  /** Loads the MusicVAE for Similar and Interpolate (vae/vaeHost.ts). */
  loadVae?: (checkpointUrl: string, onProgress: (progress: LoadProgress) => void) => Promise<LoadedVae>;
}

/** A loaded checkpoint with what runs it. */
interface ServedModel {
  loaded: LoadedMelodyRnn;
  sampler: BatchSampler;
  runner: RnnRunner;
}

/** Models a request names by URL besides the one loaded last (the chord model of "Suggest chords"), kept loaded. */
const MAX_EXTRA_MODELS = 2;

function describe(error: unknown): { message: string; cause: ModelErrorCause } {
  if (error instanceof ModelError) return { message: error.message, cause: error.cause };
  return { message: error instanceof Error ? error.message : String(error), cause: 'internal' };
}

/** Serves model requests arriving on `port`; returns a function that stops listening and frees the model. */
export function startModelHost(port: MessagePortLike<FromWorker, ToWorker>, deps: HostDependencies): () => void {
  const now = deps.now ?? (() => performance.now());
  const cancelled = new Set<number>();
  let backend: Promise<string> | null = null;
  let model: ServedModel | null = null;
  const extra = new Map<string, Promise<ServedModel>>();
  const priors = new Map<string, Promise<ChordPrior | null>>();
  let queue: Promise<void> = Promise.resolve();

  const post = (message: FromWorker, transfer?: Transferable[]) => port.postMessage(message, transfer);
  const vae = createVaeHost({ prepareBackend: () => (backend ??= deps.prepareBackend()), load: deps.loadVae, now });

  const release = (served: ServedModel) => {
    served.sampler.dispose();
    served.runner.dispose();
    served.loaded.dispose();
  };

  const unload = () => {
    if (model) release(model);
    model = null;
  };

  const serve = (loaded: LoadedMelodyRnn): ServedModel => ({
    loaded,
    sampler: new BatchSampler(loaded.weights),
    runner: new RnnRunner(loaded.weights),
  });

  const requireModel = () => {
    if (!model) throw new ModelError('No model is loaded: load a checkpoint first', 'not-loaded');
    return model;
  };

  /** The model a request names (loaded on first use, kept), or the one loaded last. */
  async function modelFor(url: string | undefined): Promise<ServedModel> {
    const wanted = url?.replace(/\/+$/, '');
    if (!wanted || wanted === model?.loaded.url) return requireModel();
    let found = extra.get(wanted);
    if (!found) {
      backend ??= deps.prepareBackend();
      await backend;
      found = deps.load(wanted, () => {}).then(serve);
      found.catch(() => extra.delete(wanted));
      extra.set(wanted, found);
      while (extra.size > MAX_EXTRA_MODELS) {
        const [oldest, dropped] = extra.entries().next().value!;
        extra.delete(oldest);
        void dropped.then(release, () => {});
      }
    }
    return found;
  }

  function priorFor(url: string): Promise<ChordPrior | null> {
    let found = priors.get(url);
    if (!found) {
      found = (deps.loadChordPrior?.(url) ?? Promise.resolve(null)).catch(() => null);
      priors.set(url, found);
    }
    return found;
  }

  /**
   * A few throw-away proposals right after loading, so the JavaScript engine has compiled the sampler's hot
   * loops before the musician's first Propose: measured here, cold proposals took 50-70 ms and warm ones
   * 20-30 ms (8 candidates x 2 bars), and the first one-candidate Mutate after a load 270 ms against 50 ms
   * once warm. A few tenths of a second, inside the load the musician already waits for.
   */
  function warmUp(loaded: LoadedMelodyRnn, sampler: BatchSampler): void {
    const chords = loaded.spec.chordEncoder ? [{ start: 0, symbol: 'C' }] : undefined;
    const note = (pitch: number, start: number) => ({ pitch, start, length: 2, velocity: 96 });
    WARM_UP_SHAPES.forEach(({ candidates, primerSteps }, i) => {
      const primer = primerSteps
        ? { notes: [note(64, 0), note(67, 4), note(72, 8)], steps: primerSteps, chords }
        : null;
      proposeCandidates(
        loaded,
        sampler,
        { candidates, steps: 32, temperature: 1, seed: i + 1, chords, primer, startWithNote: !primer },
        now,
      );
    });
  }

  async function handle(message: ToWorker): Promise<void> {
    switch (message.type) {
      case 'load': {
        const started = now();
        const progress = (p: LoadProgress) => post({ type: 'progress', id: message.id, progress: p });
        progress({ stage: 'backend', fraction: 0, message: 'Starting the model engine' });
        backend ??= deps.prepareBackend();
        const backendName = await backend;
        unload(); // a failed load leaves no model rather than a stale one
        const loaded = await deps.load(message.checkpointUrl, progress);
        model = serve(loaded);
        progress({ stage: 'ready', fraction: 0.99, message: 'Warming up' });
        warmUp(loaded, model.sampler);
        const { spec } = loaded;
        const info: ModelInfo = {
          url: loaded.url,
          kind: spec.chordEncoder ? 'chord' : 'melody',
          range: { min: spec.minPitch, max: spec.maxPitch },
          depth: spec.depth,
          layers: spec.layers,
          chordEncoder: spec.chordEncoder,
          auxBits: spec.auxBits || undefined,
          backend: backendName,
          loadMs: now() - started,
        };
        post({ type: 'loaded', id: message.id, info });
        return;
      }
      case 'propose': {
        const { loaded, sampler } = await modelFor(message.request.checkpointUrl);
        const result = proposeCandidates(loaded, sampler, message.request, now);
        post({ type: 'candidates', id: message.id, result }, resultTransferables(result));
        return;
      }
      case 'fill': {
        const { loaded, sampler, runner } = await modelFor(message.request.checkpointUrl);
        const result = fillCandidates(loaded, sampler, runner, message.request, now);
        post({ type: 'filled', id: message.id, result }, resultTransferables(result));
        return;
      }
      case 'harmonize': {
        const { loaded, runner } = await modelFor(message.request.checkpointUrl);
        const prior = await priorFor(loaded.url);
        post({
          type: 'harmonized',
          id: message.id,
          result: harmonizeMelody(runner, loaded.spec, prior, message.request, now),
        });
        return;
      }
      case 'score': {
        const { loaded, runner } = await modelFor(message.request.checkpointUrl);
        post({ type: 'scored', id: message.id, result: scoreNotes(runner, loaded.spec, message.request) });
        return;
      }
      case 'memory':
        post({ type: 'memory', id: message.id, ...deps.memory() });
        return;
      case 'cancel':
        return;
      case 'vae-load':
      case 'vae':
        return vae.handle(message, post);
    }
  }

  const onMessage = (event: MessageEvent<ToWorker>) => {
    const message = event.data;
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    queue = queue.then(async () => {
      if (cancelled.delete(message.id)) {
        post({ type: 'error', id: message.id, message: 'Cancelled', cause: 'cancelled' });
        return;
      }
      try {
        await handle(message);
      } catch (error) {
        post({ type: 'error', id: message.id, ...describe(error) });
      }
    });
  };

  port.addEventListener('message', onMessage);
  return () => {
    port.removeEventListener('message', onMessage);
    unload();
    for (const m of extra.values()) void m.then(release, () => {});
    extra.clear();
    vae.dispose();
  };
}
