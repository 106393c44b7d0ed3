import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/core/types';

describe('limits', () => {
  it('keep the tempo range the transport promises (40-240 BPM)', () => {
    expect(LIMITS.tempo).toEqual({ min: 40, max: 240 });
  });
});
