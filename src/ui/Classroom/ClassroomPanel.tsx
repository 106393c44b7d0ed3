import { useEffect, useSyncExternalStore } from 'react';
import { AssignmentMaker } from '../Assignment/AssignmentMaker';
import { useActiveAssignment, useAssignmentStore } from '../Assignment/useAssignment';
import { useAppState } from '../AppContext';
import { authorView } from './authorStyles';
import { ClassView } from './ClassView';
import { HandoutControls } from './Handout';
import { WhoWroteWhat } from './WhoWroteWhat';
import './classroom.css';

/**
 * Everything a teacher does in class, in one panel that can be mounted anywhere (the Classroom tab): make an
 * assignment, see who wrote what in the open song, print a handout, and gather the class's hand-backs.
 * A student working on an assignment sees the report and the handout here too (their banner, with the
 * hand-back, is at the top of the page: AssignmentStatus).
 */
export function ClassroomPanel() {
  const assignments = useAssignmentStore();
  const template = useActiveAssignment();
  const reportOpen = useSyncExternalStore(assignments.subscribe, () => assignments.getState().reportOpen);
  const songId = useAppState((s) => s.song.id);
  const handBack = useSyncExternalStore(assignments.subscribe, () => assignments.getState().handBacks[songId]);
  // The grid shows the authors while the report is open.
  useEffect(() => {
    authorView.set(reportOpen);
    return () => authorView.set(false);
  }, [reportOpen]);
  return (
    <section className="classroom-panel" aria-labelledby="classroom-panel-title">
      <h2 id="classroom-panel-title" className="panel-title">
        Classroom
      </h2>
      {!template && <AssignmentMaker />}
      {reportOpen ? (
        <WhoWroteWhat student={handBack?.student} onClose={() => assignments.actions.setReportOpen(false)} />
      ) : (
        <div className="classroom-card">
          <button type="button" aria-expanded="false" onClick={() => assignments.actions.setReportOpen(true)}>
            Who wrote what
          </button>{' '}
          <span className="classroom-hint">The open song’s notes by author, on the grid and on the staff.</span>
        </div>
      )}
      <HandoutControls />
      {!template && <ClassView />}
    </section>
  );
}
