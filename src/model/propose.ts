import type { LoadedMelodyRnn } from './checkpoint';
import type { BatchSampler } from './sampler';
import { candidateNotes, planSampling } from './samplingPlan';
import { sumRange } from './scoreContinuation';
import type { ProposalRequest, ProposalResult } from './types';

/**
 * One proposal end to end inside the worker: plan the constraints, sample every candidate in one batch,
 * decode events to notes with the locked notes put back as given.
 */

/** Generates the request's candidates with a loaded model; throws ModelError('bad-request') for requests it cannot honour. */
export function proposeCandidates(
  model: Pick<LoadedMelodyRnn, 'spec'>,
  sampler: BatchSampler,
  request: ProposalRequest,
  now: () => number = () => performance.now(),
): ProposalResult {
  const started = now();
  const honoured: ProposalRequest = {
    ...request,
    chords: model.spec.chordEncoder ? request.chords : undefined,
    velocity: request.velocity ?? 96,
    returnProbabilities: request.returnProbabilities ?? true,
  };
  const plan = planSampling(honoured, model.spec);
  const batch = sampler.sample(plan);
  const candidates = batch.events.map((events, b) => ({
    notes: candidateNotes(events, honoured, model.spec),
    events,
    meanLogProb: sumRange(batch.logProbs[b], 0, plan.steps) / plan.steps,
    probabilities: batch.probabilities
      ? { minPitch: model.spec.minPitch, depth: model.spec.depth, steps: plan.steps, values: batch.probabilities[b] }
      : undefined,
  }));
  return { candidates, request: honoured, generateMs: now() - started };
}
