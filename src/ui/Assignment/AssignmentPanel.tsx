import { useState, useSyncExternalStore } from 'react';
import { openTemplate, TEMPERATURE_LIMITS, type AssignmentTemplate } from '../../core/assignment';
import { PROJECT_FILE_EXTENSION, serializeProject } from '../../core/projectFile';
import { useAppState, useServices } from '../AppContext';
import { downloadText } from '../Notices/downloadText';
import { selectCurrentPhrase } from '../selectors';
import { describeLocks, useActiveAssignment, useAssignmentStore } from './useAssignment';
import { WhoWroteWhat } from './WhoWroteWhat';
import './assignment.css';

const linkFor = (fragment: string) => `${window.location.origin}${window.location.pathname}#${fragment}`;

function LinkField({ label, value }: { label: string; value: string }) {
  return (
    <label className="field assignment-link">
      <span className="field-label">{label}</span>
      <input type="text" readOnly value={value} onFocus={(e) => e.target.select()} />
    </label>
  );
}

/** The student's view of an assignment: what is locked, and how to hand the work back. */
function AssignmentBanner({ template }: { template: AssignmentTemplate }) {
  const assignments = useAssignmentStore();
  const { store } = useServices();
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const locks = describeLocks(template);
  return (
    <section className="assignment-panel assignment-banner" aria-label="Assignment">
      <h2 className="panel-title">Assignment</h2>
      {template.brief && <p className="assignment-brief">{template.brief}</p>}
      <p>{locks.length ? `Locked by the teacher: ${locks.join('; ')}.` : 'Nothing is locked.'}</p>
      <div className="assignment-controls">
        <button
          type="button"
          onClick={() =>
            void assignments.actions.makeHandBackLink().then(
              (fragment) => (setLink(linkFor(fragment)), setError('')),
              (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          Make hand-back link
        </button>
        <button
          type="button"
          onClick={() => {
            const song = store.getState().song;
            downloadText(`${song.title.replace(/[^\w -]+/g, '').trim() || 'song'} hand-back${PROJECT_FILE_EXTENSION}`, serializeProject(song));
          }}
        >
          Download hand-back file
        </button>
      </div>
      {link && <LinkField label="Hand-back link" value={link} />}
      {error && <p role="alert">Could not make the hand-back link: {error}</p>}
    </section>
  );
}

/** The teacher's form: lock settings of the open song and make a link students open. */
function AssignmentMaker() {
  const assignments = useAssignmentStore();
  const key = useAppState((s) => s.song.key);
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
    const template: AssignmentTemplate = { ...draft, key: { ...key }, bars: lockBars ? bars : null };
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
    <details className="assignment-panel">
      <summary>Make an assignment from this song</summary>
      <div className="assignment-controls" role="group" aria-label="Assignment settings">
        <label className="field">
          <span className="field-label">Brief</span>
          <input type="text" value={draft.brief} maxLength={500} onChange={(e) => patch({ brief: e.target.value })} />
        </label>
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
          Lock phrase length ({bars})
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.modelAllowed} onChange={(e) => patch({ modelAllowed: e.target.checked })} />
          Allow the model
        </label>
        <label className="field">
          <span className="field-label">Lowest temperature</span>
          <input type="number" min={0} max={2} step={0.1} value={draft.temperature.min} disabled={!draft.modelAllowed} onChange={(e) => setRange('min', Number(e.target.value))} />
        </label>
        <label className="field">
          <span className="field-label">Highest temperature</span>
          <input type="number" min={0} max={2} step={0.1} value={draft.temperature.max} disabled={!draft.modelAllowed} onChange={(e) => setRange('max', Number(e.target.value))} />
        </label>
        <button type="button" onClick={make}>
          Make assignment link
        </button>
      </div>
      {link && <LinkField label="Assignment link" value={link} />}
      {error && <p role="alert">Could not make the assignment link: {error}</p>}
    </details>
  );
}

/** The student's banner, at the top of the page while an assignment's song is open. */
export function AssignmentStatus() {
  const template = useActiveAssignment();
  return template ? <AssignmentBanner template={template} /> : null;
}

/**
 * The teacher's side: the assignment maker (for a song that is not itself an assignment) and the
 * "who wrote what" report, opened by a hand-back link or on request.
 */
export function AssignmentPanel() {
  const assignments = useAssignmentStore();
  const template = useActiveAssignment();
  const reportOpen = useSyncExternalStore(assignments.subscribe, () => assignments.getState().reportOpen);
  return (
    <>
      {!template && <AssignmentMaker />}
      {reportOpen ? (
        <WhoWroteWhat onClose={() => assignments.actions.setReportOpen(false)} />
      ) : (
        <button type="button" className="ghost" onClick={() => assignments.actions.setReportOpen(true)}>
          Who wrote what
        </button>
      )}
    </>
  );
}
