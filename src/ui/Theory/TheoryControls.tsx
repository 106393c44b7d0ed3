import { KeySuggestion } from './KeySuggestion';
import './theory.css';

import { theorySettings, useTheorySettings, type NoteLabelKind } from './theorySettings';

/** The overlay toggles: note labels (degrees or solfège), chord tones, intervals; and the key suggestion. */
export function TheoryControls() {
  const s = useTheorySettings();
  return (
    <fieldset className="theory-controls">
      <legend>Theory overlay</legend>
      <label>
        Note labels{' '}
        <select value={s.labels} onChange={(e) => theorySettings.set({ labels: e.target.value as NoteLabelKind })}>
          <option value="none">None</option>
          <option value="degrees">Scale degrees</option>
          <option value="solfege">Solfège</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={s.chordTones}
          onChange={(e) => theorySettings.set({ chordTones: e.target.checked })}
        />{' '}
        Chord tones
      </label>
      <label>
        <input
          type="checkbox"
          checked={s.intervals}
          onChange={(e) => theorySettings.set({ intervals: e.target.checked })}
        />{' '}
        Intervals
      </label>
      <KeySuggestion />
    </fieldset>
  );
}
