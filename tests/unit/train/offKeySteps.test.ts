import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { inputSize, type ModelSpec } from '../../../src/train/data/modelSpec';
import * as tf from '@tensorflow/tfjs';
import { eventClass } from '../../../src/train/corpus/melodyEvents';
import { offKeySteps } from '../../../src/train/data/offKeySteps';
import { offKeyPenalty } from '../../../src/train/model/rnnGraph';
import { disposeBatch, makeBatch } from '../../../src/train/data/windows';
import { melodyTune, quarters } from './motifMelodies';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

// C D Eb F | G Ab Bb B: in C major for the first bar, C minor (natural) from the second.
const events = quarters([60, 62, 63, 65, 67, 68, 70, 71]);
const keys = [
  { start: 0, tonic: 0, mode: 'major' as const },
  { start: 16, tonic: 0, mode: 'minor' as const },
];
const onsets = (marks: Uint8Array | null) => Array.from(marks ?? []).flatMap((m, t) => (m ? [t] : []));

describe('off-key steps: notes outside the key annotated where they start', () => {
  it('marks the onsets outside the key in force at each step, following key changes', () => {
    // Eb is off C major (step 8); B is off C natural minor (step 28); Ab and Bb are in C minor.
    expect(onsets(offKeySteps({ events, keys }, 0, events.length))).toEqual([8, 28]);
    // A stretch later in the tune counts from its own start.
    expect(onsets(offKeySteps({ events, keys }, 4, 28))).toEqual([4, 24]);
  });

  it('marks nothing without annotated keys, nor before the first one', () => {
    expect(offKeySteps({ events }, 0, events.length)).toBeNull();
    const lateKey = [{ start: 16, tonic: 2, mode: 'major' as const }];
    expect(onsets(offKeySteps({ events, keys: lateKey }, 0, events.length))).toEqual([20, 24]);
  });

  it('weighs those targets by the off-key weight in a training batch, over the other weights', () => {
    const tune = { ...melodyTune(events), keys };
    const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [16] };
    const steps = events.length - 1;
    const masks = (offKeyWeight?: number) => {
      const batch = makeBatch(spec, [{ tune, start: 0, shift: 3 }], steps, inputSize(spec), { offKeyWeight });
      const mask = Array.from(batch.mask.dataSync());
      disposeBatch(batch);
      return mask;
    };
    // The target of input step t is step t + 1; a transposed window keeps the same off-key notes.
    const light = masks(0.25);
    light.forEach((w, t) => expect(w).toBe([8, 28].includes(t + 1) ? 0.25 : 1));
    expect(masks().every((w) => w === 1)).toBe(true);
  });

  it('marks the output classes off the key (moved with the window), never the real target, and the penalty reads them', () => {
    const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [16] };
    const tune = { ...melodyTune(events), keys };
    const steps = events.length - 1;
    const batch = makeBatch(spec, [{ tune, start: 0, shift: 2 }], steps, inputSize(spec), { offKeyClasses: true });
    const depth = batch.offKeyClasses!.shape[1];
    const rows = batch.offKeyClasses!.arraySync();
    // Target of input step 0 is step 1 (C major there; the window is 2 semitones up, so D major's pitch classes).
    const offAt = (row: number[]) => row.flatMap((m, c) => (m ? [c] : []));
    const dMajorOff = Array.from({ length: 36 }, (_, i) => 48 + i)
      .filter((p) => ![2, 4, 6, 7, 9, 11, 1].includes(p % 12))
      .map((p) => eventClass(p, 48));
    expect(offAt(rows[0])).toEqual(dMajorOff);
    // The real off-key Eb (target of step 7, moved to F) is not marked against itself; the other off-key classes are.
    const target = eventClass(63 + 2, 48);
    expect(rows[7][target]).toBe(0);
    expect(offAt(rows[7]).length).toBe(dMajorOff.length - 1);
    expect(batch.keyedRows).toBe(steps);
    // A model certain of an in-key note pays nothing; one spreading evenly over all classes pays -log(1 - off share).
    const sure = tf.tensor2d(
      Array.from({ length: steps }, () => Array.from({ length: depth }, (_, c) => (c === eventClass(62, 48) ? 50 : 0))),
    );
    expect(offKeyPenalty(sure, batch.offKeyClasses!, batch.keyedRows!).dataSync()[0]).toBeLessThan(1e-6);
    const even = tf.zeros([steps, depth]) as tf.Tensor2D;
    const expected = rows.reduce((s, row) => s - Math.log(1 - row.reduce((a, m) => a + m, 0) / depth), 0) / steps;
    expect(offKeyPenalty(even, batch.offKeyClasses!, batch.keyedRows!).dataSync()[0]).toBeCloseTo(expected, 5);
    tf.dispose([sure, even]);
    disposeBatch(batch);
  });
});
