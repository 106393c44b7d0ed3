import { ClassroomPanel } from '../Classroom/ClassroomPanel';
import { AssignmentBanner } from './AssignmentBanner';
import { useActiveAssignment } from './useAssignment';
import './assignment.css';

/** The student's banner, at the top of the page while an assignment's song is open (name, locks, hand-back). */
export function AssignmentStatus() {
  const template = useActiveAssignment();
  return template ? <AssignmentBanner template={template} /> : null;
}

/** The Classroom panel (assignment maker, who wrote what, handout, class view): see Classroom/ClassroomPanel. */
export function AssignmentPanel() {
  return <ClassroomPanel />;
}
