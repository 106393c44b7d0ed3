import { describe, expect, it } from 'vitest';
import type { ChordPrior } from '../../../../src/core/harmony/chordPrior';
import { parseChordPrior } from '../../../../src/core/harmony/chordPrior';
import { ChordTones } from '../../../../src/core/harmony/chordTones';

const counts = (tones: Record<number, number>) => Array.from({ length: 12 }, (_, pc) => tones[pc] ?? 0);

const prior = (tones: ChordPrior['tones']): ChordPrior => ({
  format: 'phrasewright-chord-prior',
  version: 1,
  source: { corpus: 'test', tunes: 1 },
  families: {},
  tones,
});

describe('the chord-tone table', () => {
  const table = prior({
    major: {
      '0:maj': counts({ 0: 50, 4: 30, 7: 30, 2: 5 }),
      '7:maj': counts({ 7: 40, 11: 20, 2: 20, 5: 2 }),
    },
  });

  it('hears chord tones as likelier over their chord, and sums to one over the twelve pitch classes', () => {
    const tones = new ChordTones(table, 'major');
    const overI = tones.logProbs('0:maj');
    const overV = tones.logProbs('7:maj');
    expect(overI[4]).toBeGreaterThan(overV[4]); // E: a tone of I, not of V
    expect(overV[11]).toBeGreaterThan(overI[11]); // B: a tone of V
    for (const row of [overI, overV]) expect(row.reduce((s, lp) => s + Math.exp(lp), 0)).toBeCloseTo(1, 9);
  });

  it("scores an unseen chord by its quality's shape moved to its root, and is flat without counts", () => {
    const tones = new ChordTones(table, 'minor'); // no minor counts: the major ones serve
    const overIV = tones.logProbs('5:maj'); // never counted: the major shape on F
    expect(overIV[9]).toBeGreaterThan(overIV[11]); // A (its third) over B
    expect(overIV[5]).toBeGreaterThan(overIV[6]);
    const flat = new ChordTones(null, 'major').logProbs('0:maj');
    expect(new Set(flat).size).toBe(1);
    expect(new ChordTones(null, 'major').known).toBe(false);
  });

  it('is checked when a prior file is read', () => {
    expect(parseChordPrior(JSON.parse(JSON.stringify(table)))).toBeTruthy();
    expect(() => parseChordPrior({ ...table, tones: { major: { '0:maj': [1, 2, 3] } } })).toThrow(/tones/);
  });
});
