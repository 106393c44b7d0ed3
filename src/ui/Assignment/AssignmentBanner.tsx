import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { AssignmentTemplate } from '../../core/assignment';
import { downloadText } from '../Notices/downloadText';
import { linkFor } from './AssignmentMaker';
import { LinkField } from './LinkField';
import { describeLocks, useAssignmentStore } from './useAssignment';

/** The student's name for the open assignment song (re-rendering when it changes). */
function useStudentName(): string {
  const assignments = useAssignmentStore();
  return useSyncExternalStore(assignments.subscribe, () => assignments.actions.studentName());
}

/**
 * Asks the student's name before they work on an assignment (a modal dialog: the page behind it cannot be
 * used until a name is given). The name is kept with this song only and goes with the hand-back.
 */
export function StudentNameDialog({ open, onDone }: { open: boolean; onDone?: () => void }) {
  const assignments = useAssignmentStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [name, setName] = useState(() => assignments.actions.studentName());
  const [problem, setProblem] = useState('');
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const start = () => {
    if (!name.trim()) {
      setProblem('Type your name, so your teacher knows whose work this is.');
      return;
    }
    assignments.actions.setStudentName(name);
    onDone?.();
  };
  return (
    <dialog ref={dialog} className="student-name-dialog" aria-labelledby={titleId} onCancel={(e) => e.preventDefault()}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <h2 id={titleId}>Who is writing this assignment?</h2>
        <label className="form-row form-wide">
          <span className="form-label">Your name</span>
          <input
            type="text"
            autoFocus
            value={name}
            maxLength={80}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {problem && <p role="alert">{problem}</p>}
        <p className="classroom-hint">It stays with this song and goes to your teacher with your hand-back.</p>
        <button type="submit" className="primary">
          Start
        </button>
      </form>
    </dialog>
  );
}

/** The student's view of an assignment: the brief, what is locked, their name, and how to hand the work back. */
export function AssignmentBanner({ template }: { template: AssignmentTemplate }) {
  const assignments = useAssignmentStore();
  const student = useStudentName();
  const [renaming, setRenaming] = useState(false);
  const [link, setLink] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState('');
  const locks = describeLocks(template);
  const handBack = () =>
    void assignments.actions.handBack().then(
      (out) => (setLink(linkFor(out.fragment)), setFile({ name: out.fileName, text: out.fileText }), setError('')),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <section className="assignment-banner" aria-label="Assignment">
      <h2 className="panel-title">Assignment{template.title ? `: ${template.title}` : ''}</h2>
      {template.brief && <p className="assignment-brief">{template.brief}</p>}
      <p>{locks.length ? `Locked by the teacher: ${locks.join('; ')}.` : 'Nothing is locked.'}</p>
      <p className="assignment-student">
        {student ? (
          <>
            Written by <strong>{student}</strong>{' '}
            <button type="button" className="link" onClick={() => setRenaming(true)}>
              Change name
            </button>
          </>
        ) : (
          'Give your name to start.'
        )}
      </p>
      <StudentNameDialog open={!student || renaming} onDone={() => setRenaming(false)} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={handBack}>
          Hand back
        </button>
        {file && (
          <button type="button" onClick={() => downloadText(file.name, file.text)}>
            Download hand-back file
          </button>
        )}
      </div>
      {link && <LinkField label="Hand-back link" value={link} />}
      {error && <p role="alert">Could not make the hand-back: {error}</p>}
    </section>
  );
}
