/**
 * What a trained MusicVAE is, mirrored into the checkpoint's config.json: a 2-bar (32-step) melody VAE in
 * the layout of Magenta's `cat-mel_2bar_small` (bidirectional LSTM encoder, latent code z, LSTM decoder whose
 * initial state and every input carry z), at a size this machine can train in 90 minutes.
 */

export interface VaeSpec {
  minPitch: number;
  maxPitch: number;
  /** Steps per sequence (32 = two 4/4 bars of sixteenths). */
  numSteps: number;
  /** Units of each direction of the one-layer bidirectional encoder. */
  encoderHidden: number;
  /** Units of each decoder LSTM layer, bottom first. */
  decoderHidden: number[];
  /** Size of the latent code. */
  zSize: number;
}

/** MelodyConverter classes: no event, note off, one note-on per pitch. */
export function vaeDepth(spec: Pick<VaeSpec, 'minPitch' | 'maxPitch'>): number {
  return spec.maxPitch - spec.minPitch + 3;
}

/** Magenta's config.json for this spec (read by `new mm.MusicVAE(url)`). */
export function magentaVaeConfig(spec: VaeSpec): Record<string, unknown> {
  return {
    type: 'MusicVAE',
    dataConverter: {
      type: 'MelodyConverter',
      args: { numSteps: spec.numSteps, minPitch: spec.minPitch, maxPitch: spec.maxPitch },
    },
  };
}
