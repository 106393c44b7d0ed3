import { encodeChord } from './chordEncoding';
import type { MelodyRnnSpec } from './checkpointSpec';
import type { RnnRows, RnnRunner } from './rnnRunner';
import { writeBinaryCounter } from './samplingPlan';

/**
 * Teacher-forced log-probabilities: how likely the model finds given events, step by step, as MusicRNN would
 * compute them if it were fed those events (input i = [chord(i + 1) | one-hot(event i) | aux(i)], predicting
 * event i + 1, from zero state). Used to score a fill by the notes that follow it, to say how sure the model
 * is of any candidate (mutations included), and by the chord search.
 */

/** Encodes chord symbols once each (a progression repeats a handful of symbols hundreds of times). */
export class ChordRows {
  private readonly cache = new Map<string, Float32Array>();
  constructor(private readonly spec: MelodyRnnSpec) {}

  /** The encoding of `symbol` for this model (empty for melody models). */
  encode(symbol: string): Float32Array {
    if (!this.spec.chordEncoder) return new Float32Array(0);
    let found = this.cache.get(symbol);
    if (!found) this.cache.set(symbol, (found = encodeChord(symbol, this.spec.chordEncoder)));
    return found;
  }
}

/**
 * Writes input row `row` of `out` (rows of `runner.inputWidth` floats): `chord` is the encoding of the chord
 * at step + 1, `event` the event at `step`, and the aux counter counts `step` from the sequence start.
 */
export function writeInputRow(
  out: Float32Array,
  row: number,
  spec: MelodyRnnSpec,
  chord: Float32Array,
  event: number,
  step: number,
): void {
  const width = spec.chordDepth + spec.depth + spec.auxBits;
  const at = row * width;
  out.fill(0, at, at + width);
  if (spec.chordDepth) out.set(chord, at);
  out[at + spec.chordDepth + event] = 1;
  if (spec.auxBits) writeBinaryCounter(out, at + spec.chordDepth + spec.depth, spec.auxBits, step);
}

export interface ContinuationsToScore {
  /** Events every row shares, fed once (at least one; a silent bar when there is no context). */
  prefix: Int32Array;
  /** Per row, the events after the prefix; all rows have the same length. */
  rows: Int32Array[];
  /** Chord symbol at every step of prefix + rows (chord models; shorter lists end in "N.C."). */
  chords?: readonly string[];
}

/** The state after feeding `prefix` (with its chords) from zero, one row. */
export function feedPrefix(
  runner: RnnRunner,
  spec: MelodyRnnSpec,
  chordRows: ChordRows,
  prefix: Int32Array,
  chords?: readonly string[],
): RnnRows {
  const state = runner.zero(1);
  const input = new Float32Array(runner.inputWidth);
  for (let i = 0; i < prefix.length; i++) {
    writeInputRow(input, 0, spec, chordRows.encode(chords?.[i + 1] ?? 'N.C.'), prefix[i], i);
    runner.advance(state, input);
  }
  return state;
}

/**
 * For every row, the model's log-probability of each of its events given the prefix and the row's earlier
 * events: `result[r][j] = log p(rows[r][j] | prefix, rows[r][0..j-1])`. Rows advance as one batch.
 */
export function scoreContinuations(
  runner: RnnRunner,
  spec: MelodyRnnSpec,
  input: ContinuationsToScore,
): Float32Array[] {
  const { prefix, rows, chords } = input;
  if (prefix.length < 1) throw new RangeError('scoreContinuations needs at least one prefix event');
  const length = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== length)) throw new RangeError('scoreContinuations needs rows of one length');
  const chordRows = new ChordRows(spec);
  const state = runner.select(
    feedPrefix(runner, spec, chordRows, prefix, chords),
    rows.map(() => 0),
  );
  const out = rows.map(() => new Float32Array(length));
  const inputs = new Float32Array(rows.length * runner.inputWidth);
  const depth = runner.depth;
  // The events are known: run the recurrence first, then the output layer over every step at once.
  const units = runner.outputWidth;
  const tops = new Float32Array(length * rows.length * units);
  for (let j = 0; j < length; j++) {
    tops.set(runner.modelOutput(state), j * rows.length * units);
    if (j === length - 1) break;
    const step = prefix.length + j;
    const chord = chordRows.encode(chords?.[step + 1] ?? 'N.C.');
    rows.forEach((row, r) => writeInputRow(inputs, r, spec, chord, row[j], step));
    runner.advance(state, inputs);
  }
  const logProbs = length > 0 ? runner.logProbsOf(tops, length * rows.length) : new Float32Array(0);
  for (let j = 0; j < length; j++)
    rows.forEach((row, r) => (out[r][j] = logProbs[(j * rows.length + r) * depth + row[j]]));
  return out;
}

/** Sum of `values[from .. to)`. */
export function sumRange(values: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum;
}
