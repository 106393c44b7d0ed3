/**
 * Training windows: stretches of T + 1 steps (T inputs, T targets) starting on bar lines, so the
 * BinaryCounter's count lines up with the meter as it does for a phrase in the app; anchored, it also counts
 * from where the tune's phrases start (its opening bar), as the app's phrases do.
 * Random transposition (within the pitch range) is applied per window for augmentation.
 */
import * as tf from '@tensorflow/tfjs';
import { transposeChord } from '../corpus/chordSymbols';
import { eventClass, HOLD, pitchSpan } from '../corpus/melodyEvents';
import { openingBarStep, type Tune } from '../corpus/tune';
import { copySourceLists, type CopyMode, type EchoMotifs, echoSteps, repeatStarts } from './echoSteps';
import { melodyEventDepth } from '../../core/melodyEvents';
import { keysAtSteps, markOffKeyClasses, offKeySteps } from './offKeySteps';
import type { Rng } from '../random';
import type { ModelSpec } from './modelSpec';
import { counterStep, writeStepInput } from './stepFeatures';

export interface Window {
  tune: Tune;
  start: number;
  /** Semitones to move this window by (0 for validation). */
  shift: number;
  /**
   * The BinaryCounter's count at the window's first step: 0 counts from the window start; with the counter
   * anchored, the steps from the tune's opening bar (negative in a pickup), as a phrase in the app counts.
   */
  counterStart?: number;
}

/**
 * Windows of `steps` steps starting on bar lines every `hopBars` bars, or (hopBars = 0) back to back with no
 * overlap; the last ones may run past the tune end (those steps are masked). `anchorCounter` counts each
 * window's BinaryCounter from the tune's opening bar instead of from the window start. `fromOpening` starts the
 * hops at the opening bar instead of the tune's first step (plus one window from the start for a pickup), so a
 * window's fresh state meets a phrase start as a generation from the musician's opening bars does.
 */
export function tuneWindows(
  tunes: Tune[],
  steps: number,
  hopBars: number,
  anchorCounter = false,
  fromOpening = false,
): Window[] {
  const out: Window[] = [];
  for (const tune of tunes) {
    const bar = tune.stepsPerBar;
    const hop = hopBars > 0 ? hopBars * bar : Math.max(bar, Math.floor(steps / bar) * bar);
    const opening = openingBarStep(tune);
    const first = fromOpening ? opening : 0;
    const starts = fromOpening && opening > 0 ? [0] : [];
    for (let start = first; start === first || start + steps / 2 < tune.events.length - 1; start += hop)
      starts.push(start);
    for (const start of starts) out.push({ tune, start, shift: 0, counterStart: anchorCounter ? start - opening : 0 });
  }
  return out;
}

/** The semitone shifts within ±maxShift that keep the whole tune inside the pitch range. */
export function allowedShifts(tune: Tune, spec: ModelSpec, maxShift: number): number[] {
  const span = pitchSpan(tune.events);
  const shifts: number[] = [];
  if (!span) return [0];
  for (let s = -maxShift; s <= maxShift; s++) {
    if (span.low + s >= spec.minPitch && span.high + s <= spec.maxPitch) shifts.push(s);
  }
  return shifts.length ? shifts : [0];
}

export interface Batch {
  /** One gate-major [inputSize, B] tensor per step. */
  inputs: tf.Tensor2D[];
  /** Target class of row t * B + b. */
  targets: tf.Tensor1D;
  /**
   * The weight of each target in the mean loss: 0 past the tune end, else 1 (or echoWeight on echo steps,
   * returnWeight where a repeat starts), times offKeyWeight on notes outside the annotated key.
   */
  mask: tf.Tensor1D;
  /** Targets inside the tune. */
  counted: number;
  /**
   * With copy supervision (attention models): per input step, [B, L] marking the memory slots that hold what the
   * step's target repeats (copySourceLists: one slot for a motif, any number for exact repeats), or null when no
   * sequence has one at that step.
   */
  copySlots?: (tf.Tensor2D | null)[];
  /** Targets with at least one marked slot in copySlots. */
  copyCounted?: number;
  /**
   * With `offKeyClasses`: [T * B, depth], 1 on the classes that would start a note outside the key annotated at
   * that row's target (markOffKeyClasses); rows without a key are all 0. `keyedRows` counts the rows with a key.
   */
  offKeyClasses?: tf.Tensor2D;
  keyedRows?: number;
}

/**
 * Wrong notes in the inputs of echo steps (`--input-noise`): the share of note onsets inside a repeated motif
 * whose input pitch is moved by 1 or 2 semitones, the target left as the tune has it. Sampling at T = 1, a model
 * plays a wrong note inside a repeat now and then; trained on clean inputs only, it has never had to find its
 * way back to the motif after one (it loses the repeat), and with this it has.
 */
export interface InputNoise {
  rate: number;
  rng: Rng;
}

/** What a training batch adds to plain next-event targets; every field is off when left out. */
export interface BatchOptions {
  /** Targets that continue a motif heard earlier in the window (echoSteps) weigh this much in the loss (1). */
  echoWeight?: number;
  /** What counts as a motif heard before for echoWeight and the input noise (echoSteps; 'intervals'). */
  echoMotifs?: EchoMotifs;
  /** An attention model's L: copySlots marks where in the memory each repeating target's source sits (0: none). */
  copyLength?: number;
  /** Which steps count as repeats for copySlots (copySourceLists; 'motifs'). */
  copyMode?: CopyMode;
  /**
   * Targets where an exact repeat within the memory's reach starts (repeatStarts) weigh this much (1); over
   * the echo weight where both apply.
   */
  returnWeight?: number;
  /** Only the repeats of what sounded exactly this many bars earlier get returnWeight (0: any lag). */
  returnLagBars?: number;
  /** Some inputs inside echoes are wrong notes (InputNoise). */
  noise?: InputNoise;
  /** Targets that start a note outside the annotated key (offKeySteps) weigh this much more or less (1: plain). */
  offKeyWeight?: number;
  /** Build offKeyClasses, for a loss on the probability the model gives notes outside the key (`--off-key-penalty`). */
  offKeyClasses?: boolean;
}

