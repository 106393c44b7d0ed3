import type { MidiPitch, Note, Steps } from '../../core/types';

/**
 * Pure helpers that turn a phrase's notes into what the grid draws. Kept apart from React so they are tested
 * in Node, and so a row can be memoized on a short string instead of on note objects.
 */

/** Flags of one cell: a note sounds there, and whether the cell is the first and/or last of that note. */
export const CELL_ON = 1;
export const CELL_START = 2;
export const CELL_END = 4;

/** Pitches of the rows, highest first (a piano roll reads upwards). */
export function rowPitches(low: MidiPitch, high: MidiPitch): MidiPitch[] {
  const rows: MidiPitch[] = [];
  for (let p = high; p >= low; p--) rows.push(p);
  return rows;
}

/**
 * One string per pitch that has notes ("start:length,start:length"), so a row re-renders only when its own
 * notes change.
 */
export function rowSignatures(notes: readonly Note[]): Map<MidiPitch, string> {
  const byPitch = new Map<MidiPitch, string>();
  for (const n of notes) {
    const part = `${n.start}:${n.length}`;
    const prev = byPitch.get(n.pitch);
    byPitch.set(n.pitch, prev ? `${prev},${part}` : part);
  }
  return byPitch;
}

/** Cell flags for a row of `steps` cells from its signature (see rowSignatures). */
export function cellFlags(signature: string, steps: Steps): Uint8Array {
  const flags = new Uint8Array(steps);
  if (!signature) return flags;
  for (const part of signature.split(',')) {
    const [start, length] = part.split(':').map(Number);
    const end = Math.min(start + length, steps);
    for (let s = Math.max(0, start); s < end; s++) flags[s] |= CELL_ON;
    if (start >= 0 && start < steps) flags[start] |= CELL_START;
    if (end - 1 >= 0 && end - 1 < steps && end > start) flags[end - 1] |= CELL_END;
  }
  return flags;
}

/** The note of `pitch` that sounds at `step`, if any. */
export function noteOfPitchAt(notes: readonly Note[], pitch: MidiPitch, step: Steps): Note | undefined {
  return notes.find((n) => n.pitch === pitch && n.start <= step && step < n.start + n.length);
}
