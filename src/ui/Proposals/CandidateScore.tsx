import type { ProposalCandidate } from '../../store/proposals/types';
import { SURE_LABEL_TEXT } from '../../store/proposals/sureness';

const format = (x: number) => x.toFixed(2).replace('-', '−');

/**
 * How sure the model is of a candidate (its label among its batch and the mean log-probability per step),
 * and for a fill how well it leads into what follows against a plain continuation.
 */
export function CandidateScore({ candidate: c }: { candidate: ProposalCandidate }) {
  if (c.meanLogProb === undefined && !c.fit) return null;
  return (
    <p className="candidate-score">
      {c.meanLogProb !== undefined && c.sureLabel && (
        <span className={`sure sure-${c.sureLabel}`} title="Mean log-probability per step the model gives this candidate (closer to 0: more expected)">
          {SURE_LABEL_TEXT[c.sureLabel]} · {format(c.meanLogProb)} per step
        </span>
      )}
      {c.fit && (
        <span className="fit" title="How likely the model finds the notes after the selection once this fill is in place, per step">
          {' '}
          · leads in {format(c.fit.perStep)} per step (plain continuation {format(c.fit.plainPerStep)})
        </span>
      )}
    </p>
  );
}
