import { useMemo } from 'react';
import { summarizePhrase, whoWroteWhat } from '../../core/assignmentReport';
import { AUTHOR_LABELS } from '../../core/authorship';
import { pitchName } from '../../core/pitch';
import { useAppState } from '../AppContext';


/**
 * The "who wrote what" report of the open song: per phrase, each current note marked as the model's, the
 * student's (and whether the student changed an earlier note), or imported, read from the phrase history.
 */
export function WhoWroteWhat({ onClose }: { onClose(): void }) {
  const phrases = useAppState((s) => s.song.phrases);
  const report = useMemo(() => whoWroteWhat({ phrases }), [phrases]);
  return (
    <section className="who-wrote-what" role="region" aria-label="Who wrote what">
      <div className="assignment-head">
        <h2 className="panel-title">Who wrote what</h2>
        <button type="button" className="ghost" onClick={onClose}>
          Close report
        </button>
      </div>
      {report.map((p) => (
        <div key={p.phraseId} className="authorship" role="group" aria-label={`Phrase ${p.name}`}>
          <p className="authorship-summary">{summarizePhrase(p)}</p>
          {p.notes.length > 0 && (
            <ul className="authorship-notes" aria-label={`Notes of phrase ${p.name}`}>
              {p.notes.map(({ note, author }) => (
                <li key={`${note.start}:${note.pitch}`} className={`author-${author}`} data-author={author}>
                  {pitchName(note.pitch)} step {note.start + 1}: {AUTHOR_LABELS[author]}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
