/** Shift by whole octaves that puts the tune into [minPitch, maxPitch], preferring the smallest shift. */
export function octaveShiftIntoRange(low: number, high: number, minPitch: number, maxPitch: number): number | null {
  for (const k of [0, -1, 1, -2, 2, -3, 3]) {
    if (low + 12 * k >= minPitch && high + 12 * k <= maxPitch) return 12 * k;
  }
  return null;
}
