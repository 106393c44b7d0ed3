import { melodyEventDepth } from '../core/melodyEvents';
import { chordEncodingDepth } from './chordEncoding';
import { ModelError, type ChordEncoderType } from './types';

/**
 * Reading and checking a MusicRNN checkpoint's config.json and weights_manifest.json before any weight
 * is fetched, so a wrong URL or a checkpoint of another kind fails with a message naming the cause
 * instead of a tensor shape error deep inside tfjs. Pure: the caller does the fetching.
 */

/** What the sampler needs to know about a melody checkpoint. */
export interface MelodyRnnSpec {
  minPitch: number;
  maxPitch: number;
  /** Event classes: melodyEventDepth (pitches + no-event + note-off). */
  depth: number;
  chordEncoder?: ChordEncoderType;
  /** Width of one encoded chord (0 without a chord encoder). */
  chordDepth: number;
  /** BinaryCounter bits (0 without aux inputs). */
  auxBits: number;
  /** Units of each LSTM layer. */
  layers: number[];
  /** The config as read, handed to mm.MusicRNN so it does not fetch it again. */
  config: Record<string, unknown>;
}

export interface ManifestWeight {
  name: string;
  shape: number[];
  dtype?: string;
}

export const CELL_KERNEL = (layer: number) => `rnn/multi_rnn_cell/cell_${layer}/basic_lstm_cell/kernel`;
export const CELL_BIAS = (layer: number) => `rnn/multi_rnn_cell/cell_${layer}/basic_lstm_cell/bias`;
export const FC_WEIGHTS = 'fully_connected/weights';
export const FC_BIASES = 'fully_connected/biases';

const CHORD_ENCODERS: ChordEncoderType[] = ['PitchChordEncoder', 'MajorMinorChordEncoder', 'TriadChordEncoder'];

function badFormat(message: string): ModelError {
  return new ModelError(message, 'bad-format');
}

/** Checks config.json and returns its melody part; throws a ModelError naming what is wrong. */
export function parseMelodyRnnConfig(json: unknown): Omit<MelodyRnnSpec, 'layers'> {
  if (typeof json !== 'object' || json === null) throw badFormat('config.json is not a JSON object');
  const config = json as Record<string, unknown>;
  if (config.type !== 'MusicRNN') {
    throw new ModelError(`The checkpoint is a ${typeof config.type === 'string' ? config.type : 'model of unknown type'}, not a MusicRNN`, 'wrong-type');
  }
  const converter = config.dataConverter as { type?: unknown; args?: Record<string, unknown> } | undefined;
  if (!converter || typeof converter !== 'object') throw badFormat('config.json has no dataConverter');
  if (converter.type !== 'MelodyConverter') {
    throw new ModelError(`The checkpoint is a ${String(converter.type)} model, not a melody (MelodyConverter) model`, 'wrong-type');
  }
  const minPitch = converter.args?.minPitch;
  const maxPitch = converter.args?.maxPitch;
  if (!Number.isInteger(minPitch) || !Number.isInteger(maxPitch) || (minPitch as number) > (maxPitch as number)) {
    throw badFormat('config.json dataConverter.args needs integer minPitch <= maxPitch');
  }
  if (config.attentionLength !== undefined) {
    throw new ModelError('Attention MusicRNN checkpoints are not supported; use a basic (non-attention) melody model', 'wrong-type');
  }
  let chordEncoder: ChordEncoderType | undefined;
  if (config.chordEncoder !== undefined) {
    if (!CHORD_ENCODERS.includes(config.chordEncoder as ChordEncoderType)) {
      throw badFormat(`Unknown chord encoder ${JSON.stringify(config.chordEncoder)} in config.json`);
    }
    chordEncoder = config.chordEncoder as ChordEncoderType;
  }
  let auxBits = 0;
  if (config.auxInputs !== undefined) {
    const aux = config.auxInputs as Array<{ type?: unknown; args?: { numBits?: unknown } }>;
    if (!Array.isArray(aux)) throw badFormat('config.json auxInputs is not a list');
    for (const input of aux) {
      if (input?.type !== 'BinaryCounter' || !Number.isInteger(input.args?.numBits)) {
        throw badFormat(`Unsupported auxiliary input ${JSON.stringify(input)} in config.json`);
      }
      auxBits += input.args!.numBits as number;
    }
  }
  const range = { minPitch: minPitch as number, maxPitch: maxPitch as number };
  return {
    ...range,
    depth: melodyEventDepth(range),
    chordEncoder,
    chordDepth: chordEncoder ? chordEncodingDepth(chordEncoder) : 0,
    auxBits,
    config,
  };
}

