import { visiblePreview } from '../../store/selectors';
import { useAppState } from '../AppContext';
import { useAssignmentLocks } from '../Assignment/useAssignment';
import { useVaeState, useVaeStore } from '../Interpolate/useVae';
import { NumberField } from './NumberField';
import '../Interpolate/interpolate.css';

/**
 * "Similar", beside Propose: variations near the previewed candidate (the one drawn as ghost notes), else
 * near the phrase (its selected steps when there is a selection), from the MusicVAE, into the same list.
 * Its settings sit with the mutation's under "More settings", so the rail keeps its height for candidates.
 */
export function SimilarButton() {
  const vae = useVaeStore();
  const busy = useVaeState((s) => s.busy);
  const loading = useVaeState((s) => s.status.kind === 'loading');
  const previewed = useAppState((s) => visiblePreview(s));
  const hasSelection = useAppState((s) => !!s.editor.selection);
  const blocked = useAssignmentLocks().model;
  const of = previewed ? `candidate ${previewed.number}` : hasSelection ? 'the selected steps' : 'this phrase';
  return (
    <>
      <button
        type="button"
        className="similar-button"
        disabled={busy || !!blocked}
        aria-busy={busy}
        title={blocked ?? `Variations near ${of} from the MusicVAE, into this list`}
        onClick={() => {
          vae.actions.setSimilarSource(previewed ? previewed.id : 'phrase');
          void vae.actions.similar();
        }}
      >
        {busy ? 'Similar…' : 'Similar'}
      </button>
      {(busy || loading) && (
        <span role="status" className="visually-hidden">
          {loading ? 'Loading the variation model' : 'The variation model is working'}
        </span>
      )}
    </>
  );
}

/** Similar's settings: similarity 1 keeps the original's own code, 0 ignores it; how many variations. */
export function SimilarSettings() {
  const vae = useVaeStore();
  const similarity = useVaeState((s) => s.similarity);
  const count = useVaeState((s) => s.count);
  return (
    <div className="similar-settings" role="group" aria-label="Similar settings">
      <label className="field similarity-field" title="1 keeps the original, 0 ignores it">
        <span className="field-label">
          Similarity <output>{similarity.toFixed(2)}</output>
        </span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={similarity}
          aria-label="Similarity"
          onChange={(e) => vae.actions.setSimilarity(Number(e.target.value))}
        />
      </label>
      <NumberField
        label="Count"
        className="similar-count"
        value={count}
        min={1}
        max={8}
        onCommit={(v) => vae.actions.setCount(v)}
      />
    </div>
  );
}
