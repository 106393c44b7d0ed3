/**
 * Two-bar training windows for the MusicVAE: 32 steps starting on every bar line of 4/4 tunes (the model's
 * bars are 16 sixteenths; other meters would put its bar lines in the wrong places), wholly inside the tune
 * and holding at least one note. Batches are one-hot, gate-major, randomly transposed within range.
 */
import * as tf from '@tensorflow/tfjs';
import { eventClass, pitchSpan } from '../corpus/melodyEvents';
import type { Tune } from '../corpus/tune';
import type { Rng } from '../random';
import { vaeDepth, type VaeSpec } from './vaeSpec';

export interface VaeWindow {
  /** The window's events (MIDI pitch, NOTE_OFF or NO_EVENT), exactly numSteps long. */
  events: Int16Array;
  /** Lowest and highest pitch in the window. */
  low: number;
  high: number;
}

/** Steps per bar of the model's meter (4/4 in sixteenths). */
export const VAE_STEPS_PER_BAR = 16;

/** Windows of `numSteps` steps starting every `hopBars` bars of every 4/4 tune; windows without notes are left out. */
export function vaeWindows(tunes: Tune[], numSteps: number, hopBars: number): VaeWindow[] {
  const out: VaeWindow[] = [];
  for (const tune of tunes) {
    if (tune.stepsPerBar !== VAE_STEPS_PER_BAR) continue;
    for (let start = 0; start + numSteps <= tune.events.length; start += hopBars * VAE_STEPS_PER_BAR) {
      const events = tune.events.slice(start, start + numSteps);
      const span = pitchSpan(events);
      if (span) out.push({ events, low: span.low, high: span.high });
    }
  }
  return out;
}

/** A random transposition within ±maxShift that keeps the window in the model's range. */
export function randomShift(w: VaeWindow, spec: VaeSpec, maxShift: number, rng: Rng): number {
  const lo = Math.max(-maxShift, spec.minPitch - w.low);
  const hi = Math.min(maxShift, spec.maxPitch - w.high);
  return hi < lo ? 0 : lo + Math.floor(rng.next() * (hi - lo + 1));
}

export interface VaeBatch {
  /** One-hot events per step, [depth, B] each. */
  steps: tf.Tensor2D[];
  /** Class of step t of window b at row t * B + b. */
  targets: tf.Tensor1D;
  /** The same classes as plain numbers, [B][numSteps], for accuracy counts. */
  classes: number[][];
}

/** Builds the tensors of one batch; `shifts[b]` transposes window b. */
export function makeVaeBatch(spec: VaeSpec, windows: VaeWindow[], shifts?: number[]): VaeBatch {
  const depth = vaeDepth(spec);
  const batch = windows.length;
  const classes = windows.map((w, b) =>
    Array.from(w.events, (e) => eventClass(e >= 0 ? e + (shifts?.[b] ?? 0) : e, spec.minPitch)),
  );
  const targets = new Int32Array(spec.numSteps * batch);
  const steps: tf.Tensor2D[] = [];
  for (let t = 0; t < spec.numSteps; t++) {
    const buf = new Float32Array(depth * batch);
    for (let b = 0; b < batch; b++) {
      buf[classes[b][t] * batch + b] = 1;
      targets[t * batch + b] = classes[b][t];
    }
    steps.push(tf.tensor2d(buf, [depth, batch]));
  }
  return { steps, targets: tf.tensor1d(targets, 'int32'), classes };
}

/** Frees a batch's tensors. */
export function disposeVaeBatch(b: VaeBatch): void {
  tf.dispose([...b.steps, b.targets]);
}
