import * as tf from '@tensorflow/tfjs';
import { ATTENTION_PREFIX, FC_WEIGHTS } from './checkpointNames';

/**
 * Starts a model from a trained one: every LSTM layer whose name and shape match takes the trained weights,
 * and so do the output biases (the events' base rates). A plain model's layers count for the same layers of
 * an attention model (its stack sits under the attention wrapper's prefix), so an attention RNN can begin
 * from a plain MusicRNN's features instead of from noise; the layers and projections it adds start fresh.
 * The output weights carry over only when both stacks are equally deep: in a deeper stack they would read a new
 * top layer. A model of the same shape (a longer run of a trained one) so begins exactly as the trained one,
 * its attention wrapper included.
 * `appendedInputs` new inputs after the trained model's (more BinaryCounter bits, which come last in a step's
 * input) widen the first layer: their kernel rows start at zero, so the model begins as the trained one.
 * Returns the names copied.
 */
export function warmStart(
  vars: Record<string, tf.Variable>,
  trained: Record<string, tf.Tensor>,
  appendedInputs = 0,
): string[] {
  const copied: string[] = [];
  const sameDepth = stackDepth(Object.keys(vars)) === stackDepth(Object.keys(trained));
  for (const [name, variable] of Object.entries(vars)) {
    if (name === FC_WEIGHTS && !sameDepth) continue;
    const source = trained[name] ?? trained[name.replace(ATTENTION_PREFIX, 'rnn/')];
    if (!source) continue;
    if (source.shape.join() === variable.shape.join()) variable.assign(source);
    else if (appendedInputs > 0 && name.includes('cell_0/') && fitsWidened(source, variable, appendedInputs))
      tf.tidy(() => variable.assign(widenInputRows(source as tf.Tensor2D, appendedInputs)));
    else continue;
    copied.push(name);
  }
  return copied;
}

/** How many LSTM layers a checkpoint's variable names hold. */
function stackDepth(names: string[]): number {
  return names.filter((name) => /multi_rnn_cell\/cell_\d+\/basic_lstm_cell\/kernel$/.test(name)).length;
}

function fitsWidened(source: tf.Tensor, variable: tf.Variable, appended: number): boolean {
  return source.rank === 2 && source.shape[1] === variable.shape[1] && source.shape[0] + appended === variable.shape[0];
}

/** A first-layer kernel [inputs + hidden, 4 hidden] with `appended` zero rows after its input rows. */
function widenInputRows(kernel: tf.Tensor2D, appended: number): tf.Tensor2D {
  const [rows, columns] = kernel.shape;
  const inputs = rows - columns / 4;
  return tf.concat([
    kernel.slice([0, 0], [inputs, columns]),
    tf.zeros([appended, columns]),
    kernel.slice([inputs, 0], [rows - inputs, columns]),
  ]);
}
