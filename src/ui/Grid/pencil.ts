/**
 * The grid's pencil, as in a DAW's piano roll: a clicked note takes the length last drawn (by dragging a new
 * note out, dragging a note's end, or Shift+Arrow), so a run of quarter notes is one click each. Starts at one
 * step; kept for the page's life, not saved.
 */
let lastLength = 1;

export const pencil = {
  length: (): number => lastLength,
  remember(length: number): void {
    if (Number.isFinite(length) && length >= 1) lastLength = Math.round(length);
  },
  /** Back to one step (tests, a new session). */
  reset(): void {
    lastLength = 1;
  },
};
