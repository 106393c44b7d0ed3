import {
  ModelError,
  type FillRequest,
  type FillResult,
  type HarmonizeRequest,
  type HarmonizeResult,
  type ModelClient,
  type ModelInfo,
  type ModelStatus,
  type ProposalRequest,
  type ProposalResult,
  type ScoreRequest,
} from '../../../src/model/types';
import type { Note } from '../../../src/core/types';

/**
 * A deterministic stand-in for the worker-backed model client: it writes one note per beat that no locked
 * note covers, its pitch picked from the allowed pitches by seed, candidate and step, and returns locked
 * notes unchanged. Enough to test what the store does with candidates; the real sampler has its own tests.
 */
export class FakeModelClient implements ModelClient {
  requests: ProposalRequest[] = [];
  fillRequests: FillRequest[] = [];
  harmonizeRequests: HarmonizeRequest[] = [];
  scoreRequests: ScoreRequest[] = [];
  /** Makes the next harmonize/fill/score request fail with this error. */
  failNext: ModelError | null = null;
  loads: string[] = [];
  /** URLs that fail to load, with the cause they fail with. */
  broken = new Map<string, ModelError>();
  kind: ModelInfo['kind'] = 'melody';
  /** Kinds of particular URLs (others load as `kind`). */
  kinds = new Map<string, ModelInfo['kind']>();
  private current: ModelStatus = { kind: 'idle' };
  private listeners = new Set<(s: ModelStatus) => void>();

  private set(status: ModelStatus) {
    this.current = status;
    this.listeners.forEach((l) => l(status));
  }

  async load(url: string): Promise<ModelInfo> {
    this.loads.push(url);
    this.set({ kind: 'loading', url, progress: { stage: 'weights', fraction: 0.5, message: 'Downloading weights' } });
    await Promise.resolve();
    const error = this.broken.get(url);
    if (error) {
      this.set({ kind: 'failed', url, message: error.message, cause: error.cause });
      throw error;
    }
    const info: ModelInfo = {
      url,
      kind: this.kinds.get(url) ?? this.kind,
      range: { min: 48, max: 83 },
      depth: 38,
      layers: [8],
      backend: 'fake',
      loadMs: 1,
    };
    this.set({ kind: 'ready', info });
    return info;
  }

  propose(request: ProposalRequest) {
    this.requests.push(request);
    const result: Promise<ProposalResult> = Promise.resolve().then(() => {
      if (this.current.kind !== 'ready') throw new ModelError('No model', 'not-loaded');
      const pcs = request.scalePitchClasses ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
      const lo = Math.max(48, request.range?.min ?? 48);
      const hi = Math.min(83, request.range?.max ?? 83);
      const allowed: number[] = [];
      for (let p = lo; p <= hi; p++) if (pcs.includes(p % 12)) allowed.push(p);
      const locked = request.lockedNotes ?? [];
      const covered = (step: number) => locked.some((n) => step >= n.start && step < n.start + n.length + 4);
      const candidates = Array.from({ length: request.candidates }, (_, b) => {
        const notes: Note[] = locked.map((n) => ({ ...n }));
        for (let step = 0; step < request.steps; step += 4) {
          if (covered(step) || locked.some((n) => n.start > step && n.start < step + 4)) continue;
          const pick = (request.seed * 31 + b * 7 + step * 3) % allowed.length;
          notes.push({ pitch: allowed[pick], start: step, length: Math.min(4, request.steps - step), velocity: 96 });
        }
        notes.sort((x, y) => x.start - y.start);
        return {
          notes,
          events: new Int32Array(request.steps),
          meanLogProb: -1 - 0.25 * b,
          probabilities: {
            minPitch: 48,
            depth: 38,
            steps: request.steps,
            values: new Float32Array(request.steps * 38).fill(1 / 38),
          },
        };
      });
      return { candidates, request, generateMs: 1 };
    });
    return { result, cancel() {} };
  }

  /** Fills like propose (one note per beat), with a fit that falls with the candidate's number. */
  fill(request: FillRequest) {
    this.fillRequests.push(request);
    const failure = this.takeFailure();
    const inner = this.propose(request);
    this.requests.pop();
    const plain = !request.after || request.after.notes.length === 0;
    const result: Promise<FillResult> = inner.result.then((r) => {
      if (failure) throw failure;
      return {
        ...r,
        plain,
        sampled: request.candidates * request.oversample,
        candidates: r.candidates.map((c, b) =>
          plain ? c : { ...c, fit: { perStep: -0.5 - 0.1 * b, plainPerStep: -0.9 } },
        ),
      };
    });
    return { result, cancel() {} };
  }

  /** Chord i of the vocabulary for slot i (cycling), the next two as alternatives. */
  harmonize(request: HarmonizeRequest) {
    this.harmonizeRequests.push(request);
    const failure = this.takeFailure();
    const result: Promise<HarmonizeResult> = Promise.resolve().then(() => {
      if (failure) throw failure;
      const v = request.vocabulary;
      const slots = Array.from({ length: Math.ceil(request.steps / request.slotSteps) }, (_, i) => ({
        start: i * request.slotSteps,
        best: v[i % v.length],
        alternatives: [v[(i + 1) % v.length], v[(i + 2) % v.length]],
      }));
      return { slots, modelLogProb: -10, priorLogProb: -5, usedPrior: true, generateMs: 1 };
    });
    return { result, cancel() {} };
  }

  score(request: ScoreRequest) {
    this.scoreRequests.push(request);
    const failure = this.takeFailure();
    return {
      result: Promise.resolve().then(() => (failure ? Promise.reject(failure) : { meanLogProb: -1.5 })),
      cancel() {},
    };
  }

  private takeFailure(): ModelError | null {
    const failure = this.failNext;
    this.failNext = null;
    return failure;
  }

  status(): ModelStatus {
    return this.current;
  }

  onStatus(listener: (s: ModelStatus) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  dispose(): void {}
}
