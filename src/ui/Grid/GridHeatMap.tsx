import { useEffect, useRef } from 'react';
import type { MidiPitch, Note, Steps } from '../../core/types';
import type { StepProbabilities } from '../../store/types';
import { heatCells, paintHeat } from '../Proposals/heatCells';
import { heatColours } from '../Theme/canvasColors';
import { useTheme } from '../Theme/themeSettings';

/** Canvas pixels per grid cell: enough for crisp note outlines once the canvas is stretched over the cells. */
const PX = 12;

interface Props {
  probabilities: StepProbabilities;
  /** The candidate's notes, outlined on top. */
  notes: readonly Note[];
  /** The grid step the candidate's first step is drawn at (its span's start). */
  offset: Steps;
  /** The grid's pitch window and length. */
  low: MidiPitch;
  high: MidiPitch;
  steps: Steps;
}

/**
 * The teaching view on the step grid itself: while a candidate's probabilities are shown, each cell is tinted
 * by how likely the model found that pitch at that step, and the candidate's notes are outlined, so a learner
 * sees the model's choices where they write. Decoration over the cells (aria-hidden, no pointer events): the
 * teaching view's own figure carries the text alternative.
 */
export function GridHeatMap({ probabilities, notes, offset, low, high, steps }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  const rows = high - low + 1;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, steps * PX, rows * PX);
    ctx.save();
    ctx.translate(offset * PX, 0);
    paintHeat(
      ctx,
      heatCells(probabilities, low, high, steps - offset),
      notes,
      { cellW: PX, cellH: PX, top: high },
      heatColours(),
    );
    ctx.restore();
  }, [probabilities, notes, offset, low, high, steps, rows, theme]);

  return (
    <canvas
      ref={canvas}
      className="grid-heatmap"
      data-testid="grid-heatmap"
      aria-hidden="true"
      width={steps * PX}
      height={rows * PX}
    />
  );
}
