import { useEffect, useMemo, useRef } from 'react';
import { pitchName } from '../../core/pitch';
import type { Note, Steps } from '../../core/types';
import type { StepProbabilities } from '../../model/types';

const CELL_W = 14;
const CELL_H = 7;
const FIRST_PITCH_EVENT = 2; // events 0 and 1 are "no event" and "note off" (the melody codec)

export interface HeatRows {
  low: number;
  high: number;
  /** The pitch the model found most likely at each step where it started a note, else null. */
  likeliest: (number | null)[];
}

/** The pitch rows worth drawing (those any step gave 1% or more, plus the notes) and each step's likeliest start. */
export function heatRows(p: StepProbabilities, notes: readonly Note[]): HeatRows {
  let low = Infinity;
  let high = -Infinity;
  const likeliest: (number | null)[] = [];
  for (let s = 0; s < p.steps; s++) {
    let best = -1;
    let bestP = 0;
    for (let e = 0; e < p.depth; e++) {
      const v = p.values[s * p.depth + e];
      if (v > bestP) [best, bestP] = [e, v];
      if (e >= FIRST_PITCH_EVENT && v >= 0.01) {
        const pitch = p.minPitch + e - FIRST_PITCH_EVENT;
        low = Math.min(low, pitch);
        high = Math.max(high, pitch);
      }
    }
    likeliest.push(best >= FIRST_PITCH_EVENT ? p.minPitch + best - FIRST_PITCH_EVENT : null);
  }
  for (const n of notes) [low, high] = [Math.min(low, n.pitch), Math.max(high, n.pitch)];
  if (!Number.isFinite(low)) [low, high] = [60, 72];
  return { low, high, likeliest };
}

/**
 * The teaching view: how likely the model found each pitch at each step (brighter = more likely, scaled
 * per step so quiet steps still show their shape), with the notes it actually drew outlined on top.
 */
export function ProbabilityMap({ probabilities, notes, stepsPerBar, label }: { probabilities: StepProbabilities; notes: readonly Note[]; stepsPerBar: Steps; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = useMemo(() => heatRows(probabilities, notes), [probabilities, notes]);
  const height = (rows.high - rows.low + 1) * CELL_H;
  const width = probabilities.steps * CELL_W;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const { values, depth, minPitch, steps } = probabilities;
    ctx.clearRect(0, 0, width, height);
    for (let s = 0; s < steps; s++) {
      let max = 0;
      for (let pitch = rows.low; pitch <= rows.high; pitch++) max = Math.max(max, values[s * depth + pitch - minPitch + FIRST_PITCH_EVENT] ?? 0);
      for (let pitch = rows.low; pitch <= rows.high; pitch++) {
        const v = values[s * depth + pitch - minPitch + FIRST_PITCH_EVENT] ?? 0;
        if (v <= 0 || max <= 0) continue;
        ctx.fillStyle = `rgba(227, 168, 87, ${Math.min(1, 0.08 + 0.92 * (v / max))})`;
        ctx.fillRect(s * CELL_W, (rows.high - pitch) * CELL_H, CELL_W - 1, CELL_H - 1);
      }
    }
    ctx.strokeStyle = 'rgba(108, 194, 176, 0.6)';
    for (let b = stepsPerBar; b < steps; b += stepsPerBar) {
      ctx.beginPath();
      ctx.moveTo(b * CELL_W - 0.5, 0);
      ctx.lineTo(b * CELL_W - 0.5, height);
      ctx.stroke();
    }
    ctx.strokeStyle = '#e7e3da';
    ctx.lineWidth = 1.5;
    for (const n of notes) ctx.strokeRect(n.start * CELL_W + 0.5, (rows.high - n.pitch) * CELL_H + 0.5, n.length * CELL_W - 2, CELL_H - 2);
  }, [probabilities, notes, rows, width, height, stepsPerBar]);

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
        Brighter cells: pitches the model found more likely at that step. Outlined: the notes it drew.
      </figcaption>
    </figure>
  );
}
