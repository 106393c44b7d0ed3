import { useCallback, useMemo, useState } from 'react';
import { summarizePhrase, whoWroteWhat, type PhraseAuthorship } from '../../core/assignmentReport';
import type { AuthorOrUnknown } from '../../core/authorship';
import { stepsPerBar } from '../../core/meter';
import { notationToAbc } from '../../core/notation/abc';
import { buildNotation, type NotationEvent } from '../../core/notation/notationModel';
import { phraseNotationInput } from '../../core/notation/songNotation';
import { pitchName } from '../../core/pitch';
import type { Phrase, Song } from '../../core/types';
import { useAppState } from '../AppContext';
import { IdeasSummary } from '../Ideas/IdeasSummary';
import { useAbcStaff } from './abcStaff';
import { AuthorLegend, AuthorPatterns } from './AuthorPatterns';
import { AuthorRoll } from './AuthorRoll';
import { AUTHOR_ORDER, AUTHOR_STYLES } from './authorStyles';
import { PrintPortal } from './PrintPortal';

/** The phrase on a staff with each note's author letter under it and its notehead in the author's colour. */
function AuthorStaff({
  song,
  phrase,
  report,
  onDrawn,
}: {
  song: Song;
  phrase: Phrase;
  report: PhraseAuthorship;
  onDrawn?: () => void;
}) {
  const { abc, events } = useMemo(() => {
    const model = buildNotation(phraseNotationInput(song, phrase));
    const annotations = new Map(report.notes.map((n, i) => [i, [AUTHOR_STYLES[n.author].letter]]));
    return { abc: notationToAbc(model, { annotations }), events: model.bars.flatMap((b) => b.events) };
  }, [song, phrase, report]);
  const colour = useCallback(
    (root: HTMLElement) => {
      markAuthors(
        root,
        events,
        report.notes.map((n) => n.author),
      );
      onDrawn?.();
    },
    [events, report, onDrawn],
  );
  const { ref, failed } = useAbcStaff(abc, `Staff of phrase ${phrase.name} with authors`, colour);
  return (
    <>
      <div ref={ref} className="author-staff" />
      {failed && <p role="alert">The staff could not be drawn: {failed}</p>}
    </>
  );
}

/** Adds `author-<who>` classes to the staff's note symbols (abcjs draws one symbol an event, in order). */
function markAuthors(root: HTMLElement, events: readonly NotationEvent[], authors: readonly AuthorOrUnknown[]): void {
  const symbols = root.querySelectorAll<SVGElement>('.abcjs-note, .abcjs-rest');
  if (symbols.length !== events.length) return;
  events.forEach((e, i) => {
    if (e.noteIndex !== undefined && authors[e.noteIndex]) symbols[i].classList.add(`author-${authors[e.noteIndex]}`);
  });
}

/** One phrase of the report: its one-line summary, the piano roll, the staff and the notes one by one. */
function PhraseReport({
  song,
  phrase,
  report,
  onDrawn,
  printed,
}: {
  song: Song;
  phrase: Phrase;
  report: PhraseAuthorship;
  onDrawn?: () => void;
  printed?: boolean;
}) {
  return (
    <div className="authorship" role="group" aria-label={`Phrase ${report.name}`}>
      <p className="authorship-summary">{summarizePhrase(report)}</p>
      {report.notes.length > 0 && (
        <>
          <AuthorRoll
            name={report.name}
            notes={report.notes}
            steps={phrase.bars * stepsPerBar(song.timeSignature)}
            stepsPerBar={stepsPerBar(song.timeSignature)}
          />
          <AuthorStaff song={song} phrase={phrase} report={report} onDrawn={onDrawn} />
          {!printed && (
            <details className="authorship-details">
              <summary>Notes one by one</summary>
              <ul className="authorship-notes" aria-label={`Notes of phrase ${report.name}`}>
                {report.notes.map(({ note, author }) => (
                  <li key={`${note.start}:${note.pitch}`} data-author={author}>
                    {pitchName(note.pitch)} step {note.start + 1}: {AUTHOR_STYLES[author].label}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}

/**
 * "Who wrote what" for the open song, as a picture: every phrase's notes on a piano roll and on the staff,
 * coloured and patterned by author (the step grid shows the same while this is open), with a legend and a
 * one-line summary a phrase. Printable on its own.
 */
export function WhoWroteWhat({ student, onClose }: { student?: string; onClose(): void }) {
  const song = useAppState((s) => s.song);
  const report = useMemo(() => whoWroteWhat(song), [song]);
  const present = useMemo(() => AUTHOR_ORDER.filter((a) => report.some((p) => p.counts[a] > 0)), [report]);
  const [printing, setPrinting] = useState(false);
  const [drawn, setDrawn] = useState(0);
  const staves = report.filter((p) => p.notes.length > 0).length;
  const onDrawn = useCallback(() => setDrawn((n) => n + 1), []);
  const done = useCallback(() => setPrinting(false), []);
  const body = (printed: boolean) => (
    <>
      <AuthorLegend authors={present.length ? present : AUTHOR_ORDER} />
      {report.map((p, i) => (
        <PhraseReport
          key={p.phraseId}
          song={song}
          phrase={song.phrases[i]}
          report={p}
          printed={printed}
          onDrawn={printed ? onDrawn : undefined}
        />
      ))}
    </>
  );
  return (
    <section className="classroom-card who-wrote-what" role="region" aria-label="Who wrote what">
      <AuthorPatterns />
      <div className="classroom-card-head">
        <h3 className="classroom-card-title">Who wrote what{student ? `: ${student}` : ''}</h3>
        <button
          type="button"
          onClick={() => {
            setDrawn(0);
            setPrinting(true);
          }}
        >
          Print report
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          Close report
        </button>
      </div>
      {body(false)}
      <IdeasSummary label="Model's ideas taken" />
      {printing && (
        <PrintPortal kind="report" ready={drawn >= staves} onDone={done}>
          <div className="report-print">
            <AuthorPatterns />
            <h1 className="handout-title">Who wrote what: {song.title}</h1>
            {body(true)}
          </div>
        </PrintPortal>
      )}
    </section>
  );
}
