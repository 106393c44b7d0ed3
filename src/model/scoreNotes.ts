import { encodeMelodyEvents } from '../core/melodyEvents';
import { chordsPerStep } from './chordEncoding';
import type { MelodyRnnSpec } from './checkpointSpec';
import type { RnnRunner } from './rnnRunner';
import { specRange } from './samplingPlan';
import { scoreContinuations, sumRange } from './scoreContinuation';
import { ModelError, type ScoreRequest, type ScoreResult } from './types';

/**
 * How sure the model is of notes it did not write itself (a mutation by inversion, say): the mean per step of
 * its log-probability of their events, after the same primer a proposal would have had, so the figure can be
 * compared with the candidates the model wrote.
 */
export function scoreNotes(runner: RnnRunner, spec: MelodyRnnSpec, request: ScoreRequest): ScoreResult {
  const steps = Math.floor(request.steps);
  if (!(steps >= 1 && steps <= 1024)) throw new ModelError(`Cannot score ${request.steps} steps`, 'bad-request');
  const range = specRange(spec);
  const primer = request.primer;
  const prefix =
    primer && primer.steps >= 1
      ? encodeMelodyEvents(primer.notes, Math.floor(primer.steps), range, { fold: true })
      : new Int32Array(1);
  const events = encodeMelodyEvents(request.notes, steps, range, { fold: true });
  const chords = spec.chordEncoder
    ? [...chordsPerStep(primer?.chords, prefix.length), ...chordsPerStep(request.chords, steps)]
    : undefined;
  const [logProbs] = scoreContinuations(runner, spec, { prefix, rows: [events], chords });
  return { meanLogProb: sumRange(logProbs, 0, steps) / steps };
}
