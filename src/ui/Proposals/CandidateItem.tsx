import { memo, useMemo } from 'react';
import type { ProposalCandidate } from '../../store/proposals/types';
import { AppendIcon, CloseIcon, HeatIcon, MutateIcon, PlayIcon, StopIcon } from '../Icons';
import { CandidateScore } from './CandidateScore';
import { PianoRoll, type NoteMark } from './PianoRoll';

/** What a candidate can do, by candidate id: one object for the whole list, so items stay memoized. */
export interface CandidateHandlers {
  preview(id: string): void;
  audition(id: string): void;
  accept(id: string, mode: 'replace' | 'append'): void;
  cancelAccept(): void;
  mutate(id: string): void;
  discard(id: string): void;
  teach(id: string | null): void;
}

interface Props {
  candidate: ProposalCandidate;
  stepsPerBar: number;
  previewed: boolean;
  auditioning: boolean;
  teaching: boolean;
  canAppend: boolean;
  busy: boolean;
  /** Why a model rewrite is not allowed here (an assignment that keeps the model out), if it is not. */
  mutateBlocked?: string;
  /** The question an Accept that would replace written notes asks, while it waits for a yes. */
  confirm?: string;
  handlers: CandidateHandlers;
}

/**
 * One candidate in the rail: its small piano roll (locked notes marked) and what the musician can do with it.
 * A click on it previews it on the grid; Accept is the one labelled button, the rest are icons with names.
 */
export const CandidateItem = memo(function CandidateItem(props: Props) {
  const {
    candidate: c,
    stepsPerBar,
    previewed,
    auditioning,
    teaching,
    canAppend,
    busy,
    mutateBlocked,
    confirm,
    handlers,
  } = props;
  const label = `Candidate ${c.number}`;
  const marks = useMemo<NoteMark[]>(
    () =>
      c.notes.map((n) => (c.lockedNotes.some((l) => l.start === n.start && l.pitch === n.pitch) ? 'locked' : 'plain')),
    [c.notes, c.lockedNotes],
  );
  // Sampled proposals say how to repeat them; variations and MusicVAE candidates (no per-step probabilities) what made them.
  const origin = c.kind === 'mutated' || !c.probabilities ? c.action : `seed ${c.seed}, T ${c.temperature}`;
  const where = `steps ${c.span.start + 1}–${c.span.end}`;
  return (
    <li
      className={`candidate${previewed ? ' is-previewed' : ''}${auditioning ? ' is-auditioning' : ''}`}
      aria-label={label}
      aria-current={previewed ? 'true' : undefined}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button')) handlers.preview(c.id);
      }}
    >
      <div className="candidate-head">
        <span className="candidate-number" aria-hidden="true" title={`${origin}; ${where}`}>
          {c.number}
        </span>
        <span className="candidate-origin">{c.kind === 'mutated' ? 'mutated' : c.idea === 'fill' ? 'fill' : ''}</span>
        <span className="candidate-actions">
          <button
            type="button"
            className="primary small"
            onClick={() => handlers.accept(c.id, 'replace')}
            title="Write these notes into the phrase (Enter)"
          >
            Accept
          </button>
          <button
            type="button"
            className="icon toggle"
            aria-label="Audition"
            aria-pressed={auditioning}
            title="Hear it in place, looping (Space)"
            onClick={() => handlers.audition(c.id)}
          >
            {auditioning ? <StopIcon /> : <PlayIcon />}
          </button>
          <button
            type="button"
            className="icon"
            aria-label="Mutate"
            disabled={busy || !!mutateBlocked}
            title={mutateBlocked ?? 'A new candidate near this one (M)'}
            onClick={() => handlers.mutate(c.id)}
          >
            <MutateIcon />
          </button>
          <button
            type="button"
            className="icon"
            aria-label="Append"
            disabled={!canAppend}
            title={canAppend ? 'Add it after the phrase’s last written bar' : 'No room: a phrase has at most 8 bars'}
            onClick={() => handlers.accept(c.id, 'append')}
          >
            <AppendIcon />
          </button>
          {c.probabilities && (
            <button
              type="button"
              className="icon toggle"
              aria-label="Probabilities"
              aria-pressed={teaching}
              title="Why these notes? The model's probabilities (opens the Theory panel)"
              onClick={() => handlers.teach(teaching ? null : c.id)}
            >
              <HeatIcon />
            </button>
          )}
          <button
            type="button"
            className="icon"
            aria-label="Discard"
            title="Discard (Delete)"
            onClick={() => handlers.discard(c.id)}
          >
            <CloseIcon />
          </button>
        </span>
      </div>
      <PianoRoll
        notes={c.notes}
        marks={marks}
        steps={c.span.end - c.span.start}
        stepsPerBar={stepsPerBar}
        label={label}
        height={32}
      />
      <CandidateScore candidate={c} />
      {confirm && (
        <div className="candidate-confirm" role="alert">
          <span>{confirm} Replace them?</span>
          <button type="button" className="danger small" autoFocus onClick={() => handlers.accept(c.id, 'replace')}>
            Replace them
          </button>
          <button type="button" className="small" onClick={() => handlers.cancelAccept()}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
});
