import { memo, useLayoutEffect, useRef } from 'react';
import type { Note, Steps } from '../../core/types';
import { tokenColor } from '../Theme/canvasColors';
import { useTheme } from '../Theme/themeSettings';

/** Canvas pixels per step and per semitone; the canvas is stretched to its box by CSS. */
const STEP_PX = 2;
const ROW_PX = 2;

/**
 * A section block's tiny piano roll: the phrase's notes as strokes over its own pitch span, repeated as
 * often as the section plays it. Decoration (the block's name says what it is), redrawn only when the
 * phrase's notes change.
 */
export const MiniRoll = memo(function MiniRoll({
  notes,
  steps,
  repeats,
}: {
  notes: readonly Note[];
  steps: Steps;
  repeats: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  const low = notes.length ? Math.min(...notes.map((n) => n.pitch)) - 1 : 59;
  const high = notes.length ? Math.max(...notes.map((n) => n.pitch)) + 1 : 72;
  const rows = Math.max(8, high - low + 1);
  const width = Math.max(1, steps * repeats) * STEP_PX;

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, rows * ROW_PX);
    ctx.fillStyle = tokenColor('--text', '#e7e3da');
    for (let r = 0; r < repeats; r++) {
      for (const n of notes)
        ctx.fillRect(
          (r * steps + n.start) * STEP_PX,
          (high - n.pitch) * ROW_PX,
          Math.max(1, n.length * STEP_PX - 1),
          ROW_PX,
        );
    }
  }, [notes, steps, repeats, width, rows, high, theme]);

  return <canvas ref={ref} className="mini-roll" aria-hidden="true" width={width} height={rows * ROW_PX} />;
});
