import { describe, expect, it } from 'vitest';
import { appendEditWords, describeEdit } from '../../../src/core/editWords';

const note = (pitch: number, start: number, length = 1) => ({ pitch, start, length, velocity: 96 });

describe('hand edits in a musician’s words', () => {
  it('names what was added, removed, moved or resized', () => {
    expect(describeEdit([], [note(64, 0)])).toBe('added E4');
    expect(describeEdit([note(64, 0)], [])).toBe('removed E4');
    expect(describeEdit([note(64, 0)], [note(67, 0)])).toBe('moved E4 to G4');
    expect(describeEdit([note(64, 0)], [note(64, 4)])).toBe('moved E4 in time');
    expect(describeEdit([note(64, 0)], [note(64, 0, 3)])).toBe('made E4 longer');
    expect(describeEdit([note(64, 0, 3)], [note(64, 0, 2)])).toBe('made E4 shorter');
    expect(describeEdit([note(64, 0)], [note(64, 0)])).toBe('');
  });

  it('a run of edits lists the first few, then counts the rest', () => {
    let words = '';
    for (const edit of ['added C4', 'added E4', 'made E4 longer', 'removed G4', 'added A4', 'added B4'])
      words = appendEditWords(words, edit);
    expect(words).toBe('added C4, added E4, made E4 longer, removed G4 and 2 more edits');
  });
});
