import { useDeferredValue, useMemo, useState, useSyncExternalStore } from 'react';
import { stepsPerBar as barSteps } from '../../core/meter';
import { MAX_SEED } from '../../store/proposals/settings';
import type { MutationKind, PrimerMode } from '../../store/proposals/types';
import { MUTATION_LABELS } from '../../store/proposals/variations';
import { useAppState, useServices } from '../AppContext';
import { useAssignmentLocks } from '../Assignment/useAssignment';
import { selectedSpan } from '../../store/selectors';
import { orderCandidates } from '../../store/proposals/sureness';
import { acceptFromUi } from './acceptFlow';
import { CandidateItem, type CandidateHandlers } from './CandidateItem';
import { CandidateOrderSelect } from './CandidateOrderSelect';
import { FillSelectionButton } from './FillSelectionButton';
import { FillSettings } from './FillSettings';
import { ModelActivity } from './ModelActivity';
import { StylePicker } from './StylePicker';
import { NumberField } from './NumberField';
import { PreviewStatus } from './PreviewStatus';
import { SimilarButton, SimilarSettings } from './SimilarControls';
import './proposals.css';

const PRIMER_LABELS: Record<PrimerMode, string> = {
  previous: 'The previous phrase and this one',
  own: 'This phrase only',
  none: 'Nothing (a fresh idea)',
};

/**
 * The candidate rail beside the grid: what to ask (style, temperature, how many, how long, scale lock; more
 * behind "More settings", Similar's too), the Propose button with Similar beside it (MusicVAE variations of the
 * previewed candidate or of the phrase), and the candidates as a compact list of small piano rolls.
 * The previewed one is drawn on the grid itself; a click on another previews it.
 */
export function ProposalsPanel() {
  const { actions, ui } = useServices();
  const settings = useAppState((s) => s.proposals.settings);
  // An assignment may keep the temperature in a range or the model out altogether.
  const locks = useAssignmentLocks();
  // Deferred: the ghost notes on the grid paint first; the rail's rolls follow in an interruptible pass.
  const made = useDeferredValue(useAppState((s) => s.proposals.candidates));
  const candidates = useMemo(() => orderCandidates(made, settings.candidateOrder), [made, settings.candidateOrder]);
  const previewId = useDeferredValue(useAppState((s) => s.proposals.previewId));
  const selection = useAppState(selectedSpan);
  const auditioningId = useAppState((s) => s.proposals.auditioningId);
  const teachingId = useAppState((s) => s.proposals.teachingId);
  const activity = useAppState((s) => s.proposals.activity);
  const timeSignature = useAppState((s) => s.song.timeSignature);
  const pending = useSyncExternalStore(ui.subscribe, () => ui.get().pendingAccept);
  const [more, setMore] = useState(false);
  // Which candidates fit after the phrase's written bars, as one string of ids: a primitive, so a note edit
  // re-renders the rail only when it changes what can be appended.
  const appendable = useAppState((s) =>
    s.proposals.candidates
      .filter((c) => actions.canAppend(c.id))
      .map((c) => c.id)
      .join(' '),
  );
  const perBar = barSteps(timeSignature);
  const busy = activity.kind !== 'idle';

  const handlers = useMemo<CandidateHandlers>(
    () => ({
      preview: (id) => actions.previewCandidate(id),
      audition: (id) => void actions.auditionCandidate(id),
      accept: (id, mode) => acceptFromUi(ui, actions, id, mode),
      cancelAccept: () => ui.set({ pendingAccept: null }),
      mutate: (id) => void actions.mutateCandidate(id),
      discard: (id) => {
        if (ui.get().pendingAccept?.id === id) ui.set({ pendingAccept: null });
        actions.discardCandidate(id);
      },
      teach: (id) => actions.setTeachingCandidate(id),
    }),
    [actions, ui],
  );

  return (
    <section className="rail card" aria-label="Model proposals">
      <div className="rail-head">
        <h2 className="panel-title">Ideas</h2>
        <PreviewStatus />
      </div>
      <StylePicker />
      <div className="propose-controls" role="group" aria-label="Proposal settings">
        <NumberField
          label="Temperature"
          value={settings.temperature}
          min={locks.temperature?.min ?? 0}
          max={locks.temperature?.max ?? 2}
          step={0.1}
          onCommit={(v) => actions.setProposalSettings({ temperature: v })}
        />
        <NumberField
          label="Candidates"
          value={settings.candidates}
          min={1}
          max={8}
          onCommit={(v) => actions.setProposalSettings({ candidates: v })}
        />
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
        <label className="check">
          <input
            type="checkbox"
            checked={settings.scaleLock}
            onChange={(e) => actions.setProposalSettings({ scaleLock: e.target.checked })}
          />
          Scale lock
        </label>
        <button
          type="button"
          className="ghost small more-toggle"
          aria-expanded={more}
          onClick={() => setMore((m) => !m)}
        >
          More settings
        </button>
      </div>
      {more && (
        <div className="more-settings" role="group" aria-label="More proposal settings">
          <NumberField
            label="Seed"
            className="seed-field"
            value={settings.seed}
            min={0}
            max={MAX_SEED}
            onCommit={(v) => actions.setProposalSettings({ seed: v })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={settings.keepSeed}
              onChange={(e) => actions.setProposalSettings({ keepSeed: e.target.checked })}
            />
            Keep seed
          </label>
          <label className="field wide">
            <span className="field-label">Primer</span>
            <select
              value={settings.primer}
              onChange={(e) => actions.setProposalSettings({ primer: e.target.value as PrimerMode })}
            >
              {(Object.keys(PRIMER_LABELS) as PrimerMode[]).map((m) => (
                <option key={m} value={m}>
                  {PRIMER_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <label className="field wide">
            <span className="field-label">Mutation</span>
            <select
              value={settings.mutation}
              onChange={(e) => actions.setProposalSettings({ mutation: e.target.value as MutationKind })}
            >
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
          <FillSettings />
          <CandidateOrderSelect />
          <SimilarSettings />
        </div>
      )}
      <div className="propose-row">
        <button
          type="button"
          className="primary propose-button"
          aria-keyshortcuts="P"
          disabled={busy || !!locks.model}
          title={locks.model ?? 'Candidates for the selection, else after your last note (P)'}
          onClick={() => void actions.propose()}
        >
          Propose <kbd aria-hidden="true">P</kbd>
        </button>
        <FillSelectionButton span={selection} busy={busy} blocked={locks.model} />
        <SimilarButton />
      </div>
      <ModelActivity />
      <ul className="candidate-list" role="list" aria-label="Proposals">
        {candidates.map((c) => (
          <CandidateItem
            key={c.id}
            candidate={c}
            stepsPerBar={perBar}
            previewed={previewId === c.id}
            auditioning={auditioningId === c.id}
            teaching={teachingId === c.id}
            canAppend={appendable.split(' ').includes(c.id)}
            busy={busy}
            mutateBlocked={settings.mutation === 'resample' ? locks.model : undefined}
            confirm={pending?.id === c.id ? pending.reason : undefined}
            handlers={handlers}
          />
        ))}
      </ul>
      {candidates.length === 0 && (
        <p className="empty-hint">
          Press Propose (P): the model writes after your last note, or into the steps you select.
        </p>
      )}
    </section>
  );
}
