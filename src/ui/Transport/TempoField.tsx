import { useId, useState, type KeyboardEvent } from 'react';
import { LIMITS } from '../../core/types';
import { useActions, useAppState } from '../AppContext';

/** True when typed text is a tempo the store takes as it is (so it can be applied while typing). */
export function isAcceptableTempoText(text: string): boolean {
  if (text.trim() === '') return false;
  const n = Number(text);
  return Number.isFinite(n) && n >= LIMITS.tempo.min && n <= LIMITS.tempo.max;
}

/**
 * Tempo in BPM. A value inside 40-240 is applied as it is typed (so it is heard while the loop plays); an
 * out-of-range value waits for Enter or leaving the field, then the store clamps it and the reason shows
 * beside the field. Escape puts the field back.
 */
export function TempoField() {
  const actions = useActions();
  const tempo = useAppState((s) => s.song.tempo);
  const [draft, setDraft] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();

  const commit = (text: string) => {
    setDraft(null);
    if (text.trim() === '') {
      setReason(`Tempo must be a number from ${LIMITS.tempo.min} to ${LIMITS.tempo.max}; kept ${tempo}.`);
      return;
    }
    const result = actions.setTempo(Number(text));
    setReason(result.ok ? '' : result.reason);
  };

  const onChange = (text: string) => {
    setDraft(text);
    if (isAcceptableTempoText(text)) {
      actions.setTempo(Number(text));
      setReason('');
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && draft !== null) commit(draft);
    if (e.key === 'Escape') {
      setDraft(null);
      setReason('');
    }
  };

  const invalid = draft !== null && !isAcceptableTempoText(draft);
  return (
    <div className="field tempo-field">
      <label>
        <span className="field-label">Tempo</span>
        <input
          type="number"
          inputMode="numeric"
          min={LIMITS.tempo.min}
          max={LIMITS.tempo.max}
          step={1}
          value={draft ?? String(tempo)}
          aria-invalid={invalid || undefined}
          aria-describedby={reasonId}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => draft !== null && commit(draft)}
          onKeyDown={onKeyDown}
        />
        <span className="unit" aria-hidden="true">
          BPM
        </span>
      </label>
      <span id={reasonId} role="status" className="field-reason">
        {reason}
      </span>
    </div>
  );
}
