import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { copySources, echoSteps, repeatSources, repeatStarts } from '../../../src/train/data/echoSteps';
import { inputSize, type ModelSpec } from '../../../src/train/data/modelSpec';
import { disposeBatch, makeBatch } from '../../../src/train/data/windows';
import { attentionLogits, type CopySupervision } from '../../../src/train/model/attentionGraph';
import { ATT_V } from '../../../src/train/model/checkpointNames';
import { createModelVariables } from '../../../src/train/model/modelGraph';
import { melodyTune, MOTIF_IN_BARS_1_AND_3, quarters } from './motifMelodies';

beforeAll(async () => {
  await useTrainingBackend('wasm');
});

const events = MOTIF_IN_BARS_1_AND_3;

describe('copy sources: where a repeated motif can be read from', () => {
  it('points each echo step at the step it lines up with in the earlier occurrence, when that is within reach', () => {
    const sources = copySources(events, 40);
    const marked = Array.from(sources).flatMap((j, s) => (j >= 0 ? [[s, j]] : []));
    expect(marked.map(([s]) => s)).toEqual(Array.from(echoSteps(events)).flatMap((m, s) => (m ? [s] : [])));
    // The motif sounded two bars (32 steps) earlier.
    for (const [s, j] of marked) expect(j).toBe(s - 32);
    expect(copySources(events, 31).every((j) => j === -1)).toBe(true);
  });

  it('takes the latest earlier occurrence in reach', () => {
    // The same motif in bars 1, 2 and 3: bar 3 copies bar 2 (16 steps back), bar 2 copies bar 1.
    const repeated = quarters([60, 62, 64, 60, 60, 62, 64, 60, 60, 62, 64, 60]);
    const sources = copySources(repeated, 64);
    expect(sources[37]).toBe(21);
    expect(sources[21]).toBe(5);
  });
});

describe('repeat sources: exact restatements, from their first step', () => {
  // Bars 1-2, two new bars, then bars 1-2 again (bars 5-6), as folk tunes bring back their opening.
  const opening = [60, 62, 64, 65, 67, 65, 64, 62];
  const restated = quarters([...opening, 72, 71, 69, 67, 65, 64, 62, 60, ...opening]);

  it('marks every step of the restatement, its first included, with the step four bars back', () => {
    const sources = repeatSources(restated, 65);
    for (let s = 64; s < 96; s++) expect(sources[s]).toContain(s - 64);
    // Not there when the memory is too short to hold it.
    const short = repeatSources(restated, 63);
    for (let s = 64; s < 96; s++) expect(short[s]).not.toContain(s - 64);
  });

  it('leaves transposed repeats, short runs and held notes unmarked', () => {
    // MOTIF_IN_BARS_1_AND_3 brings its motif back a fifth up: a motif echo, not an exact repeat.
    expect(repeatSources(events, 64).every((from) => from.length === 0)).toBe(true);
    // One note held for 4 bars: long equal runs, but no onsets in them.
    const held = quarters([60]).slice(0, 4);
    const long = new Int16Array(64).fill(-2);
    long.set(held);
    expect(repeatSources(long, 64).every((from) => from.length === 0)).toBe(true);
    // Two quarter notes repeated once (8 steps, 2 onsets) is below three onsets.
    expect(repeatSources(quarters([60, 62, 60, 62]), 64).every((from) => from.length === 0)).toBe(true);
  });
});

describe('repeat starts: where a restatement begins', () => {
  // No three notes of the opening come back in the two bars after it, so only the restatement is a repeat.
  const opening = [60, 62, 64, 65, 67, 69, 71, 72];
  const middle = [74, 76, 77, 79, 81, 79, 77, 76];
  const marked = (marks: Uint8Array) => Array.from(marks).flatMap((m, s) => (m ? [s] : []));

  it('marks the first step of a restatement that starts on a note, and only that', () => {
    const restated = quarters([...opening, ...middle, ...opening]);
    expect(marked(repeatStarts(restated, 65))).toEqual([64]);
    expect(marked(repeatStarts(restated, 63))).toEqual([]);
  });

  it('marks from the first equal step to the first note when the run starts on held steps', () => {
    // A pickup quarter (B) before the opening: the restatement's steps equal the ones 64 back from the pickup's
    // held steps on (steps 65-67 hold a note as steps 1-3 do), and its first note is at step 68.
    const withPickup = quarters([59, ...opening, ...middle, ...opening]);
    expect(marked(repeatStarts(withPickup, 65))).toEqual([65, 66, 67, 68]);
  });

  it('with a lag, marks only the restatements of what sounded exactly that many steps before', () => {
    // The opening comes back two bars on (32 steps) and again four bars on (64 steps after the first).
    const twice = quarters([...opening, ...opening, ...middle]);
    expect(marked(repeatStarts(twice, 65))).toEqual([32]);
    expect(marked(repeatStarts(twice, 65, 8, 3, 32))).toEqual([32]);
    expect(marked(repeatStarts(twice, 65, 8, 3, 64))).toEqual([]);
    const restated = quarters([...opening, ...middle, ...opening]);
    expect(marked(repeatStarts(restated, 65, 8, 3, 64))).toEqual([64]);
  });

  it('a batch with --return-lag-bars weighs only the four-bar return', () => {
    const both = quarters([...opening, ...opening.slice(0, 4), ...middle.slice(0, 4), ...opening]);
    const tune = melodyTune(both);
    const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [16] };
    const weights = (returnLagBars: number) => {
      const batch = makeBatch(spec, [{ tune, start: 0, shift: 0 }], both.length - 1, inputSize(spec), {
        copyLength: 64,
        returnWeight: 5,
        returnLagBars,
      });
      const heavy = Array.from(batch.mask.dataSync()).flatMap((w, t) => (w === 5 ? [t + 1] : []));
      disposeBatch(batch);
      return heavy;
    };
    // Any lag: the half-opening two bars on (step 32), the whole opening four bars on (step 64), and a run of
    // held steps equal at a shorter lag just before it (61-63).
    expect(weights(0)).toEqual([32, 61, 62, 63, 64]);
    expect(weights(4)).toEqual([64]);
  });

  it('weighs those targets by the return weight in a training batch, over the echo weight', () => {
    const withPickup = quarters([59, ...opening, ...middle, ...opening]);
    const tune = melodyTune(withPickup);
    const steps = withPickup.length - 1;
    const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [16] };
    const batch = makeBatch(spec, [{ tune, start: 0, shift: 0 }], steps, inputSize(spec), {
      echoWeight: 2,
      copyLength: 64,
      returnWeight: 5,
    });
    const mask = Array.from(batch.mask.dataSync());
    const echoes = echoSteps(withPickup);
    // The target of input step t is step t + 1.
    mask.forEach((w, t) => expect(w).toBe([65, 66, 67, 68].includes(t + 1) ? 5 : echoes[t + 1] ? 2 : 1));
    expect(mask.filter((w) => w === 2).length).toBeGreaterThan(0);
    disposeBatch(batch);
  });
});

