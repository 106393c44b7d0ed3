/**
 * Off-key steps: the steps of a tune where a note starts outside the scale of the key annotated there (POP909's
 * key_audio.txt; major, or natural minor as the musicality measure's scale consistency has it). Two ways to train a
 * pop model to leave the key less, both the model's own probabilities moved, not a sampler rule:
 * - `--off-key-weight w`: these targets weigh w in the loss (a weighted likelihood's optimum is q proportional to w p).
 *   Measured, it hardly helps: the off-key targets are 0.69 % of POP909's notes, while a model leaks about 3 % of its
 *   note probability off the key at steps whose target is in it (BENCHMARKS.md, "Keeping the key").
 * - `--off-key-penalty λ`: a loss on that leaked probability itself at every step with a key (markOffKeyClasses
 *   marks the classes; rnnGraph.ts offKeyPenalty), which does bring the leak down.
 */
import { isInScale, KEY_TONICS } from '../../core/scale';
import { classEvent } from '../corpus/melodyEvents';
import type { Tune, TuneKey } from '../corpus/tune';

/**
 * 1 on each step of `tune.events[start .. start + length)` that starts a note outside the key annotated at that
 * step, 0 elsewhere; null when the tune has no annotated keys (plain MIDI files), so nothing is weighed.
 */
export function offKeySteps(tune: Pick<Tune, 'events' | 'keys'>, start: number, length: number): Uint8Array | null {
  if (!tune.keys || tune.keys.length === 0) return null;
  const keys = keysAtSteps(tune, start, length);
  return Uint8Array.from(keys, (key, t) => {
    const pitch = tune.events[start + t];
    return key && pitch >= 0 && !inKey(pitch, key) ? 1 : 0;
  });
}

/** Whether the pitch lies in the annotated key's scale (major, or natural minor). */
export function inKey(pitch: number, key: TuneKey): boolean {
  return isInScale(pitch, { tonic: KEY_TONICS[key.tonic], scale: key.mode });
}

/**
 * The key annotated at each step of `tune.events[start .. start + length)`, or undefined where none is (before the
 * first annotation, past the tune's end, or in a tune without keys).
 */
export function keysAtSteps(
  tune: Pick<Tune, 'events' | 'keys'>,
  start: number,
  length: number,
): (TuneKey | undefined)[] {
  const keys = tune.keys ?? [];
  const out = Array.from({ length }, (): TuneKey | undefined => undefined);
  let k = 0;
  for (let t = 0; t < length && keys.length > 0; t++) {
    const i = start + t;
    if (i >= tune.events.length) break;
    while (k + 1 < keys.length && keys[k + 1].start <= i) k++;
    if (keys[k].start <= i) out[t] = keys[k];
  }
  return out;
}

/**
 * For `--off-key-penalty`: 1 on each output class that would start a note outside `key` (pitches moved by `shift`
 * semitones with their window, so the key moves with them), except `targetClass`, the step's real event (the
 * rare real off-key note is not pushed down). Written into `row` (one row of [steps * B, depth]).
 */
export function markOffKeyClasses(
  row: Float32Array,
  key: TuneKey,
  shift: number,
  minPitch: number,
  targetClass: number,
): void {
  for (let c = 0; c < row.length; c++) {
    const event = classEvent(c, minPitch);
    row[c] = event >= 0 && c !== targetClass && !inKey(event - shift, key) ? 1 : 0;
  }
}
