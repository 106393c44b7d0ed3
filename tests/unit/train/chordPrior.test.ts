import { describe, expect, it } from 'vitest';
import { detectChord, type GridChord } from '../../../src/train/corpus/chordSymbols';
import { HOLD } from '../../../src/train/corpus/melodyEvents';
import type { Tune } from '../../../src/train/corpus/tune';
import { tuneKey } from '../../../src/train/corpus/tuneKey';
import { countChordPrior } from '../../../src/train/eval/chordPriorCounts';

const TRIADS: Record<string, [number, number[]]> = {
  C: [0, [0, 4, 7]],
  F: [5, [5, 9, 0]],
  G: [7, [7, 11, 2]],
  Am: [9, [9, 0, 4]],
  E: [4, [4, 8, 11]],
};

/** A 4/4 tune, one chord a bar, moved up by `shift` semitones; its melody ends on the tonic. */
function tune(name: string, chords: string[], shift = 0): Tune {
  const steps = chords.length * 16;
  const events = new Int16Array(steps).fill(HOLD);
  const grid: GridChord[] = [];
  chords.forEach((symbol, bar) => {
    const [root, tones] = TRIADS[symbol];
    const mask = tones.reduce((m, t) => m | (1 << ((t + shift) % 12)), 0);
    for (let s = 0; s < 16; s++) grid.push(detectChord(mask, (root + shift) % 12));
    tones.forEach((t, i) => (events[bar * 16 + i * 4] = 60 + t + shift - (t > 7 ? 12 : 0)));
  });
  events[steps - 4] = 60 + shift + (chords.at(-1) === 'Am' ? 9 : 0);
  return { name, events, chords: grid, hasChords: true, stepsPerBar: 16, offGridNotes: 0, melodyNotes: 0 };
}

describe('the chord-transition prior counted from a corpus', () => {
  it('counts bar-to-bar transitions in scale degrees, so a tune in G counts as the same tune in C', () => {
    const prior = countChordPrior([tune('c', ['C', 'F', 'G', 'C']), tune('g', ['C', 'F', 'G', 'C'], 7)], 'test');
    expect(prior.source.tunes).toBe(2);
    const bar = prior.families.major!.bar!;
    expect(bar.start).toEqual({ '0:maj': 2 });
    expect(bar.end).toEqual({ '0:maj': 2 });
    expect(bar.next).toEqual({ '0:maj': { '5:maj': 2 }, '5:maj': { '7:maj': 2 }, '7:maj': { '0:maj': 2 } });
    // Half bars: the chord also follows itself inside each bar.
    expect(prior.families.major!.halfBar!.next['0:maj']).toEqual({ '0:maj': 4, '5:maj': 2 });
    // ... and apart by place: inside the bar the chord holds; over the bar line it moves on.
    expect(prior.families.major!.halfBar!.within!['0:maj']).toEqual({ '0:maj': 4 });
    expect(prior.families.major!.halfBar!.across!['0:maj']).toEqual({ '5:maj': 2 });
    expect(prior.families.major!.bar!.within).toBeUndefined();
  });

  it('files minor tunes under the minor family, relative to their own tonic', () => {
    const minor = tune('am', ['Am', 'E', 'Am']);
    expect(tuneKey(minor)).toEqual({ tonic: 9, family: 'minor' });
    const prior = countChordPrior([minor], 'test');
    expect(prior.families.minor!.bar!.next).toEqual({ '0:m': { '7:maj': 1 }, '7:maj': { '0:m': 1 } });
    expect(prior.families.major!.bar!.next).toEqual({});
  });
});
