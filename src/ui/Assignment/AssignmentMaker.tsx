import { useState } from 'react';
import { openTemplate, TEMPERATURE_LIMITS, type AssignmentTemplate } from '../../core/assignment';
import { useAppState } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';
import { LinkField } from './LinkField';
import { useAssignmentStore } from './useAssignment';

export const linkFor = (fragment: string) => `${window.location.origin}${window.location.pathname}#${fragment}`;

/**
 * The teacher's form: what the student must keep (key, scale, phrase length, the temperatures and whether
 * the model may be used), a brief, and the link to hand out: every note of the song goes out as "given".
 */
export function AssignmentMaker() {
  const assignments = useAssignmentStore();
  const key = useAppState((s) => s.song.key);
  const title = useAppState((s) => s.song.title);
  const bars = useAppState((s) => selectCurrentPhrase(s)?.bars ?? 1);
  const [draft, setDraft] = useState(() => ({ ...openTemplate(key), lockKey: true, lockScale: true }));
  const [lockBars, setLockBars] = useState(false);
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const patch = (p: Partial<AssignmentTemplate>) => setDraft((d) => ({ ...d, ...p }));
  const setRange = (which: 'min' | 'max', v: number) => {
    const value = Math.min(TEMPERATURE_LIMITS.max, Math.max(TEMPERATURE_LIMITS.min, v));
    if (Number.isFinite(value)) patch({ temperature: { ...draft.temperature, [which]: value } });
  };
  const make = () => {
    const template: AssignmentTemplate = { ...draft, key: { ...key }, bars: lockBars ? bars : null, title };
    if (template.temperature.min > template.temperature.max) {
      setError('The lowest temperature is above the highest.');
      return;
    }
    assignments.actions.makeAssignmentLink(template).then(
      (fragment) => (setLink(linkFor(fragment)), setError('')),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="classroom-card assignment-maker" aria-labelledby="assignment-maker-title">
      <h3 id="assignment-maker-title" className="classroom-card-title">
        Make an assignment from “{title}”
      </h3>
      <p className="classroom-hint">
        The notes already in this song go out as given notes: the report never counts them as the student’s.
      </p>
      <div className="assignment-form" role="group" aria-label="Assignment settings">
        <label className="form-row form-wide">
          <span className="form-label">Brief</span>
          <textarea
            value={draft.brief}
            maxLength={500}
            rows={2}
            placeholder="What should the students write?"
            onChange={(e) => patch({ brief: e.target.value })}
          />
        </label>
        <fieldset className="form-locks">
          <legend className="form-label">The student keeps</legend>
          <label className="check">
            <input type="checkbox" checked={draft.lockKey} onChange={(e) => patch({ lockKey: e.target.checked })} />
            Lock key ({key.tonic})
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.lockScale} onChange={(e) => patch({ lockScale: e.target.checked })} />
            Lock scale ({key.scale})
          </label>
          <label className="check">
            <input type="checkbox" checked={lockBars} onChange={(e) => setLockBars(e.target.checked)} />
            Lock phrase length ({bars} bar{bars === 1 ? '' : 's'})
          </label>
        </fieldset>
        <fieldset className="form-locks">
          <legend className="form-label">The model</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.modelAllowed}
              onChange={(e) => patch({ modelAllowed: e.target.checked })}
            />
            Allow the model
          </label>
          <label className="form-row">
            <span>Lowest temperature</span>
            <input
              type="number"
              min={0}
              max={2}
              step={0.1}
              value={draft.temperature.min}
              disabled={!draft.modelAllowed}
              onChange={(e) => setRange('min', Number(e.target.value))}
            />
          </label>
          <label className="form-row">
            <span>Highest temperature</span>
            <input
              type="number"
              min={0}
              max={2}
              step={0.1}
              value={draft.temperature.max}
              disabled={!draft.modelAllowed}
              onChange={(e) => setRange('max', Number(e.target.value))}
            />
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="primary" onClick={make}>
            Make assignment
          </button>
        </div>
      </div>
      {link && <LinkField label="Assignment link" value={link} />}
      {error && <p role="alert">Could not make the assignment link: {error}</p>}
    </section>
  );
}