/** Flattens weights_manifest.json into its weight specs; throws a ModelError when it is not a manifest. */
export function parseWeightsManifest(json: unknown): ManifestWeight[] {
  if (!Array.isArray(json) || json.length === 0) throw badFormat('weights_manifest.json is not a list of weight groups');
  const weights: ManifestWeight[] = [];
  for (const group of json as unknown[]) {
    const { paths, weights: groupWeights } = (group ?? {}) as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(paths) || !Array.isArray(groupWeights)) {
      throw badFormat('weights_manifest.json groups need "paths" and "weights"');
    }
    weights.push(...(groupWeights as ManifestWeight[]));
  }
  return weights;
}

/**
 * Checks that the manifest holds a MusicRNN's variables with shapes that fit the config, and returns the
 * layer sizes; throws a ModelError naming the first mismatch.
 */
export function checkMelodyRnnWeights(config: Omit<MelodyRnnSpec, 'layers'>, weights: ManifestWeight[]): number[] {
  const byName = new Map(weights.map((w) => [w.name, w]));
  if ([...byName.keys()].some((n) => n.includes('attention'))) {
    throw new ModelError('Attention MusicRNN checkpoints are not supported; use a basic (non-attention) melody model', 'wrong-type');
  }
  if (!byName.has(CELL_KERNEL(0))) {
    throw new ModelError(`weights_manifest.json has no ${CELL_KERNEL(0)}: not a MusicRNN checkpoint`, 'wrong-type');
  }
  const layers: number[] = [];
  let inputSize = config.chordDepth + config.depth + config.auxBits;
  for (let l = 0; byName.has(CELL_KERNEL(l)); l++) {
    const kernel = byName.get(CELL_KERNEL(l))!.shape;
    const bias = byName.get(CELL_BIAS(l))?.shape;
    const units = kernel[1] / 4;
    if (kernel.length !== 2 || !Number.isInteger(units) || kernel[0] !== inputSize + units) {
      throw badFormat(
        `Layer ${l} kernel has shape [${kernel.join(',')}], expected [${inputSize} + units, 4 x units] for this config ` +
          `(chords ${config.chordDepth} + events ${config.depth} + aux ${config.auxBits})`,
      );
    }
    if (!bias || bias.length !== 1 || bias[0] !== kernel[1]) throw badFormat(`Layer ${l} bias is missing or has the wrong shape`);
    layers.push(units);
    inputSize = units;
  }
  const fc = byName.get(FC_WEIGHTS)?.shape;
  const fcBias = byName.get(FC_BIASES)?.shape;
  if (!fc || fc[0] !== inputSize || fc[1] !== config.depth || !fcBias || fcBias[0] !== config.depth) {
    throw badFormat(
      `fully_connected weights must be [${inputSize}, ${config.depth}] with biases [${config.depth}] ` +
        `(the config's pitch range ${config.minPitch}..${config.maxPitch} gives ${config.depth} classes)`,
    );
  }
  for (const w of weights) {
    if (w.dtype && w.dtype !== 'float32') throw badFormat(`Weight ${w.name} is ${w.dtype}; only float32 is supported`);
  }
  return layers;
}
