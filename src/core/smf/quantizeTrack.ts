import { foldIntoRange } from '../transforms';
import { LIMITS, type Note, type Steps } from '../types';
import type { MidiFileNote } from './readMidi';

/**
 * A track's notes brought onto the sixteenth grid and made into one melodic line, counting every change
 * so the musician can be told what the import did to their file.
 *
 * One line from many notes, as Magenta's melody extraction does it: when a note starts while another is
 * still held, the held one is cut where the new one starts (so a descending legato line keeps every
 * note); only among notes that start together does the highest win.
 */

export interface QuantizeOptions {
  /** Ticks per sixteenth step (ppq / 4; ppq / 2 when the file's eighths become the song's sixteenths). */
  ticksPerStep: number;
  /** The file's common offset from the grid, removed first (see gridPhase). */
  phaseTicks?: number;
  /** Place off-beat sixteenths against a grid swung by this much (the song's swing), not a straight one. */
  swing?: number;
}

export interface QuantizeReport {
  /** Notes read from the track. */
  notesRead: number;
  /** Notes that repeated another note exactly (same pitch, same start) and were removed. */
  duplicatesRemoved: number;
  /** Notes left out because a higher note started at the same moment (the highest is kept). */
  droppedUnderHigher: number;
  /** Held notes cut short where the next note starts. */
  shortenedForMonophony: number;
  /** Notes whose start was a 64th note or more away from the grid and was moved onto it. */
  movedNotes: number;
  /** The largest such move, in steps (a sixteenth = 1; never more than 0.5, a 32nd note). */
  largestMove: Steps;
  /** Notes moved by octaves into the piano's range (A0..C8). */
  foldedIntoRange: number;
  /** The common offset from the grid that was removed first, in ticks (0: none). */
  phaseTicks: number;
}

/** Moves smaller than this (a 64th note) are humanisation, not worth a word. */
const NOTICEABLE_MOVE: Steps = 0.25;

/** The nearest grid step to an exact (fractional) position on a grid whose odd steps are `swing`/3 late. */
function nearestStep(exact: number, swing: number): number {
  if (swing <= 0) return Math.round(exact);
  const base = Math.floor(exact);
  let best = base;
  let bestDistance = Infinity;
  for (let step = base - 1; step <= base + 2; step++) {
    const at = step + (((step % 2) + 2) % 2 === 1 ? swing / 3 : 0);
    const distance = Math.abs(exact - at);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = step;
    }
  }
  return best;
}

/** Where a grid step sounds on the (possibly swung) grid, in steps. */
function swungPosition(step: number, swing: number): number {
  return step + (swing > 0 && ((step % 2) + 2) % 2 === 1 ? swing / 3 : 0);
}

/** The track as sorted, non-overlapping notes in steps (start may be any step ≥ 0), and what changed. */
export function quantizeToMelody(
  notes: readonly MidiFileNote[],
  options: QuantizeOptions | number,
): { notes: Note[]; report: QuantizeReport } {
  const {
    ticksPerStep,
    phaseTicks = 0,
    swing = 0,
  } = typeof options === 'number' ? { ticksPerStep: options / 4 } : options;
  const report: QuantizeReport = {
    notesRead: notes.length,
    duplicatesRemoved: 0,
    droppedUnderHigher: 0,
    shortenedForMonophony: 0,
    movedNotes: 0,
    largestMove: 0,
    foldedIntoRange: 0,
    phaseTicks,
  };
  const onGrid = notes.map((n): Note => {
    const exactStart = Math.max(0, n.ticks - phaseTicks) / ticksPerStep;
    const exactEnd = Math.max(0, n.ticks + n.durationTicks - phaseTicks) / ticksPerStep;
    const start = Math.max(0, nearestStep(exactStart, swing));
    const end = nearestStep(exactEnd, swing);
    const move = Math.abs(exactStart - swungPosition(start, swing));
    if (move >= NOTICEABLE_MOVE - 1e-9) {
      report.movedNotes++;
      report.largestMove = Math.max(report.largestMove, Math.round(move * 100) / 100);
    }
    const pitch = foldIntoRange(n.pitch);
    if (pitch !== n.pitch) report.foldedIntoRange++;
    const velocity = Math.min(LIMITS.velocity.max, Math.max(LIMITS.velocity.min, Math.round(n.velocity)));
    return { pitch, start, length: Math.max(1, end - start), velocity };
  });
  onGrid.sort((a, b) => a.start - b.start || b.pitch - a.pitch || b.length - a.length);
  const line: Note[] = [];
  for (const note of onGrid) {
    const previous = line[line.length - 1];
    if (previous && previous.start === note.start) {
      // Sorted highest first: the note already kept is higher, or the same pitch again.
      if (previous.pitch === note.pitch) report.duplicatesRemoved++;
      else report.droppedUnderHigher++;
      continue;
    }
    if (previous && previous.start + previous.length > note.start) {
      previous.length = note.start - previous.start;
      report.shortenedForMonophony++;
    }
    line.push(note);
  }
  return { notes: line, report };
}
