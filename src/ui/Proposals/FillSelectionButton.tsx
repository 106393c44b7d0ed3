import { useId } from 'react';
import type { StepSpan } from '../../store/types';
import { useActions } from '../AppContext';

interface Props {
  /** The selected steps of the current phrase (end exclusive), or null when nothing is selected. */
  span: StepSpan | null;
  busy: boolean;
  /** Why the model is not allowed here (an assignment that keeps it out), if it is not. */
  blocked?: string;
}

/**
 * "Fill selection", beside Propose: candidates for the selected steps that lead into the notes after them
 * (scored by the model on up to two bars of what follows). Disabled, with the reason in its title and
 * description, while nothing is selected.
 */
export function FillSelectionButton({ span, busy, blocked }: Props) {
  const actions = useActions();
  const hintId = useId();
  const reason =
    blocked ??
    (span
      ? null
      : 'Select steps first (drag across the bar ruler or Shift+drag on the grid), then Fill selection rewrites them to lead into what follows.');
  const title = reason ?? `Candidates for steps ${span!.start + 1}–${span!.end} that lead into the notes after them`;
  return (
    <>
      <button
        type="button"
        className="fill-button"
        // The rail is narrow: "Fill" shows, the name says the whole action (the visible word is part of it).
        aria-label="Fill selection"
        disabled={busy || reason !== null}
        title={title}
        aria-describedby={reason ? hintId : undefined}
        onClick={() => span && void actions.fillSelection(span)}
      >
        Fill
      </button>
      {reason && (
        <span id={hintId} className="visually-hidden">
          {reason}
        </span>
      )}
    </>
  );
}
