import { useDeferredValue, useMemo, useState } from 'react';
import { diffNotes } from '../../core/history';
import { stepsPerBar as barSteps } from '../../core/meter';
import type { Note, PhraseVersion } from '../../core/types';
import { useActions, useAppState } from '../AppContext';
import { PianoRoll, type NoteMark } from '../Proposals/PianoRoll';
import { selectCurrentPhrase } from '../selectors';
import { IdeasSummary } from '../Ideas/IdeasSummary';
import { describeConstraints, describeOrigin } from './describeOrigin';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/**
 * The phrase's version history, newest first: how each version came to be (hand, model with its
 * temperature and seed, mutation, import, restore). "Compare" draws a version against the current notes
 * (added notes marked, removed notes hollow); "Restore" brings it back as a new version, so nothing is lost.
 */
export function HistoryPanel() {
  const actions = useActions();
  // Deferred: a note edit paints the grid first; this view follows in a background render.
  const phrase = useDeferredValue(useAppState(selectCurrentPhrase));
  const timeSignature = useAppState((s) => s.song.timeSignature);
  const [comparing, setComparing] = useState<number | null>(null);
  const perBar = barSteps(timeSignature);
  const history = phrase?.history ?? [];
  const compared: PhraseVersion | undefined = comparing !== null ? history[comparing] : undefined;

  const diff = useMemo(() => {
    if (!compared || !phrase) return null;
    const d = diffNotes(compared.notes, phrase.notes);
    const added = new Set(d.added);
    const marks: NoteMark[] = phrase.notes.map((n) => (added.has(n) ? 'added' : 'plain'));
    return { ...d, marks };
  }, [compared, phrase]);

  if (!phrase) return null;
  const steps = phrase.bars * perBar;
  const versionSteps = (notes: readonly Note[]) =>
    Math.max(steps, Math.ceil(notes.reduce((e, n) => Math.max(e, n.start + n.length), 0) / perBar) * perBar);

  return (
    <section className="history-panel" aria-label="History">
      <h2 className="panel-title">History of phrase {phrase.name}</h2>
      <ol className="version-list" role="list" aria-label="Versions">
        <li className="version is-current" aria-label={`Current version: ${describeOrigin(phrase.origin)}`}>
          <div className="version-text">
            <strong>Now</strong> · {describeOrigin(phrase.origin)}
            {describeConstraints(phrase.origin) && (
              <span className="version-constraints"> · {describeConstraints(phrase.origin)}</span>
            )}
          </div>
        </li>
        {history
          .map((v, i) => ({ v, i }))
          .reverse()
          .map(({ v, i }) => (
            <li
              key={i}
              className={`version${comparing === i ? ' is-compared' : ''}`}
              aria-label={`Version ${i + 1}: ${describeOrigin(v.origin)}`}
            >
              <div className="version-text">
                <strong>Version {i + 1}</strong> · {describeOrigin(v.origin)}
                {describeConstraints(v.origin) && (
                  <span className="version-constraints"> · {describeConstraints(v.origin)}</span>
                )}
                <span className="version-time"> · {timeFormat.format(v.at)}</span>
              </div>
              <PianoRoll
                notes={v.notes}
                steps={versionSteps(v.notes)}
                stepsPerBar={perBar}
                label={`Version ${i + 1}`}
                height={28}
              />
              <div className="version-actions">
                <button
                  type="button"
                  className="ghost toggle"
                  aria-pressed={comparing === i}
                  onClick={() => setComparing(comparing === i ? null : i)}
                >
                  Compare
                </button>
                <button
                  type="button"
                  className="ghost"
                  onClick={() => {
                    actions.restorePhraseVersion(i);
                    setComparing(null);
                  }}
                >
                  Restore
                </button>
              </div>
            </li>
          ))}
      </ol>
      {history.length === 0 && (
        <p className="empty-hint">No earlier versions yet: edits, accepted proposals and imports add them.</p>
      )}
      <IdeasSummary />
      {compared && diff && (
        <section className="version-compare" aria-label="Comparison">
          <h3>
            Version {comparing! + 1} → now: {diff.added.length} note{diff.added.length === 1 ? '' : 's'} added,{' '}
            {diff.removed.length} removed, {diff.kept.length} kept
          </h3>
          <PianoRoll
            notes={phrase.notes}
            marks={diff.marks}
            ghosts={diff.removed}
            steps={versionSteps([...phrase.notes, ...diff.removed])}
            stepsPerBar={perBar}
            label={`Changes since version ${comparing! + 1}`}
            height={72}
          />
          <p className="compare-legend">
            <span className="legend-added">added</span> <span className="legend-removed">removed</span>{' '}
            <span className="legend-kept">kept</span>
          </p>
        </section>
      )}
    </section>
  );
}
