import { useId, useMemo, useState } from 'react';
import { diatonicChords } from '../../core/chords';
import { stepsPerBar as barSteps } from '../../core/meter';
import { useActions, useAppState } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';
import { chordTextPerBar, parseBarChords, replaceBar } from './barChords';
import { ChordSuggestion } from './ChordSuggestion';
import { HarmonyControls } from './HarmonyControls';

/**
 * The current phrase's chords, bar by bar: type or pick from the key's chords ("Am" or "Am G" to split a
 * bar). They sound under the phrase and condition chord models; each change is one undo step.
 */
export function ChordPicker() {
  const actions = useActions();
  const phrase = useAppState(selectCurrentPhrase);
  const key = useAppState((s) => s.song.key);
  const ts = useAppState((s) => s.song.timeSignature);
  const listId = useId();
  const perBar = barSteps(ts);
  const bars = phrase?.bars ?? 1;
  const texts = useMemo(() => chordTextPerBar(phrase?.chords, bars, perBar), [phrase?.chords, bars, perBar]);
  const suggestions = useMemo(
    () => [...diatonicChords(key), ...diatonicChords(key, { sevenths: true }), 'N.C.'],
    [key],
  );
  const [drafts, setDrafts] = useState<string[]>(texts);
  const [reason, setReason] = useState('');
  // The phrase's chords changed (undo, another phrase): the drafts start again from them, in this render.
  const [draftsOf, setDraftsOf] = useState(texts);
  if (draftsOf !== texts) {
    setDraftsOf(texts);
    setDrafts(texts);
  }

  const commit = (bar: number) => {
    const parsed = parseBarChords(drafts[bar] ?? '', bar, perBar);
    if (!parsed.ok) {
      setReason(`Bar ${bar + 1}: ${parsed.reason}`);
      return;
    }
    setReason('');
    actions.setPhraseChords(replaceBar(phrase?.chords, bar, perBar, parsed.chords));
  };

  if (!phrase) return null;
  return (
    <section className="chord-picker" aria-label="Chords">
      <h2 className="panel-title">Chords of phrase {phrase.name}</h2>
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <div className="chord-bars">
        {Array.from({ length: bars }, (_, bar) => (
          <label key={bar} className="field chord-bar">
            <span className="field-label">Bar {bar + 1} chords</span>
            <input
              list={listId}
              value={drafts[bar] ?? ''}
              placeholder={bar === 0 ? 'e.g. Am' : '(continues)'}
              onChange={(e) => setDrafts((d) => Object.assign([...d], { [bar]: e.target.value }))}
              onBlur={() => commit(bar)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit(bar);
              }}
            />
          </label>
        ))}
      </div>
      <p className="chord-hint">
        In {key.tonic} {key.scale}:{' '}
        {diatonicChords(key).map((c) => (
          <button
            key={c}
            type="button"
            className="chip"
            aria-label={`Add ${c} to the first bar without chords`}
            onClick={() => {
              const bar = texts.findIndex((t) => t === '');
              const target = bar < 0 ? bars - 1 : bar;
              const parsed = parseBarChords(c, target, perBar);
              if (parsed.ok) actions.setPhraseChords(replaceBar(phrase.chords, target, perBar, parsed.chords));
            }}
          >
            {c}
          </button>
        ))}
      </p>
      {reason && (
        <p role="alert" className="field-reason">
          {reason}
        </p>
      )}
      <HarmonyControls />
      <ChordSuggestion />
    </section>
  );
}
