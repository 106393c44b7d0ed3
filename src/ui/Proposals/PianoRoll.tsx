import { memo } from 'react';
import { pitchName } from '../../core/pitch';
import type { Note, Steps } from '../../core/types';

/** How a note is drawn: plain, locked (kept from the musician), or changed in a comparison. */
export type NoteMark = 'plain' | 'locked' | 'added' | 'removed';

export interface PianoRollProps {
  notes: readonly Note[];
  steps: Steps;
  stepsPerBar: Steps;
  /** Marks per note (same order as `notes`); default plain. */
  marks?: readonly NoteMark[];
  /** Extra notes drawn hollow (the notes a comparison removed). */
  ghosts?: readonly Note[];
  /** Accessible name prefix, e.g. "Candidate 3". */
  label: string;
  height?: number;
}

/** "C4 1, E4 3-4, G4 9" — each note's pitch and the steps it covers, counted from 1 like the grid. */
export function describeNotes(notes: readonly Note[]): string {
  if (notes.length === 0) return 'no notes';
  const parts = notes.map((n) => `${pitchName(n.pitch)} ${n.start + 1}${n.length > 1 ? `-${n.start + n.length}` : ''}`);
  return `${notes.length} note${notes.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/**
 * A small piano roll in SVG: the notes as bars on a pitch/step plane scaled to the phrase's own pitch span,
 * bar lines, and marks for locked or changed notes. The accessible name lists the notes, so the roll says
 * what it shows to a screen reader (and to tests).
 */
export const PianoRoll = memo(function PianoRoll({ notes, steps, stepsPerBar, marks, ghosts = [], label, height = 56 }: PianoRollProps) {
  const all = [...notes, ...ghosts];
  const low = all.length ? Math.min(...all.map((n) => n.pitch)) - 1 : 59;
  const high = all.length ? Math.max(...all.map((n) => n.pitch)) + 1 : 72;
  const rows = Math.max(12, high - low + 1);
  const top = low + rows - 1;
  const width = Math.max(1, steps);
  const bars = Math.max(1, Math.round(steps / stepsPerBar));
  return (
    <svg
      className="piano-roll"
      role="img"
      aria-label={`${label}: ${describeNotes(notes)}`}
      viewBox={`0 0 ${width} ${rows}`}
      preserveAspectRatio="none"
      style={{ height }}
    >
      {Array.from({ length: bars - 1 }, (_, i) => (
        <line key={i} className="roll-barline" x1={(i + 1) * stepsPerBar} x2={(i + 1) * stepsPerBar} y1={0} y2={rows} />
      ))}
      {ghosts.map((n, i) => (
        <rect key={`g${i}`} className="roll-note roll-removed" x={n.start} y={top - n.pitch} width={n.length} height={1} />
      ))}
      {notes.map((n, i) => (
        <rect key={i} className={`roll-note roll-${marks?.[i] ?? 'plain'}`} x={n.start} y={top - n.pitch} width={n.length} height={1} />
      ))}
    </svg>
  );
});
