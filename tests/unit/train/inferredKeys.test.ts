import { describe, expect, it } from 'vitest';
import { notesToEvents } from '../../../src/train/corpus/melodyEvents';
import { inferredKeys, withInferredKeys } from '../../../src/train/corpus/inferredKeys';
import { offKeySteps } from '../../../src/train/data/offKeySteps';
import { melodyTune, quarters } from './motifMelodies';

// Four bars of quarters up and down G major (with its C and F#), then four of D major (with C#).
const G_MAJOR = [67, 69, 71, 72, 74, 76, 78, 79, 79, 78, 76, 74, 72, 71, 69, 67];
const D_MAJOR = [74, 76, 78, 79, 81, 83, 85, 86, 86, 85, 83, 81, 79, 78, 76, 74];
const tonics = (keys: { start: number; tonic: number }[]) => keys.map(({ start, tonic }) => [start, tonic]);

describe('keys inferred from the notes of tunes without annotations', () => {
  it('takes, per four bars, the major scale holding the most onsets: a strain in the dominant gets its own key', () => {
    expect(tonics(inferredKeys(melodyTune(quarters([...G_MAJOR, ...D_MAJOR]))))).toEqual([
      [0, 7],
      [64, 2],
    ]);
  });

  it('counts the blocks from the opening bar, the pickup joining the first block', () => {
    const pickup = { pitch: 62, start: 12, end: 16 };
    const notes = [...G_MAJOR, ...D_MAJOR].map((pitch, i) => ({ pitch, start: 16 + i * 4, end: 20 + i * 4 }));
    expect(tonics(inferredKeys(melodyTune(notesToEvents([pickup, ...notes]))))).toEqual([
      [0, 7],
      [80, 2],
    ]);
  });

  it('settles a block whose few notes fit several scales by the whole tune, and merges equal keys', () => {
    // G A B D fits C, G and D major alike; the whole tune is in G.
    const tune = melodyTune(quarters([...G_MAJOR, 67, 69, 71, 74, 67, 69, 71, 74, 67, 69, 71, 74, 67, 69, 71, 74]));
    expect(tonics(inferredKeys(tune))).toEqual([[0, 7]]);
  });

  it('leaves annotated keys alone and finds none in a tune without notes', () => {
    const annotated = { ...melodyTune(quarters(D_MAJOR)), keys: [{ start: 0, tonic: 0, mode: 'minor' as const }] };
    expect(withInferredKeys(annotated)).toBe(annotated);
    expect(inferredKeys(melodyTune(new Int16Array(32).fill(-2)))).toEqual([]);
  });

  it('gives the off-key steps of the penalty: the F natural of a G major strain', () => {
    const tune = withInferredKeys(melodyTune(quarters([...G_MAJOR.slice(0, 15), 65])));
    const marked = Array.from(offKeySteps(tune, 0, tune.events.length) ?? []).flatMap((m, t) => (m ? [t] : []));
    expect(marked).toEqual([60]);
  });
});
