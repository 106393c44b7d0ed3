import { useId } from 'react';
import type { StepSpan } from '../../store/proposals/types';
import { useActions, useAppState } from '../AppContext';

interface Props {
  /** The selected steps of the current phrase (end exclusive), or null when nothing is selected. */
  span: StepSpan | null;
}

/**
 * "Fill selection": candidates for the selected steps that lead into the notes after them (scored by the
 * model on up to two bars of what follows). Disabled, with the reason, while nothing is selected.
 */
export function FillSelectionButton({ span }: Props) {
  const actions = useActions();
  const busy = useAppState((s) => s.proposals.activity.kind !== 'idle');
  const hintId = useId();
  const reason = span ? null : 'Select steps on the grid first, then Fill selection writes candidates for them.';
  return (
    <>
      <button type="button" className="fill-button" disabled={busy || !span} aria-describedby={reason ? hintId : undefined} onClick={() => span && void actions.fillSelection(span)}>
        Fill selection
      </button>
      {reason && (
        <span id={hintId} className="visually-hidden">
          {reason}
        </span>
      )}
    </>
  );
}
