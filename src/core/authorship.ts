import type { Note, NoteAuthor, Phrase, Song, Steps } from './types';

/**
 * Who wrote each note. Every note carries its author (`Note.by`) and every path that changes notes says
 * who changed them: a hand edit (the grid, the computer or MIDI keyboard) through `authorStudentEdit`, an
 * accepted proposal through `authorModelEdit`, an assignment's template through `markGiven`. Because the
 * author is part of the note, undo, redo, restoring a history version and copying a phrase keep it with
 * no extra bookkeeping. A note that predates authors has none: it is reported as unknown, never credited
 * to the student.
 */

/** Every author a note can have, in the order the report lists them. */
export const NOTE_AUTHORS: readonly NoteAuthor[] = [
  'given',
  'student-changed-given',
  'student',
  'student-changed-model',
  'model',
  'imported',
];

export type AuthorOrUnknown = NoteAuthor | 'unknown';

/** All authors the report shows, unknown last. */
export const REPORT_AUTHORS: readonly AuthorOrUnknown[] = [...NOTE_AUTHORS, 'unknown'];

/** Plain words for each author, as the legend and the summaries use them. */
export const AUTHOR_LABELS: Record<AuthorOrUnknown, string> = {
  given: 'given by the teacher',
  'student-changed-given': 'given, changed by the student',
  student: 'by the student',
  'student-changed-model': 'from the model, changed by the student',
  model: 'from the model',
  imported: 'imported from a file',
  unknown: 'author unknown (saved before authors were kept)',
};

export function isNoteAuthor(value: unknown): value is NoteAuthor {
  return typeof value === 'string' && (NOTE_AUTHORS as readonly string[]).includes(value);
}

/** The note's author, or 'unknown' when it has none. */
export function authorOf(note: Pick<Note, 'by'>): AuthorOrUnknown {
  return note.by ?? 'unknown';
}

/** The note with `author` (an unknown author leaves the field out). */
export function withAuthor(note: Note, author: AuthorOrUnknown): Note {
  const { by: _old, ...rest } = note;
  return author === 'unknown' ? rest : { ...rest, by: author };
}

/** The notes without their authors: what a model hears is pitches and times; who wrote a note stays with the song. */
export function withoutAuthors(notes: readonly Note[]): Note[] {
  return notes.map((n) => withAuthor(n, 'unknown'));
}

/**
 * Who a note belongs to once the student has changed it (moved, re-pitched, lengthened or cut it):
 * a model note becomes "student-changed-model", a given note "student-changed-given"; a note of unknown
 * author stays unknown (it is not credited to the student); anything else is the student's.
 */
export function changedByStudent(previous: AuthorOrUnknown): AuthorOrUnknown {
  switch (previous) {
    case 'model':
    case 'student-changed-model':
      return 'student-changed-model';
    case 'given':
    case 'student-changed-given':
      return 'student-changed-given';
    case 'unknown':
      return 'unknown';
    default:
      return 'student';
  }
}

const identity = (n: Note) => `${n.pitch}:${n.start}:${n.length}`;

/** Notes of `before` by identity (pitch, start, length), each list consumed as `after` claims them. */
function pool(before: readonly Note[]): Map<string, Note[]> {
  const map = new Map<string, Note[]>();
  for (const n of before) map.set(identity(n), [...(map.get(identity(n)) ?? []), n]);
  return map;
}

/** A note moved by a drag: it left `from` and now starts at `to`. */
export interface MovedNote {
  from: Steps;
  to: Steps;
}

/**
 * The notes after a hand edit, each with its author. A note the edit left as it was (same pitch, start and
 * length) keeps its author; the note a drag moved, and a note whose pitch or length changed where a note
 * started before, counts as changed by the student (see changedByStudent); every other note is new and
 * the student's.
 * @example authorStudentEdit([{...C4 at 0, by: 'model'}], [{...D4 at 0}]) → D4 by 'student-changed-model'
 */
export function authorStudentEdit(before: readonly Note[], after: readonly Note[], moved?: MovedNote): Note[] {
  const unchanged = pool(before);
  const startingAt = new Map(before.map((n) => [n.start, n]));
  return after.map((n) => {
    const same = unchanged.get(identity(n));
    if (same && same.length > 0) return withAuthor(n, authorOf(same.shift()!));
    const source = moved && n.start === moved.to ? startingAt.get(moved.from) : startingAt.get(n.start);
    return withAuthor(n, source ? changedByStudent(authorOf(source)) : 'student');
  });
}

/**
 * The notes after the model wrote into a phrase (an accepted proposal or mutation): notes that were
 * already there unchanged (a primer, locked notes, bars the proposal did not touch) keep their authors;
 * every other note is the model's.
 */
export function authorModelEdit(before: readonly Note[], after: readonly Note[]): Note[] {
  const unchanged = pool(before);
  // A note the model's span cut short (it sounded into the span) is still its writer's note.
  const longer = new Map(before.map((n) => [`${n.pitch}:${n.start}`, n]));
  return after.map((n) => {
    const same = unchanged.get(identity(n));
    if (same && same.length > 0) return withAuthor(n, authorOf(same.shift()!));
    const cut = longer.get(`${n.pitch}:${n.start}`);
    return withAuthor(n, cut && cut.length > n.length ? authorOf(cut) : 'model');
  });
}

/** Every note with the same author (an import, a template). */
export function markAll(notes: readonly Note[], author: NoteAuthor): Note[] {
  return notes.map((n) => withAuthor(n, author));
}

/**
 * The song as an assignment's template: every note "given" (the teacher wrote it, whoever that was), and
 * the teacher's own phrase history left out, so the student's history starts at the template.
 */
export function markGiven(song: Song): Song {
  return {
    ...song,
    phrases: song.phrases.map((p): Phrase => {
      const { chords } = p;
      return {
        ...p,
        notes: markAll(p.notes, 'given'),
        ...(chords ? { chords } : {}),
        origin: { kind: 'imported', action: 'given by the assignment' },
        history: [],
      };
    }),
  };
}

/** How many notes each author wrote. */
export function countAuthors(notes: readonly Pick<Note, 'by'>[]): Record<AuthorOrUnknown, number> {
  const counts = Object.fromEntries(REPORT_AUTHORS.map((a) => [a, 0])) as Record<AuthorOrUnknown, number>;
  for (const n of notes) counts[authorOf(n)] += 1;
  return counts;
}

/** Notes the student wrote or changed (their own plus changed model and given notes). */
export function studentTotal(counts: Record<AuthorOrUnknown, number>): number {
  return counts.student + counts['student-changed-model'] + counts['student-changed-given'];
}
