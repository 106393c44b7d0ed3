import { describe, expect, it } from 'vitest';
import { phraseAuthorship, whoWroteWhat } from '../../../src/core/assignmentReport';
import { commitVersion, restoreVersion } from '../../../src/core/history';
import { createPhrase } from '../../../src/core/song';
import type { Note, Phrase } from '../../../src/core/types';

const note = (pitch: number, start: number, length = 2): Note => ({ pitch, start, length, velocity: 96 });
const base = (): Phrase => createPhrase('A', 1, { now: 0, newId: () => 'p1' });

function propose(p: Phrase, notes: Note[], at: number): Phrase {
  return commitVersion(p, { notes, origin: { kind: 'proposed', modelId: 'melody-rnn-v1', temperature: 1, seed: 7 } }, at);
}
function byHand(p: Phrase, notes: Note[], at: number): Phrase {
  return commitVersion(p, { notes, origin: { kind: 'hand', action: 'toggle note' } }, at);
}

describe('who wrote what', () => {
  it('marks proposed notes as the model’s and added notes as the student’s', () => {
    let p = propose(base(), [note(60, 0), note(62, 4), note(64, 8)], 1);
    p = byHand(p, [...p.notes, note(67, 12)], 2);
    const report = phraseAuthorship(p);
    expect(report.notes.map((n) => [n.note.pitch, n.author])).toEqual([
      [60, 'model'],
      [62, 'model'],
      [64, 'model'],
      [67, 'student'],
    ]);
    expect(report.counts).toEqual({ model: 3, student: 1, imported: 0 });
    expect(report.versions).toEqual({ empty: 1, proposed: 1, hand: 1 });
  });

  it('a model note the student moved becomes a changed student note, and is counted as removed model work', () => {
    let p = propose(base(), [note(60, 0), note(62, 4)], 1);
    p = byHand(p, [note(60, 0), note(65, 4)], 2);
    const report = phraseAuthorship(p);
    expect(report.notes.map((n) => [n.note.pitch, n.author, n.changed])).toEqual([
      [60, 'model', false],
      [65, 'student', true],
    ]);
    expect(report.changed).toBe(1);
    expect(report.modelNotesRemoved).toBe(1);
  });

  it('a later proposal replaces authorship, and a restored version brings back its authors', () => {
    let p = byHand(base(), [note(72, 0)], 1);
    p = propose(p, [note(60, 0), note(62, 4)], 2);
    expect(phraseAuthorship(p).counts).toEqual({ model: 2, student: 0, imported: 0 });
    p = restoreVersion(p, 1, 3); // the hand version
    expect(phraseAuthorship(p).notes.map((n) => n.author)).toEqual(['student']);
    p = restoreVersion(p, 2, 4); // the proposal again
    expect(phraseAuthorship(p).notes.map((n) => n.author)).toEqual(['model', 'model']);
  });

  it('imported notes are the file’s, and an untouched phrase has no notes to credit', () => {
    const imported = commitVersion(base(), { notes: [note(55, 0)], origin: { kind: 'imported', action: 'import a.mid' } }, 1);
    expect(phraseAuthorship(imported).counts).toEqual({ model: 0, student: 0, imported: 1 });
    expect(whoWroteWhat({ phrases: [base()] })[0]).toMatchObject({ name: 'A', notes: [], counts: { model: 0, student: 0, imported: 0 } });
  });
});