/** Builds the tensors of one batch of windows (T steps each); `options` adds weights and copy targets. */
export function makeBatch(
  spec: ModelSpec,
  windows: Window[],
  steps: number,
  inSize: number,
  options: BatchOptions = {},
): Batch {
  const {
    echoWeight = 1,
    echoMotifs = 'intervals',
    copyLength = 0,
    copyMode = 'motifs',
    returnWeight = 1,
    returnLagBars = 0,
    noise,
    offKeyWeight = 1,
    offKeyClasses = false,
  } = options;
  const batch = windows.length;
  const depth = melodyEventDepth(spec);
  const offKeyRows = offKeyClasses ? new Float32Array(steps * batch * depth) : null;
  let keyedRows = 0;
  const slots: (Float32Array | null)[] = Array.from({ length: steps }, () => null);
  let copyCounted = 0;
  const targets = new Int32Array(steps * batch);
  const mask = new Float32Array(steps * batch);
  const inputs: tf.Tensor2D[] = [];
  const buffers = Array.from({ length: steps }, () => new Float32Array(inSize * batch));
  let counted = 0;
  windows.forEach((w, b) => {
    const { events, chords } = w.tune;
    const stretch = events.subarray(w.start, w.start + steps + 1);
    // At input step t the memory's slot k holds the output of step t - L + k, so a target (step t + 1) can be
    // pointed at sources from t - L to t - 1: at most L + 1 steps before it.
    const sources = copyLength > 0 ? copySourceLists(stretch, copyLength + 1, copyMode) : null;
    // Without a memory, any repeat in the window counts.
    const reach = copyLength > 0 ? copyLength + 1 : steps;
    const echoes = echoWeight === 1 && !noise?.rate ? null : echoSteps(stretch, echoMotifs, reach);
    const lag = returnLagBars > 0 ? returnLagBars * w.tune.stepsPerBar : undefined;
    const returns = returnWeight === 1 ? null : repeatStarts(stretch, reach, 8, 3, lag);
    const offKey = offKeyWeight === 1 ? null : offKeySteps(w.tune, w.start, steps + 1);
    const keys = offKeyRows ? keysAtSteps(w.tune, w.start, steps + 1) : null;
    for (let t = 0; t < steps; t++) {
      const i = w.start + t;
      const clean = i < events.length ? shifted(events[i], w.shift) : HOLD;
      const event = noise?.rate && echoes?.[t] && clean >= 0 ? wrongNote(clean, spec, noise) : clean;
      const nextChord = i + 1 < chords.length ? transposeChord(chords[i + 1], w.shift) : undefined;
      writeStepInput(spec, buffers[t], batch, b, counterStep(spec, (w.counterStart ?? 0) + t), event, nextChord);
      if (i + 1 < events.length) {
        targets[t * batch + b] = eventClass(shifted(events[i + 1], w.shift), spec.minPitch);
        const weight = returns?.[t + 1] ? returnWeight : echoes?.[t + 1] ? echoWeight : 1;
        mask[t * batch + b] = offKey?.[t + 1] ? weight * offKeyWeight : weight;
        const key = keys?.[t + 1];
        if (offKeyRows && key) {
          const row = (t * batch + b) * depth;
          const target = targets[t * batch + b];
          markOffKeyClasses(offKeyRows.subarray(row, row + depth), key, w.shift, spec.minPitch, target);
          keyedRows++;
        }
        counted++;
        const from = sources ? sources[t + 1] : [];
        if (from.length > 0) {
          slots[t] ??= new Float32Array(batch * copyLength);
          for (const source of from) slots[t]![b * copyLength + source - t + copyLength] = 1;
          copyCounted++;
        }
      }
    }
  });
  for (const buf of buffers) inputs.push(tf.tensor2d(buf, [inSize, batch]));
  const copy =
    copyLength > 0
      ? { copySlots: slots.map((m) => (m ? tf.tensor2d(m, [batch, copyLength]) : null)), copyCounted }
      : {};
  const offKeyPart = offKeyRows ? { offKeyClasses: tf.tensor2d(offKeyRows, [steps * batch, depth]), keyedRows } : {};
  return { inputs, targets: tf.tensor1d(targets, 'int32'), mask: tf.tensor1d(mask), counted, ...copy, ...offKeyPart };
}

/** With probability `noise.rate`, a pitch 1 or 2 semitones up or down (inside the model's range); else `pitch`. */
function wrongNote(pitch: number, spec: ModelSpec, noise: InputNoise): number {
  if (noise.rng.next() >= noise.rate) return pitch;
  const step = [-2, -1, 1, 2][Math.floor(noise.rng.next() * 4)];
  const moved = pitch + step;
  return moved >= spec.minPitch && moved <= spec.maxPitch ? moved : pitch - step;
}

function shifted(event: number, shift: number): number {
  return event >= 0 ? event + shift : event;
}

/** Frees a batch's tensors. */
export function disposeBatch(b: Batch): void {
  tf.dispose([
    ...b.inputs,
    b.targets,
    b.mask,
    ...(b.copySlots ?? []).filter((m) => m !== null),
    ...(b.offKeyClasses ? [b.offKeyClasses] : []),
  ]);
}
