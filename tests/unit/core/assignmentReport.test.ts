import { describe, expect, it } from 'vitest';
import { phraseAuthorship, summarizePhrase, whoWroteWhat } from '../../../src/core/assignmentReport';
import { createPhrase } from '../../../src/core/song';
import type { Note, NoteAuthor, Phrase } from '../../../src/core/types';

const note = (pitch: number, start: number, by?: NoteAuthor): Note => ({
  pitch,
  start,
  length: 2,
  velocity: 96,
  ...(by ? { by } : {}),
});
const phrase = (notes: Note[], name = 'A'): Phrase => ({
  ...createPhrase(name, 1, { now: 0, newId: () => `p-${name}` }),
  notes,
});

describe('who wrote what', () => {
  it('reads each note’s author and counts them; given notes are never credited to the student', () => {
    const report = phraseAuthorship(
      phrase([note(60, 0, 'given'), note(62, 4, 'given'), note(64, 8, 'student-changed-given'), note(67, 12, 'model')]),
    );
    expect(report.notes.map((n) => n.author)).toEqual(['given', 'given', 'student-changed-given', 'model']);
    expect(report.counts).toMatchObject({ given: 2, 'student-changed-given': 1, model: 1, student: 0, unknown: 0 });
    expect(summarizePhrase(report)).toBe(
      'Phrase A: 4 notes — 2 given, 1 by the student (1 changed from the given notes), 1 from the model.',
    );
  });

  it('notes saved before authors were kept are unknown, not the student’s', () => {
    const report = phraseAuthorship(phrase([note(60, 0), note(62, 4, 'student')]));
    expect(report.counts).toMatchObject({ unknown: 1, student: 1 });
    expect(summarizePhrase(report)).toBe('Phrase A: 2 notes — 1 by the student, 1 of unknown author.');
  });

  it('summarises an empty phrase and every phrase of a song in order', () => {
    const song = {
      phrases: [phrase([], 'A'), phrase([note(60, 0, 'model'), note(62, 4, 'student-changed-model')], 'B')],
    };
    expect(whoWroteWhat(song).map(summarizePhrase)).toEqual([
      'Phrase A: no notes yet.',
      'Phrase B: 2 notes — 1 by the student (1 changed from the model), 1 from the model.',
    ]);
  });
});
