import { expect, test } from 'vitest';
import { isAcceptableTempoText } from '../../../src/ui/Transport/TempoField';

test('tempo text inside 40-240 is applied while typing; partial or out-of-range text waits', () => {
  expect(isAcceptableTempoText('120')).toBe(true);
  expect(isAcceptableTempoText('40')).toBe(true);
  expect(isAcceptableTempoText('240')).toBe(true);
  expect(isAcceptableTempoText('1')).toBe(false); // on the way to 120
  expect(isAcceptableTempoText('300')).toBe(false);
  expect(isAcceptableTempoText('')).toBe(false);
  expect(isAcceptableTempoText('abc')).toBe(false);
});
