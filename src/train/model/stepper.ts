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
