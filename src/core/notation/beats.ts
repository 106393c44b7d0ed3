import type { Steps, TimeSignature } from '../types';

/**
 * How a bar is grouped for reading, as a printed score groups it: eighths and sixteenths are beamed within
 * a group, a rest never hides where a group starts, and a syncopated note is tied at a group boundary.
 * Simple metres group by the quarter (4/4, 3/4, 2/4; also 2/2, beamed by the quarter), compound metres by
 * the dotted quarter (6/8, 9/8, 12/8, and 3/8 as one group), other eighth metres in twos with a three at
 * the end (5/8 = 2+3, 7/8 = 2+2+3), sixteenth metres in fours.
 */

/** Whether the metre counts in dotted-quarter beats (6/8, 9/8, 12/8) or is 3/8. */
export function isCompound(ts: TimeSignature): boolean {
  return ts.beatUnit === 8 && ts.beats % 3 === 0;
}

/**
 * The lengths of a bar's beat groups, in steps, in order.
 * @example beatGroups(4/4) → [4, 4, 4, 4]; beatGroups(6/8) → [6, 6]; beatGroups(7/8) → [4, 4, 6]
 */
export function beatGroups(ts: TimeSignature): Steps[] {
  const bar = ts.beats * (16 / ts.beatUnit);
  if (isCompound(ts)) return Array.from({ length: ts.beats / 3 }, () => 6);
  if (ts.beatUnit === 8) {
    if (ts.beats === 1) return [2];
    const pairs = ts.beats % 2 === 0 ? ts.beats / 2 : (ts.beats - 3) / 2;
    return [...Array.from({ length: pairs }, () => 4), ...(ts.beats % 2 === 0 ? [] : [6])];
  }
  const groups: Steps[] = [];
  for (let at = 0; at < bar; at += 4) groups.push(Math.min(4, bar - at));
  return groups;
}

/** Start of every group of the bar, and the bar's end last: 4/4 → [0, 4, 8, 12, 16]. */
export function groupBoundaries(groups: readonly Steps[]): Steps[] {
  const bounds = [0];
  for (const g of groups) bounds.push(bounds[bounds.length - 1] + g);
  return bounds;
}

/** The group (start, end) that holds `offset` within the bar. */
export function groupAt(bounds: readonly Steps[], offset: Steps): { start: Steps; end: Steps } {
  for (let i = 1; i < bounds.length; i++) if (offset < bounds[i]) return { start: bounds[i - 1], end: bounds[i] };
  return { start: bounds[bounds.length - 1], end: bounds[bounds.length - 1] };
}

/** Note values a single symbol can have, longest first (whole, dotted half, half, dotted quarter ...). */
export const WRITABLE: readonly Steps[] = [16, 12, 8, 6, 4, 3, 2, 1];
const DOTTED = new Set<Steps>([12, 6, 3]);

/**
 * A note's span inside one bar as written values: a note that starts off a group is cut at the group's
 * end (and tied), so the reader sees where the beat falls; one that starts on a group may run on.
 * @example notePieces(2, 4, [0, 4, 8, 12, 16]) → [2, 2]
 */
export function notePieces(offset: Steps, length: Steps, bounds: readonly Steps[]): Steps[] {
  const pieces: Steps[] = [];
  let at = offset;
  let left = length;
  while (left > 0) {
    const group = groupAt(bounds, at);
    const room = at === group.start ? left : Math.min(left, group.end - at);
    const piece = WRITABLE.find((v) => v <= room) ?? 1;
    pieces.push(piece);
    at += piece;
    left -= piece;
  }
  return pieces;
}

/**
 * A rest's span inside one bar as written rests: a whole bar is one rest; otherwise each rest lies inside
 * one group and starts where its own value would (a sixteenth then an eighth, not a dotted eighth off the
 * beat), and a rest longer than a group starts on a multiple of its value (4/4: half rests on beats 1 and
 * 3 only). Dotted rests only where the metre counts in them: on a group start in simple metres below the
 * beat, and dotted quarters/halves on group starts in compound metres.
 * @example restPieces(4, 12, bounds of 4/4, 16, false) → [4, 8]
 */
export function restPieces(
  offset: Steps,
  length: Steps,
  bounds: readonly Steps[],
  barLength: Steps,
  compound: boolean,
): Steps[] {
  if (offset === 0 && length === barLength && WRITABLE.includes(barLength)) return [barLength];
  const pieces: Steps[] = [];
  let at = offset;
  let left = length;
  while (left > 0) {
    const group = groupAt(bounds, at);
    const size = group.end - group.start;
    const rel = at - group.start;
    const fits = (v: Steps) => {
      if (v > left) return false;
      const dotted = DOTTED.has(v);
      if (v < size) return rel + v <= size && (dotted ? rel === 0 : rel % v === 0);
      if (rel !== 0 || at % v !== 0) return false;
      return dotted ? compound && v % 6 === 0 : !compound || v % 6 === 0 || v < size;
    };
    const piece = WRITABLE.find(fits) ?? 1;
    pieces.push(piece);
    at += piece;
    left -= piece;
  }
  return pieces;
}
