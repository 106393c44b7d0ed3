import { stepsPerBar as barSteps } from '../../core/meter';
import { useAppState } from '../AppContext';
import { ProbabilityMap } from './ProbabilityMap';

/** The teaching view of one candidate: what the model weighed at each step (shown in the Theory panel). */
export function TeachingView() {
  const teaching = useAppState((s) =>
    s.proposals.teachingId ? s.proposals.candidates.find((c) => c.id === s.proposals.teachingId) : undefined,
  );
  const timeSignature = useAppState((s) => s.song.timeSignature);
  if (!teaching?.probabilities) {
    return (
      <p className="empty-hint">Press a candidate’s Probabilities button to see what the model weighed at each step.</p>
    );
  }
  return (
    <section className="teaching-view" aria-label="Teaching view">
      <h3>Why candidate {teaching.number}? What the model weighed at each step</h3>
      <ProbabilityMap
        probabilities={teaching.probabilities}
        notes={teaching.notes}
        stepsPerBar={barSteps(timeSignature)}
        label={`Candidate ${teaching.number} probabilities`}
      />
    </section>
  );
}
