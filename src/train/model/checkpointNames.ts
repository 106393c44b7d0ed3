/** Variable names of a Magenta MusicRNN checkpoint (basic_lstm_cell stack + fully connected output). */

/** Name of layer `l`'s LSTM kernel, shape [in_l + H_l, 4 H_l]. */
export function kernelName(layer: number): string {
  return `rnn/multi_rnn_cell/cell_${layer}/basic_lstm_cell/kernel`;
}

/** Name of layer `l`'s LSTM bias, shape [4 H_l]. */
export function biasName(layer: number): string {
  return `rnn/multi_rnn_cell/cell_${layer}/basic_lstm_cell/bias`;
}

export const FC_WEIGHTS = 'fully_connected/weights';
export const FC_BIASES = 'fully_connected/biases';
