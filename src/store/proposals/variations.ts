import { stepsPerBeat } from '../../core/meter';
import { fitToScale, invert, octave, retrograde, shiftInTime, transposeInScale } from '../../core/transforms';
import type { KeySignature, Note, Steps, TimeSignature } from '../../core/types';
import type { MutationKind } from './types';

/**
 * Musical variations of a candidate, made with core's transforms (no model needed): transpose in the
 * key's scale, invert, retrograde, a rhythmic shift by half a beat, and octaves.
 */

export const MUTATION_LABELS: Record<MutationKind, string> = {
  resample: 'Model rewrites a share',
  'transpose-up': 'Transpose up in scale',
  'transpose-down': 'Transpose down in scale',
  invert: 'Invert',
  retrograde: 'Retrograde',
  shift: 'Rhythmic shift',
  'octave-up': 'Octave up',
  'octave-down': 'Octave down',
};

/**
 * The notes of a variation; `resample` is the model's job and returns null here. With `scaleLock` every
 * pitch a variation moves off the key's scale (an inversion does) is put back on the nearest scale pitch,
 * as the model's own notes are kept on it.
 */
export function musicalVariation(
  kind: MutationKind,
  notes: readonly Note[],
  totalSteps: Steps,
  key: KeySignature,
  ts: TimeSignature,
  scaleLock = false,
): Note[] | null {
  const varied = variationNotes(kind, notes, totalSteps, key, ts);
  return varied && scaleLock ? fitToScale(varied, key) : varied;
}

function variationNotes(
  kind: MutationKind,
  notes: readonly Note[],
  totalSteps: Steps,
  key: KeySignature,
  ts: TimeSignature,
): Note[] | null {
  switch (kind) {
    case 'resample':
      return null;
    case 'transpose-up':
      return transposeInScale(notes, 1, key);
    case 'transpose-down':
      return transposeInScale(notes, -1, key);
    case 'invert':
      return invert(notes);
    case 'retrograde':
      return retrograde(notes, totalSteps);
    case 'shift':
      return shiftInTime(notes, Math.max(1, Math.floor(stepsPerBeat(ts) / 2)), totalSteps);
    case 'octave-up':
      return octave(notes, 1);
    case 'octave-down':
      return octave(notes, -1);
  }
}
