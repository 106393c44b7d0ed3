/**
 * Scores a model on whole tunes: mean NLL per predicted event (nats) and next-event accuracy, predicting
 * every event after the first from zero state, exactly the events the n-gram baseline is scored on.
 */
import * as tf from '@tensorflow/tfjs';
import { eventClass, HOLD } from '../corpus/melodyEvents';
import type { GridChord } from '../corpus/chordSymbols';
import { openingBarStep, type Tune } from '../corpus/tune';
import { inputSize, type ModelSpec } from '../data/modelSpec';
import { counterStep, writeStepInput } from '../data/stepFeatures';
import { createStepper, stepFromBuffer } from '../model/stepper';

export interface Score {
  nll: number;
  accuracy: number;
  events: number;
}

/** A melody to teacher-force: its events and the chord at each step (chords are ignored by melody models). */
export interface ForcedSequence {
  events: ArrayLike<number>;
  chords: readonly GridChord[];
  /** The BinaryCounter's count at the first step (default 0). */
  counterStart?: number;
}

/**
 * Feeds every sequence through the model from zero state, as one batch step by step, and hands over the
 * log-probabilities after each input step t (they predict event t + 1; rows of `depth`, one per sequence).
 * Shorter sequences are padded with holds.
 */
export async function forEachForcedStep(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  sequences: readonly ForcedSequence[],
  onStep: (t: number, logProbs: Float32Array, depth: number) => void,
): Promise<void> {
  const batch = sequences.length;
  const length = Math.max(...sequences.map((s) => s.events.length));
  const inSize = inputSize(spec);
  const stepper = createStepper(vars, batch, spec.attentionLength);
  const buf = new Float32Array(inSize * batch);
  for (let t = 0; t < length - 1; t++) {
    sequences.forEach((s, b) =>
      writeStepInput(
        spec,
        buf,
        batch,
        b,
        counterStep(spec, (s.counterStart ?? 0) + t),
        t < s.events.length ? s.events[t] : HOLD,
        s.chords[t + 1],
      ),
    );
    const logProbs = await stepFromBuffer(stepper, buf, inSize, batch);
    onStep(t, logProbs, logProbs.length / batch);
  }
  stepper.dispose();
}

/**
 * NLL and accuracy of the model over all tunes, run as one batch step by step. `anchorCounter` (a model trained
 * so) counts the BinaryCounter from each tune's opening bar, as in training.
 */
export async function scoreTunes(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  tunes: Tune[],
  anchorCounter = false,
): Promise<Score> {
  let nll = 0;
  let hits = 0;
  let events = 0;
  const sequences = anchorCounter ? tunes.map((tune) => ({ ...tune, counterStart: -openingBarStep(tune) })) : tunes;
  await forEachForcedStep(vars, spec, sequences, (t, logProbs, depth) => {
    tunes.forEach((tune, b) => {
      if (t + 1 >= tune.events.length) return;
      const target = eventClass(tune.events[t + 1], spec.minPitch);
      const row = logProbs.subarray(b * depth, (b + 1) * depth);
      nll -= row[target];
      let best = 0;
      for (let k = 1; k < depth; k++) if (row[k] > row[best]) best = k;
      if (best === target) hits++;
      events++;
    });
  });
  return { nll: nll / events, accuracy: hits / events, events };
}
