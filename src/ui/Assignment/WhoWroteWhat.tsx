import { useMemo } from 'react';
import { whoWroteWhat, type NoteAuthor } from '../../core/assignmentReport';
import { pitchName } from '../../core/pitch';
import { useAppState } from '../AppContext';
import { IdeasSummary } from '../Ideas/IdeasSummary';

const AUTHOR_LABEL: Record<NoteAuthor, string> = { model: 'model', student: 'student', imported: 'imported' };

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
          <p className="authorship-summary">
            Phrase {p.name}: {p.counts.model} from the model, {p.counts.student} by the student
            {p.changed ? ` (${p.changed} changed from an earlier note)` : ''}
            {p.counts.imported ? `, ${p.counts.imported} imported` : ''}
            {p.modelNotesRemoved ? `; the student removed or changed ${p.modelNotesRemoved} model note${p.modelNotesRemoved === 1 ? '' : 's'}` : ''}.
          </p>
          {p.notes.length > 0 && (
            <ul className="authorship-notes" aria-label={`Notes of phrase ${p.name}`}>
              {p.notes.map(({ note, author, changed }) => (
                <li key={`${note.start}:${note.pitch}`} className={`author-${author}`} data-author={author}>
                  {pitchName(note.pitch)} step {note.start + 1}: {AUTHOR_LABEL[author]}
                  {changed ? ' (changed)' : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <IdeasSummary label="Model's ideas taken" />
    </section>
  );
}
