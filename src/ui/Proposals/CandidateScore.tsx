import type { ProposalCandidate } from '../../store/proposals/types';
import { SURE_LABEL_TEXT } from '../../store/proposals/sureness';

const format = (x: number) => x.toFixed(2).replace('-', '−');

/**
 * How sure the model is of a candidate (its label among its batch and the mean log-probability per step),
 * and for a fill how well it leads into what follows against a plain continuation. One short line in the
 * rail (the rail keeps four candidates on screen at 1280x800); the title says it in full.
 */
export function CandidateScore({ candidate: c }: { candidate: ProposalCandidate }) {
  if (c.meanLogProb === undefined && !c.fit) return null;
  const sure =
    c.meanLogProb !== undefined && c.sureLabel
      ? `${SURE_LABEL_TEXT[c.sureLabel]}: the model gives it ${format(c.meanLogProb)} log-probability per step (closer to 0: more expected)`
      : '';
  const fit = c.fit
    ? `Leads into what follows at ${format(c.fit.perStep)} per step, against ${format(c.fit.plainPerStep)} for a plain continuation (closer to 0: a smoother lead-in)`
    : '';
  return (
    <p className="candidate-score" title={[sure, fit].filter(Boolean).join('. ')}>
      {sure && (
        <span className={`sure sure-${c.sureLabel}`}>
          {SURE_LABEL_TEXT[c.sureLabel!]} · {format(c.meanLogProb!)}/step
        </span>
      )}
      {sure && fit && ' · '}
      {fit && (
        <span className="fit">
          leads in {format(c.fit!.perStep)} vs plain {format(c.fit!.plainPerStep)}
        </span>
      )}
    </p>
  );
}
