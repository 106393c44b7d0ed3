import { encodeMelodyEvents, decodeMelodyEvents } from '../../../src/core/melodyEvents';
import type { LoadedMelodyRnn } from '../../../src/model/checkpoint';
import { chordsPerStep } from '../../../src/model/chordEncoding';
import { specRange } from '../../../src/model/samplingPlan';
import type { ProposalRequest } from '../../../src/model/types';

/**
 * The reference the model bench's speed target is measured against: the same work as one batched proposal,
 * done the way an app using Magenta directly would, by `runs` sequential `mm.MusicRNN.continueSequence`
 * calls (batch 1 each, no constraints) on the same backend. Bench-only: the app never runs it.
 */

/** A quantized NoteSequence (as plain data Magenta accepts) of the request's primer, or a one-step silence. */
export function primerNoteSequence(model: LoadedMelodyRnn, request: ProposalRequest) {
  const range = specRange(model.spec);
  const steps = request.primer && request.primer.steps >= 1 ? request.primer.steps : 1;
  // Round-trip through the event codec so the primer is folded into range and monophonic, as the sampler hears it.
  const notes = request.primer
    ? decodeMelodyEvents(encodeMelodyEvents(request.primer.notes, steps, range, { fold: true }), range)
    : [];
  return {
    notes: notes.map((n) => ({
      pitch: n.pitch,
      quantizedStartStep: n.start,
      quantizedEndStep: n.start + n.length,
      velocity: n.velocity,
    })),
    totalQuantizedSteps: steps,
    quantizationInfo: { stepsPerQuarter: 4 },
  };
}

/** Milliseconds for `runs` sequential continueSequence calls of `request.steps` steps each. */
export async function timeSequentialBaseline(
  model: LoadedMelodyRnn,
  request: ProposalRequest,
  runs: number,
): Promise<number> {
  const primer = primerNoteSequence(model, request);
  const chords = model.spec.chordEncoder
    ? [
        ...chordsPerStep(request.primer?.chords, primer.totalQuantizedSteps),
        ...chordsPerStep(request.chords, request.steps),
      ]
    : undefined;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    await model.rnn.continueSequence(structuredClone(primer), request.steps, request.temperature || undefined, chords);
  }
  return performance.now() - started;
}
