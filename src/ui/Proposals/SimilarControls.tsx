import { useAppState } from '../AppContext';
import { useAssignmentLocks } from '../Assignment/useAssignment';
import { useVaeState, useVaeStore } from '../Interpolate/useVae';
import { NumberField } from './NumberField';
import '../Interpolate/interpolate.css';

/**
 * "Similar": variations near the current phrase or a candidate, from the MusicVAE, into the Proposals
 * list. Similarity 1 keeps the phrase's own code, 0 ignores it; phrases longer than two bars are varied
 * window by window, keeping their bar lines.
 */
export function SimilarControls() {
  const vae = useVaeStore();
  const similarity = useVaeState((s) => s.similarity);
  const count = useVaeState((s) => s.count);
  const source = useVaeState((s) => s.similarSource);
  const busy = useVaeState((s) => s.busy);
  const loading = useVaeState((s) => s.status.kind === 'loading');
  const candidates = useAppState((s) => s.proposals.candidates);
  const blocked = useAssignmentLocks().model;
  const sourceGone = source !== 'phrase' && !candidates.some((c) => c.id === source);
  return (
    <div className="similar-controls" role="group" aria-label="Similar settings">
      <label className="field similarity-field">
        <span className="field-label">
          Similarity <output>{similarity.toFixed(2)}</output>
        </span>
        <input type="range" min={0} max={1} step={0.05} value={similarity} aria-label="Similarity" onChange={(e) => vae.actions.setSimilarity(Number(e.target.value))} />
      </label>
      <NumberField label="Count" value={count} min={1} max={8} onCommit={(v) => vae.actions.setCount(v)} />
      <label className="field">
        <span className="field-label">Similar to</span>
        <select value={sourceGone ? 'phrase' : source} onChange={(e) => vae.actions.setSimilarSource(e.target.value)}>
          <option value="phrase">This phrase</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              Candidate {c.number}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={busy || !!blocked}
        title={blocked ?? 'Variations near the phrase from the MusicVAE'}
        onClick={() => {
          if (sourceGone) vae.actions.setSimilarSource('phrase');
          void vae.actions.similar();
        }}
      >
        Similar
      </button>
      {(busy || loading) && (
        <span role="status" className="vae-status">
          {loading ? 'Loading the variation model…' : 'The variation model is working…'}
        </span>
      )}
    </div>
  );
}
