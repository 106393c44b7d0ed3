import { orderCandidates } from '../../store/proposals/sureness';
import { useAppState } from '../AppContext';
import { selectVisiblePreview } from '../selectors';

/** Says which candidate the grid shows as ghost notes, for eyes and screen readers ("Previewing candidate 3 of 8"). */
export function PreviewStatus() {
  const preview = useAppState(selectVisiblePreview);
  const count = useAppState((s) => s.proposals.candidates.length);
  // Its place in the rail's order (as made, or by how sure the model is).
  const position = useAppState((s) =>
    preview ? orderCandidates(s.proposals.candidates, s.proposals.settings.candidateOrder).indexOf(preview) + 1 : 0,
  );
  if (count === 0) return null;
  return (
    <p className="preview-status" role="status">
      {preview
        ? `Previewing candidate ${preview.number}${preview.number === position ? '' : ` (${position}`} of ${count}${preview.number === position ? '' : ')'}`
        : `${count} candidate${count === 1 ? '' : 's'}: press ] to preview`}
    </p>
  );
}
