import { melodyEventDepth } from '../../core/melodyEvents';
import { CHORD_ENCODING_SIZE } from '../corpus/chordSymbols';

/** What a trained model expects as input, mirrored 1:1 into the checkpoint's config.json. */

export interface ModelSpec {
  kind: 'melody' | 'chord';
  minPitch: number;
  maxPitch: number;
  /** BinaryCounter bits (0 = no aux inputs). */
  auxBits: number;
  hidden: number[];
  /** Magenta's attention wrapper over the last N outputs (absent: a plain LSTM stack). */
  attentionLength?: number;
}

/** Width of one step's input: chord encoding (chord models) + event one-hot + aux bits. */
export function inputSize(spec: ModelSpec): number {
  return eventInputRow(spec) + melodyEventDepth(spec) + spec.auxBits;
}

/** First row of the event one-hot in a step's input: after the chord encoding of chord models (stepFeatures.ts). */
export function eventInputRow(spec: ModelSpec): number {
  return spec.kind === 'chord' ? CHORD_ENCODING_SIZE : 0;
}

/** Magenta's config.json for this spec (read by `new mm.MusicRNN(url)`). */
export function magentaConfig(spec: ModelSpec): Record<string, unknown> {
  return {
    type: 'MusicRNN',
    dataConverter: { type: 'MelodyConverter', args: { minPitch: spec.minPitch, maxPitch: spec.maxPitch } },
    ...(spec.kind === 'chord' ? { chordEncoder: 'PitchChordEncoder' } : {}),
    ...(spec.auxBits > 0 ? { auxInputs: [{ type: 'BinaryCounter', args: { numBits: spec.auxBits } }] } : {}),
    ...(spec.attentionLength ? { attentionLength: spec.attentionLength } : {}),
  };
}

/** The spec a config.json describes (hidden sizes come from the weights). */
export function specFromConfig(config: Record<string, unknown>, hidden: number[]): ModelSpec {
  const args = (config.dataConverter as { args: { minPitch: number; maxPitch: number } }).args;
  const aux = config.auxInputs as { args: { numBits: number } }[] | undefined;
  return {
    kind: config.chordEncoder ? 'chord' : 'melody',
    minPitch: args.minPitch,
    maxPitch: args.maxPitch,
    auxBits: aux?.[0]?.args.numBits ?? 0,
    hidden,
    ...(typeof config.attentionLength === 'number' ? { attentionLength: config.attentionLength } : {}),
  };
}
