import type * as tf from '@tensorflow/tfjs';
import { ATTENTION_PREFIX, FC_BIASES } from './checkpointNames';

/**
 * Starts a model from a trained one: every LSTM layer whose name and shape match takes the trained weights,
 * and so do the output biases (the events' base rates). A plain model's layers count for the same layers of
 * an attention model (its stack sits under the attention wrapper's prefix), so an attention RNN can begin
 * from a plain MusicRNN's features instead of from noise; the layers and projections it adds start fresh.
 * The output weights do not carry over: they read the top layer, which is a new one in a deeper stack.
 * Returns the names copied.
 */
export function warmStart(vars: Record<string, tf.Variable>, trained: Record<string, tf.Tensor>): string[] {
  const copied: string[] = [];
  for (const [name, variable] of Object.entries(vars)) {
    if (!name.includes('multi_rnn_cell/') && name !== FC_BIASES) continue;
    const source = trained[name] ?? trained[name.replace(ATTENTION_PREFIX, 'rnn/')];
    if (!source || source.shape.join() !== variable.shape.join()) continue;
    variable.assign(source);
    copied.push(name);
  }
  return copied;
}
