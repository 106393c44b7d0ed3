/** A typed number fitted into a range: the value to use (null when it was not a number) and, if it changed, why. */
export interface Clamped {
  value: number | null;
  reason: string | null;
}

/**
 * Clamps `value` into [min, max]. Out-of-range input is not refused, because a musician typing 300 BPM most
 * likely wants "as fast as it goes"; the reason tells them what happened. NaN is refused.
 * @example clampWithReason(300, LIMITS.tempo, 'Tempo') // { value: 240, reason: 'Tempo must be at most 240; set to 240.' }
 */
export function clampWithReason(value: number, range: { min: number; max: number }, what: string): Clamped {
  if (typeof value !== 'number' || Number.isNaN(value)) return { value: null, reason: `${what} must be a number.` };
  if (value < range.min)
    return { value: range.min, reason: `${what} must be at least ${range.min}; set to ${range.min}.` };
  if (value > range.max)
    return { value: range.max, reason: `${what} must be at most ${range.max}; set to ${range.max}.` };
  return { value, reason: null };
}
