import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { classEvent, notesToEvents } from '../../../src/train/corpus/melodyEvents';
import { echoSteps } from '../../../src/train/data/echoSteps';
import { inputSize, type ModelSpec } from '../../../src/train/data/modelSpec';
import { disposeBatch, makeBatch, type Batch } from '../../../src/train/data/windows';
import { createRng } from '../../../src/train/random';
import { melodyTune, MOTIF_IN_BARS_1_AND_3, quarters } from './motifMelodies';

describe('echo steps: where a melody continues a motif it played before', () => {
  it('marks the second to fourth note of a motif heard earlier, transposed or not, and not its first time', () => {
    const events = MOTIF_IN_BARS_1_AND_3;
    const marks = Array.from(echoSteps(events));
    const marked = marks.flatMap((m, s) => (m ? [s] : []));
    expect(marked).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44]);
  });

  it('counts a repeated figure from its second full time, not against its own overlap', () => {
    // Eight equal quarter notes: windows 0..4 share one motif; window 3 is the first that starts after window 0 ends.
    const marks = echoSteps(quarters([60, 60, 60, 60, 60, 60, 60, 60]));
    expect(marks.indexOf(1)).toBe(16);
    expect(Array.from(marks.slice(16, 29)).every((m) => m === 1)).toBe(true);
  });

  it('with pitch motifs, marks an exact restatement but not the same motif a step higher', () => {
    const exact = quarters([60, 62, 64, 60, 60, 62, 64, 60]);
    expect(Array.from(echoSteps(exact, 'pitches'))).toEqual(Array.from(echoSteps(exact)));
    expect(echoSteps(exact, 'pitches').indexOf(1)).toBe(20);
    const sequence = quarters([60, 62, 64, 60, 62, 64, 66, 62]);
    expect(echoSteps(sequence).indexOf(1)).toBe(20);
    expect(echoSteps(sequence, 'pitches').every((m) => m === 0)).toBe(true);
  });

  it('with repeats, marks every step of a restated stretch within reach, and no figure that only recurs', () => {
    // Bar 1, a new bar, bar 1 again (32 steps on), then bar 2's first motif a fifth up in new surroundings.
    const restated = quarters([60, 62, 64, 60, 67, 65, 64, 62, 60, 62, 64, 60, 74, 72, 71, 69]);
    const marked = (marks: Uint8Array) => Array.from(marks).flatMap((m, s) => (m ? [s] : []));
    expect(marked(echoSteps(restated, 'repeats', 33))).toEqual(Array.from({ length: 16 }, (_, i) => 32 + i));
    // Out of reach, nothing; the interval motifs mark the restatement and the transposed figure alike.
    expect(echoSteps(restated, 'repeats', 31).every((m) => m === 0)).toBe(true);
    expect(marked(echoSteps(restated)).filter((s) => s >= 48).length).toBeGreaterThan(0);
  });

  it('marks nothing in a melody without repeats, with a new rhythm, or without notes', () => {
    expect(echoSteps(quarters([60, 62, 65, 64, 71, 67, 72, 69])).every((m) => m === 0)).toBe(true);
    const rhythm = notesToEvents(
      [60, 62, 64, 60, 67, 69, 71, 67].map((pitch, i) => ({
        pitch,
        start: i < 4 ? i * 4 : 16 + (i - 4) * 2,
        end: i < 4 ? i * 4 + 4 : 18 + (i - 4) * 2,
      })),
    );
    expect(echoSteps(rhythm).every((m) => m === 0)).toBe(true);
    expect(echoSteps(new Int16Array(32).fill(-2)).every((m) => m === 0)).toBe(true);
  });
});

describe('training batches weighted on echo steps', () => {
  const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [8] };
  const events = MOTIF_IN_BARS_1_AND_3;
  const tune = melodyTune(events);

  it('weighs each target continuing an earlier motif by the weight, the rest by 1 and steps past the end by 0', () => {
    const steps = 80; // runs 16 steps past the tune's end
    const tensorsBefore = tf.memory().numTensors;
    const plain = makeBatch(spec, [{ tune, start: 0, shift: 0 }], steps, inputSize(spec));
    const weighted = makeBatch(spec, [{ tune, start: 0, shift: 0 }], steps, inputSize(spec), { echoWeight: 3 });
    const echoes = echoSteps(events);
    const expected = Array.from({ length: steps }, (_, t) => (t + 1 >= events.length ? 0 : echoes[t + 1] ? 3 : 1));
    expect(Array.from(weighted.mask.dataSync())).toEqual(expected);
    expect(Array.from(plain.mask.dataSync())).toEqual(expected.map((w) => Math.min(w, 1)));
    expect(weighted.counted).toBe(plain.counted);
    expect(weighted.counted).toBe(events.length - 1);
    expect(Array.from(weighted.targets.dataSync())).toEqual(Array.from(plain.targets.dataSync()));
    disposeBatch(plain);
    disposeBatch(weighted);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  /** The event each input step of sequence 0 carries (its one-hot), decoded. */
  function inputEvents(batch: Batch): number[] {
    const depth = spec.maxPitch - spec.minPitch + 3;
    return batch.inputs.map((x) => {
      const rows = x.dataSync();
      let cls = 0;
      for (let k = 0; k < depth; k++) if (rows[k] === 1) cls = k;
      return classEvent(cls, spec.minPitch);
    });
  }

  it('with input noise, feeds wrong notes (1-2 semitones off) only at onsets inside echoes, targets untouched', () => {
    const steps = 63;
    const clean = makeBatch(spec, [{ tune, start: 0, shift: 0 }], steps, inputSize(spec));
    const noisy = makeBatch(spec, [{ tune, start: 0, shift: 0 }], steps, inputSize(spec), {
      noise: { rate: 1, rng: createRng(5) },
    });
    const echoes = echoSteps(events);
    const before = inputEvents(clean);
    const after = inputEvents(noisy);
    expect(before).toEqual(Array.from(events.subarray(0, steps)));
    let moved = 0;
    after.forEach((e, t) => {
      if (echoes[t] && before[t] >= 0) {
        expect([1, 2]).toContain(Math.abs(e - before[t]));
        moved++;
      } else expect(e).toBe(before[t]);
    });
    expect(moved).toBeGreaterThanOrEqual(3);
    expect(Array.from(noisy.targets.dataSync())).toEqual(Array.from(clean.targets.dataSync()));
    expect(Array.from(noisy.mask.dataSync())).toEqual(Array.from(clean.mask.dataSync()));
    disposeBatch(clean);
    disposeBatch(noisy);
  });

  it('with input noise at rate 0, builds the same batch as without it', () => {
    const noisy = makeBatch(spec, [{ tune, start: 0, shift: 0 }], 63, inputSize(spec), {
      noise: { rate: 0, rng: createRng(5) },
    });
    const clean = makeBatch(spec, [{ tune, start: 0, shift: 0 }], 63, inputSize(spec));
    expect(inputEvents(noisy)).toEqual(inputEvents(clean));
    disposeBatch(clean);
    disposeBatch(noisy);
  });
});
