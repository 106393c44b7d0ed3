import { useState, type KeyboardEvent } from 'react';
import { VALIDATION_LIMITS } from '../../core/validate';
import { useActions, useAppState } from '../AppContext';

/** The current song's title, edited in place; committed on Enter or leaving the field (Escape reverts). */
export function SongTitle() {
  const actions = useActions();
  const title = useAppState((s) => s.song.title);
  const [draft, setDraft] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const commit = () => {
    if (draft === null) return;
    const result = actions.setTitle(draft);
    setReason(result.ok ? '' : result.reason);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
    if (e.key === 'Escape') {
      setDraft(null);
      setReason('');
    }
  };

  return (
    <div className="song-title">
      <input
        aria-label="Song title"
        className="title-input"
        value={draft ?? title}
        maxLength={VALIDATION_LIMITS.titleLength}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {reason && (
        <span role="status" className="field-reason">
          {reason}
        </span>
      )}
    </div>
  );
}
