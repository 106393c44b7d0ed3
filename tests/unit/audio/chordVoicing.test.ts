import { describe, expect, it } from 'vitest';
import { voiceChord } from '../../../src/audio/chordVoicing';

describe('voiceChord', () => {
  it('stacks a close voicing from a root between C3 and B3', () => {
    expect(voiceChord('C')).toEqual([48, 52, 55]);
    expect(voiceChord('Am')).toEqual([57, 60, 64]);
    expect(voiceChord('G7')).toEqual([55, 59, 62, 65]);
  });

  it('puts a slash chord bass just under the root and applies the section transposition', () => {
    expect(voiceChord('C/E')).toEqual([40, 48, 52, 55]);
    expect(voiceChord('Cmaj7/B')).toEqual([47, 48, 52, 55, 59]);
    expect(voiceChord('C', 2)).toEqual([50, 54, 57]);
  });

  it('voices nothing for no chord or an unknown symbol', () => {
    expect(voiceChord('N.C.')).toEqual([]);
    expect(voiceChord('nonsense')).toEqual([]);
  });
});
