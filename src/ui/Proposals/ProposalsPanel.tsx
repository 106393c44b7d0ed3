import { useDeferredValue } from 'react';
import { stepsPerBar as barSteps } from '../../core/meter';
import { MAX_SEED } from '../../store/proposals/settings';
import type { MutationKind, PrimerMode } from '../../store/proposals/types';
import { MUTATION_LABELS } from '../../store/proposals/variations';
import { useActions, useAppState } from '../AppContext';
import { CandidateItem } from './CandidateItem';
import { ModelActivity } from './ModelActivity';
import { ModelPicker } from './ModelPicker';
import { NumberField } from './NumberField';
import { ProbabilityMap } from './ProbabilityMap';
import { SimilarControls } from './SimilarControls';
import './proposals.css';
import { useAssignmentLocks } from '../Assignment/useAssignment';

const PRIMER_LABELS: Record<PrimerMode, string> = {
  previous: 'The previous phrase of the song',
  own: 'This phrase’s first notes (kept)',
  none: 'Nothing',
};

/**
 * The model's side of the page: what to ask (model, temperature, how many, how long, seed, primer, scale
 * lock), the Propose button, the candidates as a list, and the teaching view of one candidate.
 */
export function ProposalsPanel() {
  const actions = useActions();
  const settings = useAppState((s) => s.proposals.settings);
  // An assignment may keep the temperature in a range or the model out altogether.
  const locks = useAssignmentLocks();
  // Deferred: eight piano rolls render in an interruptible background pass, so the main thread never
  // blocks for long when candidates arrive (the 50 ms long-task budget while generating).
  const candidates = useDeferredValue(useAppState((s) => s.proposals.candidates));
  const auditioningId = useAppState((s) => s.proposals.auditioningId);
  const teachingId = useAppState((s) => s.proposals.teachingId);
  const activity = useAppState((s) => s.proposals.activity);
  const timeSignature = useAppState((s) => s.song.timeSignature);
  // Which candidates fit after the phrase's written bars, as one string of ids: a primitive, so a note edit
  // re-renders the panel only when it changes what can be appended.
  const appendable = useAppState((s) =>
    s.proposals.candidates
      .filter((c) => actions.canAppend(c.id))
      .map((c) => c.id)
      .join(' '),
  );
  const perBar = barSteps(timeSignature);
  const busy = activity.kind !== 'idle';
  const teaching = candidates.find((c) => c.id === teachingId);

  return (
    <section className="proposals-panel" aria-label="Model proposals">
      <h2 className="panel-title">Ideas from the model</h2>
      <ModelPicker />
      <div className="propose-controls" role="group" aria-label="Proposal settings">
        <NumberField label="Temperature" value={settings.temperature} min={locks.temperature?.min ?? 0} max={locks.temperature?.max ?? 2} step={0.1} onCommit={(v) => actions.setProposalSettings({ temperature: v })} />
        <NumberField label="Candidates" value={settings.candidates} min={1} max={8} onCommit={(v) => actions.setProposalSettings({ candidates: v })} />
        <label className="field">
          <span className="field-label">Bars</span>
          <select value={settings.bars} onChange={(e) => actions.setProposalSettings({ bars: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="Seed" className="seed-field" value={settings.seed} min={0} max={MAX_SEED} onCommit={(v) => actions.setProposalSettings({ seed: v })} />
        <label className="check">
          <input type="checkbox" checked={settings.keepSeed} onChange={(e) => actions.setProposalSettings({ keepSeed: e.target.checked })} />
          Keep seed
        </label>
        <label className="field">
          <span className="field-label">Primer</span>
          <select value={settings.primer} onChange={(e) => actions.setProposalSettings({ primer: e.target.value as PrimerMode })}>
            {(Object.keys(PRIMER_LABELS) as PrimerMode[]).map((m) => (
              <option key={m} value={m}>
                {PRIMER_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.scaleLock} onChange={(e) => actions.setProposalSettings({ scaleLock: e.target.checked })} />
          Scale lock
        </label>
        <button type="button" className="propose-button" disabled={busy || !!locks.model} title={locks.model} onClick={() => void actions.propose()}>
          Propose
        </button>
      </div>
      <div className="mutate-controls" role="group" aria-label="Mutation settings">
        <label className="field">
          <span className="field-label">Mutation</span>
          <select value={settings.mutation} onChange={(e) => actions.setProposalSettings({ mutation: e.target.value as MutationKind })}>
            {(Object.keys(MUTATION_LABELS) as MutationKind[]).map((m) => (
              <option key={m} value={m} disabled={m === 'resample' && !!locks.model}>
                {MUTATION_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        {settings.mutation === 'resample' && (
          <NumberField
            label="Share to rewrite (%)"
            value={Math.round(settings.mutateShare * 100)}
            min={10}
            max={90}
            step={10}
            onCommit={(v) => actions.setProposalSettings({ mutateShare: v / 100 })}
          />
        )}
      </div>
      <SimilarControls />
      <ModelActivity />
      <ul className="candidate-list" role="list" aria-label="Proposals">
        {candidates.map((c) => (
          <CandidateItem
            key={c.id}
            candidate={c}
            stepsPerBar={perBar}
            auditioning={auditioningId === c.id}
            teaching={teachingId === c.id}
            canAppend={appendable.split(' ').includes(c.id)}
            busy={busy}
            mutateBlocked={settings.mutation === 'resample' ? locks.model : undefined}
            actions={actions}
          />
        ))}
      </ul>
      {candidates.length === 0 && <p className="empty-hint">Press Propose and the model offers phrases for this one.</p>}
      {teaching?.probabilities && (
        <section className="teaching-view" aria-label="Teaching view">
          <h3>Why candidate {teaching.number}? What the model weighed at each step</h3>
          <ProbabilityMap probabilities={teaching.probabilities} notes={teaching.notes} stepsPerBar={perBar} label={`Candidate ${teaching.number} probabilities`} />
        </section>
      )}
    </section>
  );
}
