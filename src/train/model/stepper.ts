/**
 * One interface over both kinds of MusicRNN for step-by-step evaluation and sampling: plain LSTM stacks
 * (rnnStep.ts) and attention RNNs (attentionStep.ts), chosen by the checkpoint's variables.
 */
import * as tf from '@tensorflow/tfjs';
import { attentionStep, zeroAttentionState, type AttentionState } from './attentionStep';
import { isAttentionCheckpoint } from './checkpointNames';
import { rnnStep, zeroState, type RnnState } from './rnnStep';

export interface Stepper {
  /** Advances every sequence on `x` [B, inputSize]; returns the next event's log-probabilities [B, depth] (caller disposes). */
  step(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/** A stepper for `batch` sequences from zero state. `attentionLength` comes from config.json for attention RNNs. */
export function createStepper(vars: Record<string, tf.Tensor>, batch: number, attentionLength?: number): Stepper {
  if (isAttentionCheckpoint(Object.keys(vars))) {
    if (!attentionLength) throw new Error('an attention checkpoint needs attentionLength (config.json)');
    let state: AttentionState = zeroAttentionState(vars, batch, attentionLength);
    return {
      step(x) {
        const out = attentionStep(vars, x, state);
        state = out.state;
        return out.logProbs;
      },
      dispose: () => tf.dispose([...state.c, ...state.h, state.attention, state.memory]),
    };
  }
  let state: RnnState = zeroState(vars, batch);
  return {
    step(x) {
      const out = rnnStep(vars, x, state);
      state = out.state;
      return out.logProbs;
    },
    dispose: () => tf.dispose([...state.c, ...state.h]),
  };
}

/**
 * One step of a batch from a gate-major input buffer ([inSize, batch], as writeStepInput fills it): the next
 * event's log-probabilities, batch-major ([batch, depth] flattened). The step every evaluation and sampler loop takes.
 */
export async function stepFromBuffer(
  stepper: Stepper,
  buf: Float32Array,
  inSize: number,
  batch: number,
): Promise<Float32Array> {
  const x = tf.tidy(() => tf.transpose(tf.tensor2d(buf, [inSize, batch])) as tf.Tensor2D);
  const out = stepper.step(x);
  x.dispose();
  const logProbs = (await out.data()) as Float32Array;
  out.dispose();
  return logProbs;
}
