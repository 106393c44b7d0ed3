import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_CHORD } from '../../../src/train/corpus/chordSymbols';
import { HOLD, notesToEvents } from '../../../src/train/corpus/melodyEvents';
import { openingBarStep, type Tune } from '../../../src/train/corpus/tune';
import { inputSize, type ModelSpec } from '../../../src/train/data/modelSpec';
import { binaryCounterBit } from '../../../src/train/data/stepFeatures';
import { disposeBatch, makeBatch, tuneWindows } from '../../../src/train/data/windows';
import { scoreTunes } from '../../../src/train/eval/scoreModel';
import { createModelVariables } from '../../../src/train/model/modelGraph';

const spec: ModelSpec = { kind: 'melody', minPitch: 48, maxPitch: 83, auxBits: 5, hidden: [16] };

/** A 4/4 tune: `pickupBars` bars holding only a last-beat pickup note, then quarter notes for `bars` bars. */
function tuneWithPickup(pickupBars: number, bars = 8): Tune {
  const notes = [];
  if (pickupBars > 0) notes.push({ pitch: 55, start: pickupBars * 16 - 4, end: pickupBars * 16 });
  for (let q = 0; q < bars * 4; q++)
    notes.push({ pitch: 60 + ((q * 5) % 12), start: pickupBars * 16 + q * 4, end: pickupBars * 16 + q * 4 + 4 });
  const events = notesToEvents(notes, (pickupBars + bars) * 16);
  return {
    name: `pickup${pickupBars}`,
    events,
    chords: Array.from(events, () => NO_CHORD),
    hasChords: false,
    stepsPerBar: 16,
    offGridNotes: 0,
    melodyNotes: notes.length,
  };
}

describe('the opening bar a tune counts its phrases from', () => {
  it('is the first bar with a note on its downbeat: after a pickup, at 0 without one or without notes', () => {
    expect(openingBarStep(tuneWithPickup(1))).toBe(16);
    expect(openingBarStep(tuneWithPickup(0))).toBe(0);
    expect(openingBarStep({ events: new Int16Array(64).fill(HOLD), stepsPerBar: 16 })).toBe(0);
  });
});

describe('training windows with the counter anchored at the opening bar', () => {
  it('start each window at its distance from the opening bar, or at 0 when not anchored', () => {
    const tune = tuneWithPickup(1, 12);
    const anchored = tuneWindows([tune], 64, 2, true);
    expect(anchored.map((w) => w.start)).toEqual([0, 32, 64, 96, 128, 160]);
    expect(anchored.map((w) => w.counterStart)).toEqual([-16, 16, 48, 80, 112, 144]);
    expect(tuneWindows([tune], 64, 2).every((w) => w.counterStart === 0)).toBe(true);
  });

  it('from the opening bar: one window from the pickup, then every hop from the opening bar (counter 0)', () => {
    const tune = tuneWithPickup(1, 24);
    const phrases = tuneWindows([tune], 128, 8, true, true);
    expect(phrases.map((w) => w.start)).toEqual([0, 16, 144, 272]);
    expect(phrases.map((w) => w.counterStart)).toEqual([-16, 0, 128, 256]);
    const noPickup = tuneWindows([tuneWithPickup(0, 24)], 128, 8, true, true);
    expect(noPickup.map((w) => w.start)).toEqual([0, 128, 256]);
  });

  it('feed the counter bits of the anchored count, wrapping before the opening bar', () => {
    const tune = tuneWithPickup(1);
    const [first] = tuneWindows([tune], 48, 2, true);
    const batch = makeBatch(spec, [first], 48, inputSize(spec));
    const counterRow = inputSize(spec) - spec.auxBits;
    for (const t of [0, 15, 16, 17, 47]) {
      const column = batch.inputs[t].dataSync();
      const bits = Array.from({ length: spec.auxBits }, (_, b) => column[counterRow + b]);
      // Step t of the window is t - 16 steps from the opening bar: the pickup bar counts 16..31 of the cycle of 32.
      const count = (((t - 16) % 32) + 32) % 32;
      expect(bits).toEqual(Array.from({ length: spec.auxBits }, (_, b) => binaryCounterBit(count, b)));
    }
    disposeBatch(batch);
  });
});

describe('scoring whole tunes the way an anchored model was trained', () => {
  const vars = createModelVariables(spec, 3);
  afterAll(() => tf.dispose(Object.values(vars)));

  it('changes nothing when the opening bar is a whole counter cycle in, and changes the score after a one-bar pickup', async () => {
    const twoBars = tuneWithPickup(2);
    expect((await scoreTunes(vars, spec, [twoBars], true)).nll).toBeCloseTo(
      (await scoreTunes(vars, spec, [twoBars])).nll,
      6,
    );
    const oneBar = tuneWithPickup(1);
    const plain = await scoreTunes(vars, spec, [oneBar]);
    const anchored = await scoreTunes(vars, spec, [oneBar], true);
    expect(Math.abs(anchored.nll - plain.nll)).toBeGreaterThan(1e-4);
    expect(anchored.events).toBe(plain.events);
  });
});
