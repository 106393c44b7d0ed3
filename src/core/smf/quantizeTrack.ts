import { foldIntoRange } from '../transforms';
import { LIMITS, type Note } from '../types';
import type { MidiFileNote } from './readMidi';

/**
 * A MIDI track's notes brought onto the sixteenth grid and made into one melodic line, counting every
 * change so the user can be told what the import did to their file.
 */

export interface QuantizeReport {
  /** Notes read from the track and placed on the grid. */
  quantizedNotes: number;
  /** Of those, notes whose start or end had to move to reach a sixteenth. */
  offGridNotes: number;
  /** Notes left out because a higher note started with them or was still sounding (highest note kept). */
  droppedForMonophony: number;
  /** Notes cut short because a higher note started while they sounded. */
  shortenedForMonophony: number;
  /** Notes moved by octaves into the piano's range (A0..C8). */
  foldedIntoRange: number;
}

/** The track as sorted, non-overlapping notes in steps (start may be any step ≥ 0), and what changed. */
export function quantizeToMelody(notes: readonly MidiFileNote[], ppq: number): { notes: Note[]; report: QuantizeReport } {
  const ticksPerStep = ppq / 4;
  const report: QuantizeReport = {
    quantizedNotes: 0,
    offGridNotes: 0,
    droppedForMonophony: 0,
    shortenedForMonophony: 0,
    foldedIntoRange: 0,
  };
  const onGrid = notes.map((n): Note => {
    const exactStart = n.ticks / ticksPerStep;
    const exactEnd = (n.ticks + n.durationTicks) / ticksPerStep;
    const start = Math.round(exactStart);
    const end = Math.round(exactEnd);
    report.quantizedNotes++;
    if (Math.abs(exactStart - start) > 1e-9 || Math.abs(exactEnd - end) > 1e-9) report.offGridNotes++;
    const pitch = foldIntoRange(n.pitch);
    if (pitch !== n.pitch) report.foldedIntoRange++;
    const velocity = Math.min(LIMITS.velocity.max, Math.max(LIMITS.velocity.min, Math.round(n.velocity)));
    return { pitch, start, length: Math.max(1, end - start), velocity };
  });
  onGrid.sort((a, b) => a.start - b.start || b.pitch - a.pitch);
  // The skyline: at every moment the highest sounding note wins.
  const line: Note[] = [];
  for (const note of onGrid) {
    const previous = line[line.length - 1];
    if (previous && previous.start === note.start) {
      report.droppedForMonophony++; // sorted highest first, so the one already kept is higher
      continue;
    }
    if (previous && previous.start + previous.length > note.start) {
      if (note.pitch < previous.pitch) {
        report.droppedForMonophony++;
        continue;
      }
      previous.length = note.start - previous.start;
      report.shortenedForMonophony++;
    }
    line.push(note);
  }
  return { notes: line, report };
}
