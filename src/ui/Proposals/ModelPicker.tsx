import { useState } from 'react';
import { useActions, useAppState } from '../AppContext';

const CUSTOM = '__custom__';

/**
 * Which checkpoint writes: the ones public/checkpoints/index.json offers, or any MusicRNN checkpoint URL
 * the musician types (Google's hosted ones, a colleague's). Changing the choice loads on the next Propose.
 */
export function ModelPicker() {
  const actions = useActions();
  const checkpoints = useAppState((s) => s.proposals.checkpoints);
  const url = useAppState((s) => s.proposals.settings.checkpointUrl);
  const listed = checkpoints.some((c) => c.path === url);
  const [custom, setCustom] = useState(!listed);
  const [draft, setDraft] = useState(url);
  // A new URL or list from the store resets the field in this render (no effect, no second render pass).
  const [seen, setSeen] = useState({ url, checkpoints });
  if (seen.url !== url || seen.checkpoints !== checkpoints) {
    setSeen({ url, checkpoints });
    if (listed) setCustom(false);
    setDraft(url);
  }
  const showCustom = custom || !listed;
  const chosen = checkpoints.find((c) => c.path === url);

  return (
    <div className="model-picker">
      <label className="field">
        <span className="field-label">Model</span>
        <select
          value={showCustom ? CUSTOM : url}
          onChange={(e) => {
            if (e.target.value === CUSTOM) setCustom(true);
            else {
              setCustom(false);
              actions.setProposalSettings({ checkpointUrl: e.target.value });
            }
          }}
        >
          {checkpoints.map((c) => (
            <option key={c.id} value={c.path}>
              {c.name} ({c.kind === 'chord' ? 'follows chords' : 'melody'})
            </option>
          ))}
          <option value={CUSTOM}>Other checkpoint URL…</option>
        </select>
      </label>
      {showCustom && (
        <label className="field url-field">
          <span className="field-label">Checkpoint URL</span>
          <input
            type="url"
            placeholder="https://…/checkpoints/basic_rnn"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => actions.setProposalSettings({ checkpointUrl: draft.trim() })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') actions.setProposalSettings({ checkpointUrl: draft.trim() });
            }}
          />
        </label>
      )}
      {chosen?.description && !showCustom && <p className="model-description">{chosen.description}</p>}
    </div>
  );
}
