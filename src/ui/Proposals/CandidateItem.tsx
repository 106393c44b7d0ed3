import { memo, useMemo } from 'react';
import type { ProposalActions, ProposalCandidate } from '../../store/proposals/types';
import { PianoRoll, type NoteMark } from './PianoRoll';

interface Props {
  candidate: ProposalCandidate;
  stepsPerBar: number;
  auditioning: boolean;
  teaching: boolean;
  canAppend: boolean;
  busy: boolean;
  /** Why a model rewrite is not allowed here (an assignment that keeps the model out), if it is not. */
  mutateBlocked?: string;
  actions: Pick<ProposalActions, 'auditionCandidate' | 'acceptCandidate' | 'mutateCandidate' | 'discardCandidate' | 'setTeachingCandidate'>;
}

/** One candidate: its piano roll (locked notes marked) and what the musician can do with it. */
export const CandidateItem = memo(function CandidateItem({ candidate: c, stepsPerBar, auditioning, teaching, canAppend, busy, mutateBlocked, actions }: Props) {
  const label = `Candidate ${c.number}`;
  const marks = useMemo<NoteMark[]>(
    () => c.notes.map((n) => (c.lockedNotes.some((l) => l.start === n.start && l.pitch === n.pitch) ? 'locked' : 'plain')),
    [c.notes, c.lockedNotes],
  );
  // Sampled proposals say how to repeat them; variations and MusicVAE candidates (no per-step probabilities) what made them.
  const origin = c.kind === 'mutated' || !c.probabilities ? c.action : `seed ${c.seed}, temperature ${c.temperature}`;
  return (
    <li className={`candidate${auditioning ? ' is-auditioning' : ''}`} aria-label={label}>
      <div className="candidate-head">
        <span className="candidate-number">{c.number}</span>
        <span className="candidate-origin">{origin}</span>
      </div>
      <PianoRoll notes={c.notes} marks={marks} steps={c.bars * stepsPerBar} stepsPerBar={stepsPerBar} label={label} />
      <div className="candidate-actions">
        <button type="button" className="toggle" aria-pressed={auditioning} onClick={() => void actions.auditionCandidate(c.id)}>
          Audition
        </button>
        <button type="button" onClick={() => actions.acceptCandidate(c.id, 'replace')} title="Replace the phrase's notes with this candidate">
          Accept
        </button>
        <button
          type="button"
          className="ghost"
          disabled={!canAppend}
          onClick={() => actions.acceptCandidate(c.id, 'append')}
          title={canAppend ? 'Add this candidate after the phrase’s last written bar' : 'No room: a phrase has at most 8 bars'}
        >
          Append
        </button>
        <button
          type="button"
          className="ghost"
          disabled={busy || !!mutateBlocked}
          title={mutateBlocked}
          onClick={() => void actions.mutateCandidate(c.id)}
        >
          Mutate
        </button>
        {c.probabilities && (
          <button
            type="button"
            className="ghost toggle"
            aria-pressed={teaching}
            onClick={() => actions.setTeachingCandidate(teaching ? null : c.id)}
          >
            Probabilities
          </button>
        )}
        <button type="button" className="ghost" onClick={() => actions.discardCandidate(c.id)}>
          Discard
        </button>
      </div>
    </li>
  );
});
