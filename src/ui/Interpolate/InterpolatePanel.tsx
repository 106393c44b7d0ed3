import { stepsPerBar } from '../../core/meter';
import type { EndRef } from '../../store/proposals/vaeStore';
import { PATH_AUDITION_ID } from '../../store/proposals/audition';
import { useAppState } from '../AppContext';
import { useAssignmentLocks } from '../Assignment/useAssignment';
import { NumberField } from '../Proposals/NumberField';
import { PianoRoll } from '../Proposals/PianoRoll';
import { useVaeState, useVaeStore } from './useVae';
import './interpolate.css';

const encode = (ref: EndRef | null) => (ref ? `${ref.kind}:${ref.id}` : '');
const decode = (value: string): EndRef | null => {
  const [kind, ...rest] = value.split(':');
  return kind === 'phrase' || kind === 'candidate' ? { kind, id: rest.join(':') } : null;
};

/**
 * "Interpolate": two phrases (or candidates) and N in-between phrases on the straight line between their
 * MusicVAE codes, shown as a row of small piano rolls from A to B; the path can be auditioned, put into
 * the arrangement between the two ends' sections (one undo step), or added to the Proposals list.
 */
export function InterpolatePanel() {
  const vae = useVaeStore();
  const from = useVaeState((s) => s.from);
  const to = useVaeState((s) => s.to);
  const steps = useVaeState((s) => s.steps);
  const busy = useVaeState((s) => s.busy);
  const result = useVaeState((s) => s.interpolation);
  const phrases = useAppState((s) => s.song.phrases);
  const candidates = useAppState((s) => s.proposals.candidates);
  const timeSignature = useAppState((s) => s.song.timeSignature);
  const auditioning = useAppState((s) => s.proposals.auditioningId === PATH_AUDITION_ID);
  // Re-checked whenever the song or the candidates change (a note written into an empty end clears it).
  const problem = useAppState(() => vae.actions.interpolationProblem()) ?? null;
  const blocked = useAssignmentLocks().model;
  const perBar = stepsPerBar(timeSignature);
  const bothPhrases = result?.from.kind === 'phrase' && result.to.kind === 'phrase';

  const endSelect = (label: string, value: EndRef | null, onChange: (ref: EndRef | null) => void) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={encode(value)} onChange={(e) => onChange(decode(e.target.value))}>
        <option value="">Choose…</option>
        <optgroup label="Phrases">
          {phrases.map((p) => (
            <option key={p.id} value={`phrase:${p.id}`}>
              Phrase {p.name}
            </option>
          ))}
        </optgroup>
        {candidates.length > 0 && (
          <optgroup label="Candidates">
            {candidates.map((c) => (
              <option key={c.id} value={`candidate:${c.id}`}>
                Candidate {c.number}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );

  const reason = blocked ?? problem;
  return (
    <section className="interpolate-panel" aria-label="Interpolate">
      <h2 className="panel-title">Interpolate between two phrases</h2>
      <div className="interpolate-controls" role="group" aria-label="Interpolation settings">
        {endSelect('From', from, (ref) => vae.actions.setEnds(ref, to))}
        {endSelect('To', to, (ref) => vae.actions.setEnds(from, ref))}
        <NumberField
          label="In-between phrases"
          value={steps}
          min={2}
          max={8}
          onCommit={(v) => vae.actions.setSteps(v)}
        />
        <button
          type="button"
          disabled={busy || !!reason}
          aria-describedby={reason ? 'interpolate-reason' : undefined}
          onClick={() => void vae.actions.interpolate()}
        >
          Interpolate
        </button>
      </div>
      {reason && (
        <p id="interpolate-reason" className="interpolate-reason">
          {reason}.
        </p>
      )}
      {result && (
        <>
          <ol className="interpolation-row" role="list" aria-label="Interpolation">
            {[
              { key: 'from', name: result.fromName, phrase: result.fromPhrase },
              ...result.inBetween.map((p, i) => ({
                key: `step-${i}`,
                name: `${result.fromName}→${result.toName} ${i + 1}`,
                phrase: p,
              })),
              { key: 'to', name: result.toName, phrase: result.toPhrase },
            ].map(({ key, name, phrase }) => (
              <li
                key={key}
                className={key === 'from' || key === 'to' ? 'interpolation-end' : 'interpolation-step'}
                aria-label={name}
              >
                <span className="interpolation-name">{name}</span>
                <PianoRoll
                  notes={phrase.notes}
                  steps={phrase.bars * perBar}
                  stepsPerBar={perBar}
                  label={name}
                  height={40}
                />
              </li>
            ))}
          </ol>
          <div className="interpolate-actions">
            <button
              type="button"
              className="toggle"
              aria-pressed={auditioning}
              onClick={() => void vae.actions.auditionPath()}
            >
              Audition path
            </button>
            <button
              type="button"
              disabled={!bothPhrases}
              title={
                bothPhrases
                  ? 'Add the in-between phrases to the song, between the two sections'
                  : 'Both ends must be phrases of the song'
              }
              onClick={() => vae.actions.insertInterpolation()}
            >
              Insert between sections
            </button>
            <button type="button" className="ghost" onClick={() => vae.actions.addInterpolationToProposals()}>
              Add to proposals
            </button>
          </div>
        </>
      )}
    </section>
  );
}
