import { visiblePreview } from '../../store/selectors';
import { useAppState } from '../AppContext';
import { useAssignmentLocks } from '../Assignment/useAssignment';
import { useVaeState, useVaeStore } from '../Interpolate/useVae';
import { NumberField } from './NumberField';
import '../Interpolate/interpolate.css';

/**
 * "Similar", one row of the rail under Propose: variations near the previewed candidate (the one drawn as
 * ghost notes), else near the phrase (the selected steps when there is a selection), from the MusicVAE, into
 * the same list. Similarity 1 keeps the original's own code, 0 ignores it; longer than two bars is varied
 * window by window, keeping the bar lines.
 */
export function SimilarControls() {
  const vae = useVaeStore();
  const similarity = useVaeState((s) => s.similarity);
  const count = useVaeState((s) => s.count);
  const busy = useVaeState((s) => s.busy);
  const loading = useVaeState((s) => s.status.kind === 'loading');
  const previewed = useAppState((s) => visiblePreview(s));
  const hasSelection = useAppState((s) => !!s.editor.selection);
  const blocked = useAssignmentLocks().model;
  const of = previewed ? `candidate ${previewed.number}` : hasSelection ? 'the selection' : 'this phrase';
  return (
    <div className="similar-controls" role="group" aria-label="Similar settings">
      <button
        type="button"
        className="similar-button"
        disabled={busy || !!blocked}
        title={blocked ?? `Variations near ${of} from the MusicVAE, into this list`}
        onClick={() => {
          vae.actions.setSimilarSource(previewed ? previewed.id : 'phrase');
          void vae.actions.similar();
        }}
      >
        Similar <span className="similar-of">to {of}</span>
      </button>
      <label className="similarity-field" title="1 keeps the original, 0 ignores it">
        <span className="field-label">
          <output>{similarity.toFixed(2)}</output>
        </span>
        <input type="range" min={0} max={1} step={0.05} value={similarity} aria-label="Similarity" onChange={(e) => vae.actions.setSimilarity(Number(e.target.value))} />
      </label>
      <NumberField label="Count" className="similar-count" value={count} min={1} max={8} onCommit={(v) => vae.actions.setCount(v)} />
      {(busy || loading) && (
        <span role="status" className="vae-status">
          {loading ? 'Loading the variation model…' : 'Varying…'}
        </span>
      )}
    </div>
  );
}
