import { describe, expect, it } from 'vitest';
import { chordTextPerBar, parseBarChords, replaceBar } from '../../../../src/ui/Chords/barChords';

describe('chord picker text per bar', () => {
  it('one symbol fills the bar; two split it evenly', () => {
    expect(parseBarChords('Am', 1, 16)).toEqual({ ok: true, chords: [{ start: 16, symbol: 'Am' }] });
    expect(parseBarChords(' C  G7 ', 0, 16)).toEqual({
      ok: true,
      chords: [
        { start: 0, symbol: 'C' },
        { start: 8, symbol: 'G7' },
      ],
    });
  });

  it('refuses an unknown symbol by name and accepts N.C.', () => {
    const bad = parseBarChords('C Hm7', 0, 16);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/"Hm7"/);
    expect(parseBarChords('N.C.', 0, 16).ok).toBe(true);
  });

  it('an empty bar clears its chords, leaving the other bars', () => {
    const chords = [
      { start: 0, symbol: 'C' },
      { start: 16, symbol: 'F' },
      { start: 24, symbol: 'G' },
    ];
    const parsed = parseBarChords('', 1, 16);
    expect(parsed.ok && replaceBar(chords, 1, 16, parsed.chords)).toEqual([{ start: 0, symbol: 'C' }]);
    expect(chordTextPerBar(chords, 2, 16)).toEqual(['C', 'F G']);
  });
});
