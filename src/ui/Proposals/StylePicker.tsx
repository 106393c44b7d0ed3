import { useState } from 'react';
import { songStyle, stylePair, stylesOf } from '../../core/checkpointIndex';
import { useActions, useAppState } from '../AppContext';

const CUSTOM = '__custom__';

/**
 * Whose models write: a style the checkpoint index offers ("Folk (Nottingham)", "Pop (POP909)"), whose
 * melody model writes over no chords and whose chord model follows the phrase's chords; the song remembers
 * it. Or any MusicRNN checkpoint URL the musician types (Google's hosted ones, a colleague's), which stands
 * in for the style until a style is chosen again. A change loads on the next Propose.
 */
export function StylePicker() {
  const actions = useActions();
  const checkpoints = useAppState((s) => s.proposals.checkpoints);
  const url = useAppState((s) => s.proposals.settings.checkpointUrl);
  const style = useAppState((s) => songStyle(s.song));
  const styles = stylesOf(checkpoints);
  const [choosingUrl, setChoosingUrl] = useState(false);
  const [draft, setDraft] = useState(url);
  // A new URL from the store resets the field in this render (no effect, no second render pass).
  const [seenUrl, setSeenUrl] = useState(url);
  if (seenUrl !== url) {
    setSeenUrl(url);
    setDraft(url);
  }
  const known = styles.some((s) => s.id === style);
  const showCustom = choosingUrl || url !== '' || !known;
  const pair = stylePair(style, checkpoints);
  const commitUrl = () => actions.setProposalSettings({ checkpointUrl: draft.trim() });

  return (
    <div className="model-picker">
      <label className="field">
        <span className="field-label">Model style</span>
        <select
          value={showCustom ? CUSTOM : style}
          onChange={(e) => {
            if (e.target.value === CUSTOM) setChoosingUrl(true);
            else {
              setChoosingUrl(false);
              actions.setStyle(e.target.value);
            }
          }}
        >
          {styles.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
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
            onBlur={commitUrl}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitUrl();
            }}
          />
        </label>
      )}
      {!showCustom && pair.melody?.description && (
        <p className="model-description">
          {pair.melody.description}
          {pair.chord ? ' Over chords, its chord model follows them.' : ''}
        </p>
      )}
    </div>
  );
}
