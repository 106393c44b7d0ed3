import { beforeAll, describe, expect, it } from 'vitest';
import { useTrainingBackend } from '../../../src/train/backend';
import { inputSize, type ModelSpec } from '../../../src/train/data/modelSpec';
import { offKeySteps } from '../../../src/train/data/offKeySteps';
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
});
