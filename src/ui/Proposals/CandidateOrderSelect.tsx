import type { CandidateOrder } from '../../store/proposals/types';
import { useActions, useAppState } from '../AppContext';

const LABELS: Record<CandidateOrder, string> = {
  made: 'Order made',
  safest: 'Safest first',
  adventurous: 'Most adventurous first',
};

/** Sorts the candidate list by how sure the model is of each. */
export function CandidateOrderSelect() {
  const actions = useActions();
  const order = useAppState((s) => s.proposals.settings.candidateOrder);
  return (
    <label className="field">
      <span className="field-label">Sort by</span>
      <select
        value={order}
        onChange={(e) => actions.setProposalSettings({ candidateOrder: e.target.value as CandidateOrder })}
      >
        {(Object.keys(LABELS) as CandidateOrder[]).map((o) => (
          <option key={o} value={o}>
            {LABELS[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
