import { describe, expect, it } from 'vitest';
import { clampWithReason } from '../../../src/core/clamp';
import { isKeyTonic } from '../../../src/core/scale';
import { isHexColor } from '../../../src/core/song';
import { INSTRUMENT_IDS, isInstrumentId, LIMITS } from '../../../src/core/types';

// Each rule has one definition in core; files, links, the store's actions and the pickers all ask it.
describe('the domain rules', () => {
  it('a key tonic is a note letter with at most two sharps or flats', () => {
    expect(['C', 'F#', 'Bb', 'C##', 'Ebb'].every(isKeyTonic)).toBe(true);
    expect(['H', 'c', 'C#b', 'C###', '', 'Do'].some(isKeyTonic)).toBe(false);
  });

  it('a phrase colour is a CSS hex colour of 3, 4, 6 or 8 digits', () => {
    expect(['#abc', '#abcd', '#2e86ab', '#2e86abcc'].every(isHexColor)).toBe(true);
    expect(['2e86ab', '#2e86a', '#ggg', 'red', 42].some(isHexColor)).toBe(false);
  });

  it('the instruments are the one list, the piano first', () => {
    expect(INSTRUMENT_IDS[0]).toBe('piano');
    expect(INSTRUMENT_IDS.every(isInstrumentId)).toBe(true);
    expect(isInstrumentId('kazoo')).toBe(false);
  });

  it('a typed number is clamped into its range with the reason, and NaN refused', () => {
    expect(clampWithReason(300, LIMITS.tempo, 'Tempo')).toEqual({
      value: 240,
      reason: 'Tempo must be at most 240; set to 240.',
    });
    expect(clampWithReason(10, LIMITS.tempo, 'Tempo')).toEqual({
      value: 40,
      reason: 'Tempo must be at least 40; set to 40.',
    });
    expect(clampWithReason(96, LIMITS.tempo, 'Tempo')).toEqual({ value: 96, reason: null });
    expect(clampWithReason(Number.NaN, LIMITS.tempo, 'Tempo')).toEqual({
      value: null,
      reason: 'Tempo must be a number.',
    });
  });
});
