import { FIRST_PITCH_EVENT } from '../core/melodyEvents';
import type { LoadedMelodyRnn } from './checkpoint';
import type { BatchSampler, SampledBatch } from './sampler';
import { candidateNotes, FREE, planSampling, type SamplingPlan } from './samplingPlan';
import { sumRange } from './scoreContinuation';
import type { ProposalRequest, ProposalResult } from './types';

/**
 * One proposal end to end inside the worker: plan the constraints, sample every candidate in one batch,
 * redraw the candidates that came out silent, decode events to notes with the locked notes put back as given.
 */

/**
 * How many times a candidate that starts no note of its own is drawn again before it is kept as it is. A
 * musician who asks for a bar gets music: rewriting a selected bar of a sparse phrase, the shipped folk model
 * left 7 of 90 candidates silent (seeds 1-30, three each: a bar of rests, drawn as nothing on the grid).
 * Redrawing only those rows is sampling conditioned on "at least one note", so every other candidate keeps
 * the model's own draw. Fill does the same by ranking silent fills last (fill.ts).
 */
export const SILENT_REDRAWS = 3;

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
  const batch = sampleWithoutSilence(sampler, plan);
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

/** The plan's batch, with each row that starts no note at a free step drawn again (SILENT_REDRAWS times at most). */
function sampleWithoutSilence(sampler: BatchSampler, plan: SamplingPlan): SampledBatch {
  const batch = sampler.sample(plan);
  // At temperature 0 a redraw is the same argmax again; with no free step where a note may start it cannot help.
  if (plan.temperature <= 0 || !mayStartNote(plan)) return batch;
  for (let attempt = 1; attempt <= SILENT_REDRAWS; attempt++) {
    const silent = batch.events.flatMap((events, b) => (startsNote(events, plan) ? [] : [b]));
    if (silent.length === 0) break;
    const redrawn = sampler.sample({ ...plan, batch: silent.length, seed: redrawSeed(plan.seed, attempt) });
    silent.forEach((row, i) => {
      batch.events[row] = redrawn.events[i];
      batch.logProbs[row] = redrawn.logProbs[i];
      if (batch.probabilities && redrawn.probabilities) batch.probabilities[row] = redrawn.probabilities[i];
    });
  }
  return batch;
}

/** A seed for the n-th redraw, fixed by the request's seed so a kept seed reproduces the same candidates. */
const redrawSeed = (seed: number, attempt: number) => (Math.floor(seed) + attempt * 0x2545f491) >>> 0;

/** True when the row starts a note of its own (not a locked one) somewhere. */
function startsNote(events: Int32Array, plan: SamplingPlan): boolean {
  for (let t = 0; t < events.length; t++) if (plan.forced[t] === FREE && events[t] >= FIRST_PITCH_EVENT) return true;
  return false;
}

/** True when some free step allows a note-on (by the scale, the range and the ending's masks). */
function mayStartNote(plan: SamplingPlan): boolean {
  for (let t = 0; t < plan.steps; t++) {
    if (plan.forced[t] !== FREE) continue;
    const mask = plan.stepMasks?.[t];
    for (let k = FIRST_PITCH_EVENT; k < plan.allowed.length; k++)
      if (plan.allowed[k] && (!mask || mask[k])) return true;
  }
  return false;
}
