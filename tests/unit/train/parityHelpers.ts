/**
 * What the parity tests against Magenta JS share: the training graph's next-step probabilities, a primer as
 * Magenta's quantized NoteSequence, and the largest difference between two probability vectors.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import type { GridChord } from '../../../src/train/corpus/chordSymbols';
import { eventsToNotes } from '../../../src/train/corpus/melodyEvents';
import { inputSize, type ModelSpec } from '../../../src/train/data/modelSpec';
import { writeStepInput } from '../../../src/train/data/stepFeatures';
import { modelLogits } from '../../../src/train/model/modelGraph';

/** What the parity tests call on Magenta's own MusicRNN (Node build). */
export interface MagentaRnn {
  initialize(): Promise<void>;
  continueSequenceAndReturnProbabilities(
    seq: unknown,
    steps: number,
    temperature?: number,
    chords?: string[],
  ): Promise<{ probs: Float32Array[] }>;
  dispose(): void;
}
const require = createRequire(import.meta.url);
/** Magenta's MusicRNN, the reference every parity test compares with. */
export const { MusicRNN } = require('@magenta/music/node/music_rnn.js') as {
  MusicRNN: new (url: string) => MagentaRnn;
};

/** Next-step probabilities after the primer `events`, by the training graph on `vars` (chords per step, if any). */
export function graphProbs(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  events: Int16Array,
  chords: GridChord[],
): Float32Array {
  const inputs = Array.from(events, (e, t) => {
    const buf = new Float32Array(inputSize(spec));
    writeStepInput(spec, buf, 1, 0, t, e, chords[t + 1]);
    return tf.tensor2d(buf, [inputSize(spec), 1]);
  });
  const probs = tf.tidy(() => tf.softmax(modelLogits(vars, spec, inputs)));
  const all = probs.dataSync() as Float32Array;
  tf.dispose([probs, ...inputs]);
  return all.slice(all.length - probs.shape[1]);
}

/** The corpus events as the quantized NoteSequence Magenta's continueSequence takes. */
export function primerSequence(events: Int16Array) {
  return {
    notes: eventsToNotes(events).map((n) => ({ pitch: n.pitch, quantizedStartStep: n.start, quantizedEndStep: n.end })),
    quantizationInfo: { stepsPerQuarter: 4 },
    totalQuantizedSteps: events.length,
  };
}

export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
