/**
 * Samples continuations from a model, batched: each phrase starts from its own primer (events from step 0
 * of a bar) and, for chord models, follows its own chords. Seeded, temperature-scaled multinomial sampling
 * as MusicRNN does.
 */
import * as tf from '@tensorflow/tfjs';
import type { GridChord } from '../corpus/chordSymbols';
import { classEvent } from '../corpus/melodyEvents';
import { inputSize, type ModelSpec } from '../data/modelSpec';
import { writeStepInput } from '../data/stepFeatures';
import { createStepper, stepFromBuffer } from '../model/stepper';
import type { Rng } from '../random';

export interface GenerationRequest {
  primer: Int16Array;
  /** Chord per step of primer + continuation (chord models). */
  chords: GridChord[];
  steps: number;
}

/** The sampled continuation events of every request (primer not included). */
export async function generate(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  requests: GenerationRequest[],
  temperature: number,
  rng: Rng,
): Promise<Int16Array[]> {
  const batch = requests.length;
  const inSize = inputSize(spec);
  const total = Math.max(...requests.map((r) => r.primer.length + r.steps));
  const current = requests.map((r) => Array.from(r.primer));
  const stepper = createStepper(vars, batch, spec.attentionLength);
  const buf = new Float32Array(inSize * batch);
  for (let t = 0; t < total - 1; t++) {
    requests.forEach((r, b) => writeStepInput(spec, buf, batch, b, t, current[b][t] ?? -2, r.chords[t + 1]));
    const logProbs = await stepFromBuffer(stepper, buf, inSize, batch);
    const depth = logProbs.length / batch;
    requests.forEach((r, b) => {
      if (t + 1 < r.primer.length || t + 1 >= r.primer.length + r.steps) return;
      const row = logProbs.subarray(b * depth, (b + 1) * depth);
      const weights = Array.from(row, (lp) => Math.exp(lp / temperature));
      let u = rng.next() * weights.reduce((s, w) => s + w, 0);
      let k = 0;
      while (k < depth - 1 && (u -= weights[k]) > 0) k++;
      current[b][t + 1] = classEvent(k, spec.minPitch);
    });
  }
  stepper.dispose();
  return requests.map((r, b) => Int16Array.from(current[b].slice(r.primer.length, r.primer.length + r.steps)));
}
