/** The training graph a spec asks for: a plain LSTM stack (rnnGraph.ts) or an attention RNN (attentionGraph.ts). */
import type * as tf from '@tensorflow/tfjs';
import { inputSize, type ModelSpec } from '../data/modelSpec';
import { attentionLogits, createAttentionVariables, type CopySupervision, type OwnInputs } from './attentionGraph';
import { createRnnVariables, rnnLogits, type Dropout, type RnnVariables } from './rnnGraph';

/** Freshly initialised, seeded variables for `spec`, keyed by checkpoint name. */
export function createModelVariables(spec: ModelSpec, seed: number): RnnVariables {
  const shape = { inputSize: inputSize(spec), hidden: spec.hidden, depth: spec.maxPitch - spec.minPitch + 3 };
  return spec.attentionLength ? createAttentionVariables(shape, seed) : createRnnVariables(shape, seed);
}

/** What only training adds to the forward pass: dropout, and for attention RNNs copy supervision and own inputs. */
export interface TrainingExtras {
  dropout?: Dropout;
  copy?: CopySupervision;
  /** Scheduled sampling (attention models). */
  own?: OwnInputs;
}

/** Logits [T * B, depth] of a batch given as gate-major step inputs. */
export function modelLogits(
  vars: Record<string, tf.Tensor>,
  spec: ModelSpec,
  stepInputs: tf.Tensor2D[],
  extras: TrainingExtras = {},
): tf.Tensor2D {
  if (!spec.attentionLength && extras.copy) throw new Error('copy supervision needs an attention RNN');
  if (!spec.attentionLength && extras.own?.rate)
    throw new Error('own inputs are implemented for the attention RNN only');
  return spec.attentionLength
    ? attentionLogits(vars, stepInputs, spec.attentionLength, extras.copy, extras.own, extras.dropout)
    : rnnLogits(vars, stepInputs, extras.dropout);
}

/** The variables the optimiser updates (the attention query bias stays at zero, see attentionGraph.ts). */
export function trainableVariables(vars: RnnVariables): tf.Variable[] {
  return Object.values(vars).filter((v) => v.trainable);
}
