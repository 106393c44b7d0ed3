/**
 * One step's model input, laid out exactly as MusicRNN builds it: concat(chord of step t + 1, one-hot of
 * event t, BinaryCounter(t)), where t counts from the start of the sequence the model is run on.
 */
import { melodyEventDepth } from '../../core/melodyEvents';
import { encodeChordInto, NO_CHORD, type GridChord } from '../corpus/chordSymbols';
import { eventClass } from '../corpus/melodyEvents';
import { eventInputRow, type ModelSpec } from './modelSpec';

/** BinaryCounter bit `bit` at step t, as Magenta computes it: ±1 from floor((t + 1) / 2^bit) mod 2. */
export function binaryCounterBit(step: number, bit: number): number {
  return Math.floor((step + 1) / 2 ** bit) % 2 ? 1 : -1;
}

/** A count for the BinaryCounter, brought into [0, 2^bits): counts before the counter's zero wrap round. */
export function counterStep(spec: ModelSpec, step: number): number {
  const cycle = 2 ** spec.auxBits;
  return ((step % cycle) + cycle) % cycle;
}

/**
 * Writes the input of step `t` of a sequence into a gate-major [inputSize, B] buffer at column `column`.
 * `event` is the event at t and `nextChord` the chord at t + 1.
 */
export function writeStepInput(
  spec: ModelSpec,
  out: Float32Array,
  batch: number,
  column: number,
  t: number,
  event: number,
  nextChord: GridChord | undefined,
): void {
  if (spec.kind === 'chord') encodeChordInto(nextChord ?? NO_CHORD, out, column, batch);
  let row = eventInputRow(spec);
  const depth = melodyEventDepth(spec);
  for (let k = 0; k < depth; k++) out[(row + k) * batch + column] = 0;
  out[(row + eventClass(event, spec.minPitch)) * batch + column] = 1;
  row += depth;
  for (let b = 0; b < spec.auxBits; b++) out[(row + b) * batch + column] = binaryCounterBit(t, b);
}
