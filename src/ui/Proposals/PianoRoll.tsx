import { memo, useLayoutEffect, useRef } from 'react';
import { pitchName } from '../../core/pitch';
import type { Note, Steps } from '../../core/types';
import { tokenColor } from '../Theme/canvasColors';
import { useTheme } from '../Theme/themeSettings';

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

/** Canvas pixels per step and per pitch row; the canvas is stretched to the roll's box by CSS. */
const STEP_PX = 6;
const NO_NOTES: readonly Note[] = [];
const ROW_PX = 4;

/** The theme's colours (the same custom properties the rest of the UI uses). */
function rollPalette(): Record<NoteMark | 'barline', string> {
  return {
    plain: tokenColor('--accent', '#e3a857'),
    locked: tokenColor('--focus', '#6cc2b0'),
    added: tokenColor('--ok', '#9be28a'),
    removed: tokenColor('--danger', '#e06c6c'),
    barline: tokenColor('--line-strong', '#3a4152'),
  };
}

/**
 * A small piano roll on a canvas: the notes as bars on a pitch/step plane scaled to the phrase's own pitch
 * span, bar lines, and marks for locked or changed notes. A canvas, not SVG: eight candidates arrive at
 * once, and a few hundred SVG shapes cost the page more style and layout than the proposal took to write.
 * The accessible name lists the notes, so the roll says what it shows to a screen reader (and to tests).
 */
export const PianoRoll = memo(function PianoRoll({
  notes,
  steps,
  stepsPerBar,
  marks,
  ghosts = NO_NOTES,
  label,
  height = 56,
}: PianoRollProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  const all = [...notes, ...ghosts];
  const low = all.length ? Math.min(...all.map((n) => n.pitch)) - 1 : 59;
  const high = all.length ? Math.max(...all.map((n) => n.pitch)) + 1 : 72;
  const rows = Math.max(12, high - low + 1);
  const top = low + rows - 1;
  const width = Math.max(1, steps);
  const bars = Math.max(1, Math.round(steps / stepsPerBar));

  // Drawn before the browser paints, so a roll never shows empty for a frame.
  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const colours = rollPalette();
    ctx.clearRect(0, 0, width * STEP_PX, rows * ROW_PX);
    ctx.fillStyle = colours.barline;
    for (let b = 1; b < bars; b++) ctx.fillRect(b * stepsPerBar * STEP_PX - 1, 0, 1, rows * ROW_PX);
    ctx.strokeStyle = colours.removed;
    ctx.lineWidth = 1;
    for (const n of ghosts)
      ctx.strokeRect(n.start * STEP_PX + 0.5, (top - n.pitch) * ROW_PX + 0.5, n.length * STEP_PX - 1, ROW_PX - 1);
    notes.forEach((n, i) => {
      ctx.fillStyle = colours[marks?.[i] ?? 'plain'];
      ctx.fillRect(n.start * STEP_PX, (top - n.pitch) * ROW_PX, n.length * STEP_PX - 1, ROW_PX);
    });
  }, [notes, ghosts, marks, width, rows, top, bars, stepsPerBar, theme]);

  return (
    <canvas
      ref={canvas}
      className="piano-roll"
      role="img"
      aria-label={`${label}: ${describeNotes(notes)}`}
      width={width * STEP_PX}
      height={rows * ROW_PX}
      style={{ height }}
    />
  );
});
