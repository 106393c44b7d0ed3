import { AUTHOR_LABELS, authorOf, countAuthors, studentTotal, type AuthorOrUnknown } from './authorship';
import type { Note, OriginKind, Phrase, Song } from './types';

/**
 * "Who wrote what": for each phrase, each current note with its author (kept on the note itself, see
 * core/authorship), the counts by author and a one-line summary. Notes saved before authors were kept
 * are reported as unknown, never credited to the student.
 */

export interface AuthoredNote {
  note: Note;
  author: AuthorOrUnknown;
}

export interface PhraseAuthorship {
  phraseId: string;
  name: string;
  /** The phrase's current notes, in order, each with its author. */
  notes: AuthoredNote[];
  /** Current notes by author. */
  counts: Record<AuthorOrUnknown, number>;
  /** How many history versions each kind of origin made (the current state included). */
  versions: Partial<Record<OriginKind, number>>;
}

/** Who wrote each current note of `phrase`. */
export function phraseAuthorship(phrase: Phrase): PhraseAuthorship {
  const versions: Partial<Record<OriginKind, number>> = {};
  for (const { origin } of [...phrase.history, phrase]) versions[origin.kind] = (versions[origin.kind] ?? 0) + 1;
  return {
    phraseId: phrase.id,
    name: phrase.name,
    notes: phrase.notes.map((note) => ({ note, author: authorOf(note) })),
    counts: countAuthors(phrase.notes),
    versions,
  };
}

/** The report for every phrase of the song, in the song's phrase order. */
export function whoWroteWhat(song: Pick<Song, 'phrases'>): PhraseAuthorship[] {
  return song.phrases.map(phraseAuthorship);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One line per phrase: "Phrase A: 8 notes — 3 given, 4 by the student (1 of them changed from the model),
 * 1 from the model."
 */
export function summarizePhrase(report: PhraseAuthorship): string {
  const c = report.counts;
  const total = report.notes.length;
  if (total === 0) return `Phrase ${report.name}: no notes yet.`;
  const parts: string[] = [];
  if (c.given) parts.push(`${c.given} given`);
  const changedGiven = c['student-changed-given'];
  const changedModel = c['student-changed-model'];
  const student = studentTotal(c);
  if (student) {
    const changed = [
      ...(changedModel ? [`${changedModel} changed from the model`] : []),
      ...(changedGiven ? [`${changedGiven} changed from the given notes`] : []),
    ];
    parts.push(`${student} by the student${changed.length ? ` (${changed.join(', ')})` : ''}`);
  }
  if (c.model) parts.push(`${c.model} from the model`);
  if (c.imported) parts.push(`${c.imported} imported`);
  if (c.unknown) parts.push(`${c.unknown} of unknown author`);
  return `Phrase ${report.name}: ${plural(total, 'note')} — ${parts.join(', ')}.`;
}

export { AUTHOR_LABELS };
