import { useId } from 'react';
import { selectedSpan } from '../../store/selectors';
import { useActions, useAppState } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';

/**
 * "Suggest chords" (with its two settings: a chord per bar or per half bar, this phrase or the whole song) and
 * "Melody for these chords". When chords cannot be suggested the reason is shown beside the button.
 */
export function HarmonyControls() {
  const actions = useActions();
  const busy = useAppState((s) => s.proposals.activity.kind !== 'idle');
  const chordsPer = useAppState((s) => s.proposals.settings.chordsPer);
  const scope = useAppState((s) => s.proposals.settings.harmonizeScope);
  // Re-evaluated when the notes, the scope or the model list change (primitives, so no extra renders).
  const blocked = useAppState(() => actions.harmonizeBlockedReason());
  const hasChords = useAppState((s) => (selectCurrentPhrase(s)?.chords?.length ?? 0) > 0);
  // With steps selected and "This phrase", only the selected bars get chords.
  const selection = useAppState(selectedSpan);
  const span = scope === 'phrase' ? selection : null;
  const reasonId = useId();
  return (
    <div className="harmony-controls" role="group" aria-label="Chord suggestions">
      <label className="field">
        <span className="field-label">Chords per</span>
        <select
          value={chordsPer}
          onChange={(e) => actions.setProposalSettings({ chordsPer: e.target.value === 'halfBar' ? 'halfBar' : 'bar' })}
        >
          <option value="bar">Bar</option>
          <option value="halfBar">Half bar</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Suggest for</span>
        <select
          value={scope}
          onChange={(e) =>
            actions.setProposalSettings({ harmonizeScope: e.target.value === 'song' ? 'song' : 'phrase' })
          }
        >
          <option value="phrase">This phrase</option>
          <option value="song">The whole song</option>
        </select>
      </label>
      <button
        type="button"
        disabled={busy || blocked !== null}
        aria-describedby={blocked ? reasonId : undefined}
        title={blocked ?? (span ? `Chords for the bars of steps ${span.start + 1}–${span.end}` : undefined)}
        onClick={() => void actions.suggestChords(span ?? undefined)}
      >
        Suggest chords
      </button>
      <button
        type="button"
        className="ghost"
        disabled={busy || !hasChords}
        title={hasChords ? 'The chord model writes candidates over these chords' : 'Add chords first'}
        onClick={() => void actions.melodyForChords()}
      >
        Melody for these chords
      </button>
      {blocked && (
        <span id={reasonId} className="control-hint">
          {blocked}
        </span>
      )}
    </div>
  );
}
