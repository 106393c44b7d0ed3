import type { Steps } from '../../core/types';
import type { StepSpan } from '../../store/types';

/**
 * Selection arithmetic for the grid, free of React and the DOM: the span between an anchor step and the
 * step the pointer or focus is on (both included), and the step under a point of the bar ruler.
 */

/** The steps from `anchor` to `to`, both included, in either order. */
export function spanBetween(anchor: Steps, to: Steps): StepSpan {
  return { start: Math.min(anchor, to), end: Math.max(anchor, to) + 1 };
}

/**
 * The anchor for growing a selection from the keyboard: the end of the selection away from the focused
 * step, or the focused step when there is no selection.
 */
export function keyboardAnchor(selection: StepSpan | null, focus: Steps): Steps {
  if (!selection) return focus;
  if (focus <= selection.start) return selection.end - 1;
  return selection.start;
}

/** The step under x on a ruler whose cells start at `cellsLeft` and span `cellsWidth` for `steps` steps. */
export function stepAtX(x: number, cellsLeft: number, cellsWidth: number, steps: Steps): Steps {
  if (steps <= 0 || cellsWidth <= 0) return 0;
  return Math.max(0, Math.min(steps - 1, Math.floor(((x - cellsLeft) / cellsWidth) * steps)));
}

/** "start-end" for GridRow's memo (a string, so an unchanged selection re-renders no row). */
export function selectionKey(span: StepSpan | null): string {
  return span ? `${span.start}-${span.end}` : '';
}
