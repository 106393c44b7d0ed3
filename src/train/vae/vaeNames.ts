/**
 * Variable names of a Magenta MusicVAE checkpoint with a flat (non-hierarchical) bidirectional encoder and
 * a categorical LSTM decoder, as `mm.MusicVAE.initialize()` looks them up.
 */

/** Encoder LSTM of one direction: kernel [depth + H, 4H], bias [4H]. */
export function encoderCell(direction: 'fw' | 'bw', part: 'kernel' | 'bias'): string {
  return `encoder/cell_0/bidirectional_rnn/${direction}/multi_rnn_cell/cell_0/lstm_cell/${part}`;
}

/** Decoder LSTM layer `l`: kernel [in_l + H_l, 4 H_l] (in_0 = depth + zSize), bias [4 H_l]. */
export function decoderCell(layer: number, part: 'kernel' | 'bias'): string {
  return `decoder/multi_rnn_cell/cell_${layer}/lstm_cell/${part}`;
}

/** Mean of q(z | x): kernel [2 H_enc, zSize]. */
export const ENCODER_MU = { kernel: 'encoder/mu/kernel', bias: 'encoder/mu/bias' } as const;
/** Pre-softplus scale of q(z | x); Magenta.js does not load it, Magenta's Python does. */
export const ENCODER_SIGMA = { kernel: 'encoder/sigma/kernel', bias: 'encoder/sigma/bias' } as const;
/** z to the decoder's initial state (tanh, split into c0, h0, c1, h1, ...): kernel [zSize, 2 * sum(H)]. */
export const Z_TO_INITIAL_STATE = {
  kernel: 'decoder/z_to_initial_state/kernel',
  bias: 'decoder/z_to_initial_state/bias',
} as const;
/** Decoder output logits: kernel [H_last, depth]. */
export const OUTPUT_PROJECTION = {
  kernel: 'decoder/output_projection/kernel',
  bias: 'decoder/output_projection/bias',
} as const;
