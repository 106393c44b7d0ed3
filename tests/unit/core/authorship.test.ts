import { describe, expect, it } from 'vitest';
import {
  authorModelEdit,
  withoutAuthors,
  authorOf,
  authorStudentEdit,
  changedByStudent,
  countAuthors,
  markGiven,
  studentTotal,
} from '../../../src/core/authorship';
import { moveNote, setNoteLength, toggleNoteAt } from '../../../src/core/edit';
import { restoreVersion, commitVersion } from '../../../src/core/history';
import { createPhrase, createSong } from '../../../src/core/song';
import type { Note, NoteAuthor } from '../../../src/core/types';

const note = (pitch: number, start: number, by?: NoteAuthor, length = 2): Note => ({
  pitch,
  start,
  length,
  velocity: 96,
  ...(by ? { by } : {}),
});
const authors = (notes: readonly Note[]) => notes.map((n) => [n.pitch, n.start, authorOf(n)]);

describe('authorship through hand edits', () => {
  const given = [note(60, 0, 'given'), note(62, 4, 'given'), note(64, 8, 'given')];

  it('a note the student adds is the student’s; untouched given notes stay given', () => {
    const after = authorStudentEdit(given, toggleNoteAt(given, 67, 12, 16));
    expect(authors(after)).toEqual([
      [60, 0, 'given'],
      [62, 4, 'given'],
      [64, 8, 'given'],
      [67, 12, 'student'],
    ]);
  });

  it('a given note re-pitched, lengthened or moved by the student becomes "changed by the student"', () => {
    const repitched = authorStudentEdit(given, toggleNoteAt(given, 65, 4, 16));
    expect(authors(repitched)[1]).toEqual([65, 4, 'student-changed-given']);
    const longer = authorStudentEdit(given, setNoteLength(given, 8, 4, 16));
    expect(authors(longer)[2]).toEqual([64, 8, 'student-changed-given']);
    const moved = authorStudentEdit(given, moveNote(given, 4, 13, 69, 16), { from: 4, to: 13 });
    expect(authors(moved)).toEqual([
      [60, 0, 'given'],
      [64, 8, 'given'],
      [69, 13, 'student-changed-given'],
    ]);
  });

  it('a model note changed by the student is "student-changed-model", and stays so through later changes', () => {
    const model = [note(60, 0, 'model'), note(62, 4, 'model')];
    const once = authorStudentEdit(model, toggleNoteAt(model, 67, 4, 16));
    expect(authors(once)).toEqual([
      [60, 0, 'model'],
      [67, 4, 'student-changed-model'],
    ]);
    const twice = authorStudentEdit(once, setNoteLength(once, 4, 6, 16));
    expect(authors(twice)[1]).toEqual([67, 4, 'student-changed-model']);
  });

  it('cutting a long model note with a new note marks the cut note as changed and the new one as the student’s', () => {
    const model = [note(60, 0, 'model', 8)];
    const after = authorStudentEdit(model, toggleNoteAt(model, 64, 4, 16));
    expect(authors(after)).toEqual([
      [60, 0, 'student-changed-model'],
      [64, 4, 'student'],
    ]);
  });

  it('a note of unknown author (an old song) is never credited to the student, even when changed', () => {
    const old = [note(60, 0)];
    expect(authors(authorStudentEdit(old, toggleNoteAt(old, 62, 0, 16)))).toEqual([[62, 0, 'unknown']]);
    expect(changedByStudent('unknown')).toBe('unknown');
    expect(changedByStudent('student')).toBe('student');
  });
});

describe('authorship of accepted proposals', () => {
  it('the model’s notes are the model’s; notes it kept unchanged (primer, locked notes) keep their authors', () => {
    const before = [note(60, 0, 'given'), note(62, 4, 'student')];
    const after = authorModelEdit(before, [note(60, 0), note(65, 4), note(67, 8)]);
    expect(authors(after)).toEqual([
      [60, 0, 'given'],
      [65, 4, 'model'],
      [67, 8, 'model'],
    ]);
  });

  it('a note the model’s span cut short keeps its author', () => {
    const before = [{ ...note(60, 0, 'student'), length: 8 }];
    const after = authorModelEdit(before, [{ ...note(60, 0), length: 4 }, note(67, 4)]);
    expect(authors(after)).toEqual([
      [60, 0, 'student'],
      [67, 4, 'model'],
    ]);
  });
});

describe('what the model hears', () => {
  it('the notes without their authors, pitches and times unchanged', () => {
    expect(withoutAuthors([note(60, 0, 'given'), note(62, 4)])).toEqual([
      { pitch: 60, start: 0, length: 2, velocity: 96 },
      { pitch: 62, start: 4, length: 2, velocity: 96 },
    ]);
  });
});

describe('the template of an assignment', () => {
  it('marks every note given and leaves the teacher’s history out', () => {
    let phrase = createPhrase('A', 1, { now: 1, newId: () => 'p' });
    phrase = commitVersion(
      phrase,
      { notes: [note(60, 0, 'student'), note(62, 4, 'model')], origin: { kind: 'hand' } },
      2,
    );
    const song = markGiven(createSong({ phrases: [phrase] }, { now: 1, newId: () => 's' }));
    expect(authors(song.phrases[0].notes)).toEqual([
      [60, 0, 'given'],
      [62, 4, 'given'],
    ]);
    expect(song.phrases[0].history).toEqual([]);
  });
});

describe('counting authors', () => {
  it('counts every author, unknown included, and the student’s total with changed notes', () => {
    const counts = countAuthors([
      note(60, 0, 'given'),
      note(62, 2, 'student'),
      note(64, 4, 'student-changed-model'),
      note(65, 6, 'model'),
      note(67, 8),
    ]);
    expect(counts).toMatchObject({
      given: 1,
      student: 1,
      'student-changed-model': 1,
      model: 1,
      unknown: 1,
      imported: 0,
    });
    expect(studentTotal(counts)).toBe(2);
  });

  it('restoring a history version brings back the authors its notes had', () => {
    let p = createPhrase('A', 1, { now: 0, newId: () => 'p' });
    p = commitVersion(p, { notes: [note(60, 0, 'model')], origin: { kind: 'proposed' } }, 1);
    p = commitVersion(
      p,
      { notes: authorStudentEdit(p.notes, toggleNoteAt(p.notes, 64, 0, 16)), origin: { kind: 'hand' } },
      2,
    );
    expect(authors(p.notes)).toEqual([[64, 0, 'student-changed-model']]);
    p = restoreVersion(p, 1, 3);
    expect(authors(p.notes)).toEqual([[60, 0, 'model']]);
  });
});

describe('authors in saved songs', () => {
  it('validation keeps known authors and drops an author it does not know (from a newer version)', async () => {
    const { validateSong } = await import('../../../src/core/validate');
    const phrase = {
      ...createPhrase('A', 1, { now: 1, newId: () => 'p' }),
      notes: [note(60, 0, 'given'), { ...note(62, 4), by: 'teacher-assistant' as NoteAuthor }],
    };
    const checked = validateSong(createSong({ phrases: [phrase] }, { now: 1, newId: () => 's' }));
    if (!checked.ok) throw new Error(checked.reason);
    expect(authors(checked.song.phrases[0].notes)).toEqual([
      [60, 0, 'given'],
      [62, 4, 'unknown'],
    ]);
  });
});
