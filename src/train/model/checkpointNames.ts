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

/**
 * Magenta's attention RNN (AttentionCellWrapper, Magenta JS `music_rnn/attention.ts`): the LSTM stack moves
 * under `rnn/attention_cell_wrapper/` and the wrapper adds its own variables.
 */
export const ATTENTION_PREFIX = 'rnn/attention_cell_wrapper/';

/** Layer `l`'s LSTM kernel inside the attention wrapper. */
export function attentionKernelName(layer: number): string {
  return `${ATTENTION_PREFIX}multi_rnn_cell/cell_${layer}/basic_lstm_cell/kernel`;
}

/** Layer `l`'s LSTM bias inside the attention wrapper. */
export function attentionBiasName(layer: number): string {
  return `${ATTENTION_PREFIX}multi_rnn_cell/cell_${layer}/basic_lstm_cell/bias`;
}

/** [input, previous attention] -> the first layer's input: kernel [I + A, I], bias [I]. */
export const ATT_INPUT_KERNEL = `${ATTENTION_PREFIX}kernel`;
export const ATT_INPUT_BIAS = `${ATTENTION_PREFIX}bias`;
/** Projection of the remembered outputs (a 1x1 convolution kernel [1, 1, A, A]). */
export const ATT_W = `${ATTENTION_PREFIX}attention/attn_w`;
/** Scoring vector [A]. */
export const ATT_V = `${ATTENTION_PREFIX}attention/attn_v`;
/** Query from every layer's c and h: kernel [2 x sum(H), A]; the bias [A] Magenta JS never adds (kept at zero). */
export const ATT_QUERY_KERNEL = `${ATTENTION_PREFIX}attention/kernel`;
export const ATT_QUERY_BIAS = `${ATTENTION_PREFIX}attention/bias`;
/** [top h, attention] -> the output: kernel [H + A, A], bias [A]. */
export const ATT_OUTPUT_KERNEL = `${ATTENTION_PREFIX}attention_output_projection/kernel`;
export const ATT_OUTPUT_BIAS = `${ATTENTION_PREFIX}attention_output_projection/bias`;

/** Whether a set of checkpoint variables is an attention RNN's. */
export function isAttentionCheckpoint(names: Iterable<string>): boolean {
  for (const n of names) if (n === ATT_INPUT_KERNEL) return true;
  return false;
}

/** The LSTM kernel name of layer `l` in either kind of checkpoint. */
export function cellKernelName(layer: number, attention: boolean): string {
  return attention ? attentionKernelName(layer) : kernelName(layer);
}

/** The LSTM bias name of layer `l` in either kind of checkpoint. */
export function cellBiasName(layer: number, attention: boolean): string {
  return attention ? attentionBiasName(layer) : biasName(layer);
}
