import type { StepSpan } from '../../store/proposals/types';

/**
 * The grid's selected steps, which "Fill selection" fills. The selection itself belongs to the workspace
 * (grid selection, ghost notes, candidate rail); until it is wired here there is none, and the button says so.
 */
export function useSelectedSpan(): StepSpan | null {
  return null;
}
