import { useEffect, useMemo, useRef } from 'react';
import { pitchName } from '../../core/pitch';
import type { Note, Steps } from '../../core/types';
import type { StepProbabilities } from '../../store/types';
import { heatColours, tokenColor } from '../Theme/canvasColors';
import { useTheme } from '../Theme/themeSettings';
import { heatCells, heatRows, paintHeat } from './heatCells';

const CELL_W = 14;
const CELL_H = 7;

/**
 * The teaching view: how likely the model found each pitch at each step (brighter = more likely; see
 * heatCells), with the notes it actually drew outlined on top.
 */
export function ProbabilityMap({
  probabilities,
  notes,
  stepsPerBar,
  label,
}: {
  probabilities: StepProbabilities;
  notes: readonly Note[];
  stepsPerBar: Steps;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  const rows = useMemo(() => heatRows(probabilities, notes), [probabilities, notes]);
  const height = (rows.high - rows.low + 1) * CELL_H;
  const width = probabilities.steps * CELL_W;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const { steps } = probabilities;
    ctx.clearRect(0, 0, width, height);
    const colours = heatColours();
    paintHeat(
      ctx,
      heatCells(probabilities, rows.low, rows.high),
      [],
      { cellW: CELL_W, cellH: CELL_H, top: rows.high },
      colours,
    );
    ctx.strokeStyle = tokenColor('--focus', '#6cc2b0');
    ctx.lineWidth = 1;
    for (let b = stepsPerBar; b < steps; b += stepsPerBar) {
      ctx.beginPath();
      ctx.moveTo(b * CELL_W - 0.5, 0);
      ctx.lineTo(b * CELL_W - 0.5, height);
      ctx.stroke();
    }
    paintHeat(ctx, [], notes, { cellW: CELL_W, cellH: CELL_H, top: rows.high }, colours);
  }, [probabilities, notes, rows, width, height, stepsPerBar, theme]);

  const summary = rows.likeliest
    .map((p, s) => (p === null ? null : `step ${s + 1} ${pitchName(p)}`))
    .filter(Boolean)
    .slice(0, 16)
    .join(', ');
  return (
    <figure className="probability-map">
      <canvas
        ref={canvas}
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: the model's probability of each pitch (${pitchName(rows.low)}–${pitchName(rows.high)}) at each step. Likeliest new notes: ${summary || 'none'}`}
      />
      <figcaption>
        Brighter cells: pitches the model found more likely at that step. Outlined: the notes it drew. The same map is
        drawn over the step grid while this view is open.
      </figcaption>
    </figure>
  );
}
