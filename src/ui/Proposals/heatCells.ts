import type { MidiPitch, Note, Steps } from '../../core/types';
import type { StepProbabilities } from '../../store/types';

/**
 * The arithmetic of the teaching view's heat maps (the candidate's own map and the overlay on the step
 * grid), kept apart from canvas code so it is tested in Node.
 */

/** Events 0 and 1 are "no event" and "note off" in the melody codec; pitches follow. */
export const FIRST_PITCH_EVENT = 2;

/** One cell to paint: a step, a pitch, and an opacity in (0, 1]. */
export interface HeatCell {
  step: Steps;
  pitch: MidiPitch;
  alpha: number;
}

/** The model's probability that a note of `pitch` starts at `step` (0 outside what it covers). */
export function pitchProbability(p: StepProbabilities, step: Steps, pitch: MidiPitch): number {
  const event = pitch - p.minPitch + FIRST_PITCH_EVENT;
  if (step < 0 || step >= p.steps || event < FIRST_PITCH_EVENT || event >= p.depth) return 0;
  return p.values[step * p.depth + event] ?? 0;
}

/** Below this probability a cell is left clear: a faint haze over every row would hide the shape. */
export const HEAT_FLOOR = 0.005;

/**
 * The cells of pitches low..high over the first `steps` steps with a probability of at least HEAT_FLOOR.
 * Opacity is the square root of the probability: it keeps the map honest (a step where the model mostly
 * wanted to hold the note stays faint) while 5% still shows (0.22) next to a sure 100%.
 */
export function heatCells(p: StepProbabilities, low: MidiPitch, high: MidiPitch, steps: Steps = p.steps): HeatCell[] {
  const cells: HeatCell[] = [];
  for (let step = 0; step < Math.min(steps, p.steps); step++) {
    for (let pitch = low; pitch <= high; pitch++) {
      const v = pitchProbability(p, step, pitch);
      if (v >= HEAT_FLOOR) cells.push({ step, pitch, alpha: Math.min(1, Math.sqrt(v)) });
    }
  }
  return cells;
}

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

/** Canvas geometry: a cell's size in canvas pixels and the pitch drawn in the top row. */
export interface HeatGeometry {
  cellW: number;
  cellH: number;
  top: MidiPitch;
}

/** The heat map's colours: cells as "r, g, b" (painted with each cell's opacity) and the note outline. */
export interface HeatColours {
  cellRgb: string;
  outline: string;
}

const DARK_HEAT: HeatColours = { cellRgb: '227, 168, 87', outline: '#e7e3da' };

/** Paints the cells (amber, like notes) and outlines `notes` on top. */
export function paintHeat(
  ctx: CanvasRenderingContext2D,
  cells: readonly HeatCell[],
  notes: readonly Note[],
  g: HeatGeometry,
  colours: HeatColours = DARK_HEAT,
): void {
  for (const c of cells) {
    ctx.fillStyle = `rgba(${colours.cellRgb}, ${c.alpha.toFixed(3)})`;
    ctx.fillRect(c.step * g.cellW, (g.top - c.pitch) * g.cellH, g.cellW - 1, g.cellH - 1);
  }
  ctx.strokeStyle = colours.outline;
  ctx.lineWidth = 1.5;
  for (const n of notes) {
    if (n.pitch > g.top) continue;
    ctx.strokeRect(n.start * g.cellW + 0.5, (g.top - n.pitch) * g.cellH + 0.5, n.length * g.cellW - 2, g.cellH - 2);
  }
}
