/** The training graph a spec asks for: a plain LSTM stack (rnnGraph.ts) or an attention RNN (attentionGraph.ts). */
import type * as tf from '@tensorflow/tfjs';
import { inputSize, type ModelSpec } from '../data/modelSpec';
import { attentionLogits, createAttentionVariables } from './attentionGraph';
import { createRnnVariables, rnnLogits, type RnnVariables } from './rnnGraph';

/** Freshly initialised, seeded variables for `spec`, keyed by checkpoint name. */
export function createModelVariables(spec: ModelSpec, seed: number): RnnVariables {
  const shape = { inputSize: inputSize(spec), hidden: spec.hidden, depth: spec.maxPitch - spec.minPitch + 3 };
  return spec.attentionLength ? createAttentionVariables(shape, seed) : createRnnVariables(shape, seed);
}

/** Logits [T * B, depth] of a batch given as gate-major step inputs. */
export function modelLogits(vars: Record<string, tf.Tensor>, spec: ModelSpec, stepInputs: tf.Tensor2D[]): tf.Tensor2D {
  return spec.attentionLength ? attentionLogits(vars, stepInputs, spec.attentionLength) : rnnLogits(vars, stepInputs);
}

/** The variables the optimiser updates (the attention query bias stays at zero, see attentionGraph.ts). */
export function trainableVariables(vars: RnnVariables): tf.Variable[] {
  return Object.values(vars).filter((v) => v.trainable);
}
