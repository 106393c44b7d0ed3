import { useAppState } from '../AppContext';

/**
 * What the model is doing, for eyes and screen readers: a progressbar while a checkpoint downloads, a
 * status while it writes, and which model is ready (with its backend) once it is.
 */
export function ModelActivity() {
  const model = useAppState((s) => s.proposals.model);
  const activity = useAppState((s) => s.proposals.activity);
  const modelId = useAppState((s) => s.proposals.modelId);
  const lastMs = useAppState((s) => s.proposals.lastProposeMs);

  if (model.kind === 'loading') {
    const percent = Math.round(model.progress.fraction * 100);
    return (
      <div className="model-activity">
        <span className="spinner" aria-hidden="true" />
        <div
          role="progressbar"
          aria-label="Loading the model"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`Loading the model: ${model.progress.message} (${percent}%)`}
          className="model-progress"
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        <span className="model-activity-text">
          Loading the model: {model.progress.message} ({percent}%)
        </span>
      </div>
    );
  }
  if (activity.kind === 'generating') {
    return (
      <div className="model-activity" role="status">
        <span className="spinner" aria-hidden="true" />
        The model is writing {activity.candidates} candidate{activity.candidates === 1 ? '' : 's'}…
      </div>
    );
  }
  const ready =
    model.kind === 'ready'
      ? `${modelId ?? 'Model'} ready (${model.info.kind === 'chord' ? 'follows chords, ' : ''}${model.info.backend})`
      : '';
  return (
    <div
      className="model-activity"
      role="status"
      title={
        model.kind === 'ready'
          ? `${ready}${lastMs !== undefined ? `; the last proposal took ${Math.round(lastMs)} ms from the click` : ''}`
          : undefined
      }
    >
      {model.kind === 'ready'
        ? `${ready}${lastMs !== undefined ? ` · last ${Math.round(lastMs)} ms` : ''}.`
        : model.kind === 'failed'
          ? 'No model loaded.'
          : 'The model loads when you first press Propose.'}
    </div>
  );
}