describe('copy supervision in a training batch and the attention graph', () => {
  const L = 40;
  const spec: ModelSpec = {
    kind: 'melody',
    minPitch: 48,
    maxPitch: 83,
    auxBits: 5,
    hidden: [8, 8, 8],
    attentionLength: L,
  };
  const tune = melodyTune(events);

  it('marks, at input step t, the memory slot holding the output of the source step (slot k = step t - L + k)', () => {
    const batch = makeBatch(spec, [{ tune, start: 0, shift: 0 }], 63, inputSize(spec), { copyLength: L });
    const sources = copySources(events, L + 1);
    let marked = 0;
    batch.copySlots!.forEach((slots, t) => {
      const source = sources[t + 1];
      if (source < 0) return expect(slots).toBeNull();
      const row = Array.from(slots!.dataSync());
      expect(row.indexOf(1)).toBe(source - t + L);
      expect(row.reduce((a, b) => a + b, 0)).toBe(1);
      marked++;
    });
    expect(marked).toBeGreaterThan(0);
    expect(batch.copyCounted).toBe(marked);
    disposeBatch(batch);
  });

  it('adds -log of the attention weight on the marked slots: log L when the attention is uniform', () => {
    const vars = createModelVariables(spec, 3);
    vars[ATT_V].assign(tf.zeros([8])); // every score 0: weights 1 / L
    const batch = makeBatch(spec, [{ tune, start: 0, shift: 0 }], 63, inputSize(spec), { copyLength: L });
    const copy: CopySupervision = { slots: batch.copySlots!, counted: batch.copyCounted! };
    const plain = attentionLogits(vars, batch.inputs, L).dataSync();
    const supervised = attentionLogits(vars, batch.inputs, L, copy).dataSync();
    expect(copy.loss!.dataSync()[0]).toBeCloseTo(Math.log(L), 4);
    // Watching where the model looks does not change what it predicts.
    expect(Math.max(...Array.from(plain, (x, i) => Math.abs(x - supervised[i])))).toBeLessThan(1e-6);
    disposeBatch(batch);
  });

  it('with exact repeats, counts a target once and takes -log of the weight on all its marked slots', () => {
    // One bar four times: from bar 3 on each target can be read one and two bars back.
    const bar = [60, 62, 64, 65];
    const restated = quarters([...bar, ...bar, ...bar, ...bar]);
    const vars = createModelVariables(spec, 3);
    vars[ATT_V].assign(tf.zeros([8]));
    const batch = makeBatch(spec, [{ tune: melodyTune(restated), start: 0, shift: 0 }], 47, inputSize(spec), {
      copyLength: L,
      copyMode: 'repeats',
    });
    const copy: CopySupervision = { slots: batch.copySlots!, counted: batch.copyCounted! };
    attentionLogits(vars, batch.inputs, L, copy);
    // Uniform weights (1 / L, unwritten slots included): each target loses log(L / its marks).
    let expected = 0;
    let targets = 0;
    batch.copySlots!.forEach((slots) => {
      if (!slots) return;
      const marks = Array.from(slots.dataSync()).reduce((a, b) => a + b, 0);
      expected += Math.log(L / marks);
      targets++;
    });
    expect(batch.copyCounted).toBe(targets);
    expect(batch.copySlots!.some((m) => m && Array.from(m.dataSync()).reduce((a, b) => a + b, 0) > 1)).toBe(true);
    expect(copy.loss!.dataSync()[0]).toBeCloseTo(expected / targets, 4);
    disposeBatch(batch);
  });
});
