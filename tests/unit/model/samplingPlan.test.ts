import { describe, expect, it } from 'vitest';
import { NOTE_OFF } from '../../../src/core/melodyEvents';
import { encodeChord, chordsPerStep } from '../../../src/model/chordEncoding';
import { parseMelodyRnnConfig, type MelodyRnnSpec } from '../../../src/model/checkpointSpec';
import { candidateNotes, FREE, planSampling } from '../../../src/model/samplingPlan';
import type { ProposalRequest } from '../../../src/model/types';

function spec(config: Record<string, unknown> = {}): MelodyRnnSpec {
  return {
    ...parseMelodyRnnConfig({
      type: 'MusicRNN',
      dataConverter: { type: 'MelodyConverter', args: { minPitch: 48, maxPitch: 83 } },
      ...config,
    }),
    layers: [8],
  };
}
const request: ProposalRequest = { candidates: 4, steps: 16, temperature: 1, seed: 1 };

describe('sampling plan', () => {
  it('primes with one silent step when there is no primer', () => {
    expect(Array.from(planSampling(request, spec()).primerEvents)).toEqual([0]);
  });

  it('forces a locked note at its start, "no event" while it sounds, and a change where it ends', () => {
    const plan = planSampling({ ...request, lockedNotes: [{ pitch: 60, start: 2, length: 3, velocity: 90 }] }, spec());
    expect(Array.from(plan.forced.subarray(0, 6))).toEqual([FREE, FREE, 14, 0, 0, FREE]);
    expect(plan.mustChange[5]).toBe(1);
    expect(plan.mustChange[4]).toBe(0);
  });

  it('allows only in-scale note-ons inside the range, and always no-event and note-off', () => {
    const plan = planSampling({ ...request, scalePitchClasses: [0, 7], range: { min: 55, max: 72 } }, spec());
    const allowedPitches = [...plan.allowed].flatMap((ok, event) => (ok && event >= 2 ? [event - 2 + 48] : []));
    expect(allowedPitches).toEqual([55, 60, 67, 72]);
    expect(plan.allowed[0]).toBe(1);
    expect(plan.allowed[NOTE_OFF]).toBe(1);
  });

  it('conditions input step i on the chord of step i + 1 and BinaryCounter of step i', () => {
    const s = spec({ chordEncoder: 'PitchChordEncoder', auxInputs: [{ type: 'BinaryCounter', args: { numBits: 2 } }] });
    const plan = planSampling(
      {
        ...request,
        steps: 4,
        chords: [
          { start: 0, symbol: 'C' },
          { start: 2, symbol: 'G' },
        ],
      },
      s,
    );
    const width = 37 + 2;
    const row = (i: number) => Array.from(plan.conditioning.subarray(i * width, (i + 1) * width));
    // Primer is one step, so input 0 hears candidate step 0 (C), input 1 hears step 1 (C), input 2 hears step 2 (G).
    expect(row(0).slice(0, 37)).toEqual(Array.from(encodeChord('C', 'PitchChordEncoder')));
    expect(row(2).slice(0, 37)).toEqual(Array.from(encodeChord('G', 'PitchChordEncoder')));
    expect(row(0).slice(37)).toEqual([1, -1]); // step 0 counts 1
    expect(row(1).slice(37)).toEqual([-1, 1]); // step 1 counts 2
  });

  it('refuses overlapping or out-of-candidate locked notes and chordless requests to chord models', () => {
    const overlap = [
      { pitch: 60, start: 0, length: 4, velocity: 90 },
      { pitch: 62, start: 2, length: 1, velocity: 90 },
    ];
    expect(() => planSampling({ ...request, lockedNotes: overlap }, spec())).toThrow(/overlap/);
    expect(() =>
      planSampling({ ...request, lockedNotes: [{ pitch: 60, start: 16, length: 1, velocity: 90 }] }, spec()),
    ).toThrow(/outside/);
    expect(() => planSampling(request, spec({ chordEncoder: 'PitchChordEncoder' }))).toThrow(/chord/);
    expect(() => planSampling({ ...request, candidates: 0 }, spec())).toThrow(/Candidates/);
  });

  it('puts locked notes back exactly as given when decoding', () => {
    const locked = { pitch: 100, start: 2, length: 3, velocity: 33 };
    const events = new Int32Array([16, 0, 2 + 88 - 48, 0, 0, 1, 0, 0]);
    expect(candidateNotes(events, { ...request, lockedNotes: [locked] }, spec())).toEqual([
      { pitch: 62, start: 0, length: 2, velocity: 96 },
      locked,
    ]);
  });
});

describe('chord encoding', () => {
  it('encodes PitchChordEncoder as [no chord, root, pitch classes, bass]', () => {
    const am = Array.from(encodeChord('Am', 'PitchChordEncoder'));
    const ones = am.flatMap((v, i) => (v ? [i] : []));
    expect(ones).toEqual([1 + 9, 13 + 0, 13 + 4, 13 + 9, 25 + 9]);
    expect(Array.from(encodeChord('N.C.', 'PitchChordEncoder')).indexOf(1)).toBe(0);
  });

  it('encodes major/minor and triad qualities as one-hots, and rejects unknown symbols', () => {
    expect(encodeChord('Dm', 'MajorMinorChordEncoder').indexOf(1)).toBe(1 + 12 + 2);
    expect(encodeChord('Bdim', 'TriadChordEncoder').indexOf(1)).toBe(1 + 36 + 11);
    expect(() => encodeChord('Bdim', 'MajorMinorChordEncoder')).toThrow(/major nor minor/);
    expect(() => encodeChord('Xyz', 'PitchChordEncoder')).toThrow(/Unknown chord/);
  });

  it('holds each chord until the next one', () => {
    expect(
      chordsPerStep(
        [
          { start: 2, symbol: 'F' },
          { start: 0, symbol: 'C' },
        ],
        4,
      ),
    ).toEqual(['C', 'C', 'F', 'F']);
    expect(chordsPerStep([], 2)).toEqual(['N.C.', 'N.C.']);
  });
});
