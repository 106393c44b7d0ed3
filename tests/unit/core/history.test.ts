import { describe, expect, it } from 'vitest';
import { MAX_PHRASE_VERSIONS, commitVersion, diffNotes, restoreVersion } from '../../../src/core/history';
import { createPhrase } from '../../../src/core/song';
import type { PhraseOrigin } from '../../../src/core/types';
import { n } from './seededRandom';

const hand: PhraseOrigin = { kind: 'hand', action: 'add note' };
const proposed: PhraseOrigin = { kind: 'proposed', modelId: 'basic_rnn', temperature: 1.1, seed: 42 };

describe('commitVersion', () => {
  const empty = createPhrase('A', 2, { now: 100, newId: () => 'p1' });

  it('makes the new notes current and keeps the old state with its origin and time', () => {
    const next = commitVersion(empty, { notes: [n(60, 0)], origin: hand }, 200);
    expect(next.notes).toEqual([n(60, 0)]);
    expect(next.origin).toEqual(hand);
    expect(next.updatedAt).toBe(200);
    expect(next.history).toEqual([{ notes: [], origin: { kind: 'empty' }, at: 100 }]);
  });

  it('records what the model did when a proposal is accepted', () => {
    const a = commitVersion(empty, { notes: [n(60, 0)], origin: hand }, 200);
    const b = commitVersion(a, { notes: [n(62, 0), n(64, 4)], origin: proposed }, 300);
    expect(b.origin).toEqual(proposed);
    expect(b.history.map((v) => v.origin.kind)).toEqual(['empty', 'hand']);
    expect(b.history[1].at).toBe(200);
  });

  it('changes nothing when the notes are the same', () => {
    const a = commitVersion(empty, { notes: [n(60, 0)], origin: hand }, 200);
    expect(commitVersion(a, { notes: [n(60, 0)], origin: proposed }, 300)).toBe(a);
  });

  it('counts a change of chords as a change', () => {
    const next = commitVersion(empty, { notes: [], chords: [{ start: 0, symbol: 'Am' }], origin: hand }, 200);
    expect(next.chords).toEqual([{ start: 0, symbol: 'Am' }]);
    expect(next.history).toHaveLength(1);
  });

  it('keeps at most 200 versions, dropping the oldest', () => {
    let phrase = empty;
    for (let i = 0; i < MAX_PHRASE_VERSIONS + 50; i++) {
      phrase = commitVersion(phrase, { notes: [n(40 + (i % 60), 0, 1 + (i % 3))], origin: hand }, 1000 + i);
    }
    expect(MAX_PHRASE_VERSIONS).toBe(200);
    expect(phrase.history).toHaveLength(200);
    expect(phrase.history[199].at).toBe(1000 + MAX_PHRASE_VERSIONS + 48);
  });

  it('leaves the original phrase untouched', () => {
    commitVersion(empty, { notes: [n(60, 0)], origin: hand }, 200);
    expect(empty.notes).toEqual([]);
    expect(empty.history).toEqual([]);
  });
});

describe('restoreVersion', () => {
  const base = createPhrase('A', 2, { now: 100 });
  const v1 = commitVersion(base, { notes: [n(60, 0)], origin: hand }, 200);
  const v2 = commitVersion(v1, { notes: [n(67, 0, 4)], origin: proposed }, 300);

  it('brings an earlier version back as "restored" and keeps the replaced state', () => {
    const restored = restoreVersion(v2, 1, 400);
    expect(restored.notes).toEqual([n(60, 0)]);
    expect(restored.origin.kind).toBe('restored');
    expect(restored.history).toHaveLength(3);
    expect(restored.history[2]).toEqual({ notes: [n(67, 0, 4)], origin: proposed, at: 300 });
  });

  it('can restore the restored-from state again', () => {
    const restored = restoreVersion(v2, 1, 400);
    expect(restoreVersion(restored, 2, 500).notes).toEqual([n(67, 0, 4)]);
  });

  it('ignores an unknown version', () => {
    expect(restoreVersion(v2, 9, 400)).toBe(v2);
    expect(restoreVersion(v2, -1, 400)).toBe(v2);
  });

  it('drops chords added since a version that had none', () => {
    const withChords = commitVersion(v1, { notes: v1.notes, chords: [{ start: 0, symbol: 'C' }], origin: hand }, 300);
    expect(restoreVersion(withChords, 1, 400).chords).toEqual([]);
  });
});

describe('diffNotes', () => {
  it('sorts notes into added, removed and kept', () => {
    const before = [n(60, 0), n(62, 2), n(64, 4)];
    const after = [n(60, 0), n(65, 2), n(64, 4, 2)];
    expect(diffNotes(before, after)).toEqual({
      added: [n(65, 2), n(64, 4, 2)],
      removed: [n(62, 2), n(64, 4)],
      kept: [n(60, 0)],
    });
  });

  it('does not count a velocity change as a different note', () => {
    expect(diffNotes([n(60, 0, 1, 80)], [n(60, 0, 1, 100)])).toEqual({
      added: [],
      removed: [],
      kept: [n(60, 0, 1, 100)],
    });
  });

  it('finds no change between equal lists', () => {
    const notes = [n(60, 0), n(62, 1)];
    expect(diffNotes(notes, notes)).toEqual({ added: [], removed: [], kept: notes });
  });
});
