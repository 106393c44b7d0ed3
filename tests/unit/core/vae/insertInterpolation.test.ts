import { describe, expect, it } from 'vitest';
import { createSong } from '../../../../src/core/song';
import type { Phrase, Section, Song } from '../../../../src/core/types';
import {
  insertInterpolation,
  insertProblem,
  interpolationInsertIndex,
} from '../../../../src/core/vae/insertInterpolation';

const section = (id: string, phraseId: string): Section => ({ id, phraseId, repeats: 1, transpose: 0 });
const phrase = (id: string, name: string): Phrase => ({
  id,
  name,
  color: '#000000',
  bars: 2,
  notes: [{ pitch: 60, start: 0, length: 4, velocity: 90 }],
  origin: { kind: 'hand' },
  history: [],
});

function song(arrangement: Section[]): Song {
  return {
    ...createSong({}, { now: 1, newId: () => 'x' }),
    phrases: [phrase('a', 'A'), phrase('b', 'B'), phrase('c', 'C')],
    arrangement,
  };
}

describe('where in-between sections go', () => {
  it('between a section of the first end and the section of the second right after it', () => {
    const arr = [section('1', 'c'), section('2', 'a'), section('3', 'c'), section('4', 'a'), section('5', 'b')];
    expect(interpolationInsertIndex(arr, 'a', 'b')).toBe(4);
  });
  it('after the first section of the first end when they are not neighbours', () => {
    expect(
      interpolationInsertIndex([section('1', 'c'), section('2', 'a'), section('3', 'c'), section('4', 'b')], 'a', 'b'),
    ).toBe(2);
  });
  it('before the second end when the first has no section, else at the end', () => {
    expect(interpolationInsertIndex([section('1', 'c'), section('2', 'b')], 'a', 'b')).toBe(1);
    expect(interpolationInsertIndex([section('1', 'c')], 'a', 'b')).toBe(1);
  });
});

describe('inserting an interpolation', () => {
  it('adds the in-betweens as new phrases (notes by the model) after the first end and as sections between the ends, in order', () => {
    let n = 0;
    const before = song([section('s1', 'a'), section('s2', 'b')]);
    const made = [1, 2, 3].map((k) => ({ bars: 2, notes: [{ pitch: 60 + k, start: 0, length: 2, velocity: 96 }] }));
    const after = insertInterpolation(before, 'a', 'b', made, {
      newId: () => `n${++n}`,
      now: 5,
      modelId: 'melody-vae-v4',
    });
    expect(after.phrases.map((p) => p.name)).toEqual(['A', 'A→B 1', 'A→B 2', 'A→B 3', 'B', 'C']);
    expect(after.arrangement.map((s) => after.phrases.find((p) => p.id === s.phraseId)!.name)).toEqual([
      'A',
      'A→B 1',
      'A→B 2',
      'A→B 3',
      'B',
    ]);
    const first = after.phrases[1];
    // The model wrote them: the notes are authored 'model' (who wrote what).
    expect(first.notes).toEqual(made[0].notes.map((note) => ({ ...note, by: 'model' })));
    expect(first.origin).toMatchObject({
      kind: 'proposed',
      modelId: 'melody-vae-v4',
      action: 'interpolation 1 of 3 from A to B',
    });
    expect(before.phrases).toHaveLength(3); // the old song is untouched (undo keeps it)
  });

  it('keeps names unique and leaves the song as it was when an end is missing', () => {
    let n = 0;
    const base = song([]);
    const taken = { ...base, phrases: [...base.phrases, phrase('d', 'A→B 1')] };
    const after = insertInterpolation(taken, 'a', 'b', [{ bars: 2, notes: [] }], {
      newId: () => `n${++n}`,
      now: 5,
      modelId: 'm',
    });
    expect(after.phrases.map((p) => p.name)).toContain('A→B 1 (2)');
    expect(after.arrangement).toHaveLength(1);
    expect(
      insertInterpolation(base, 'a', 'zz', [{ bars: 2, notes: [] }], { newId: () => 'q', now: 1, modelId: 'm' }),
    ).toBe(base);
  });

  it('says why when the song cannot hold more phrases', () => {
    const base = song([]);
    const full = { ...base, phrases: Array.from({ length: 255 }, (_, i) => phrase(`p${i}`, `P${i}`)) };
    expect(insertProblem(full, 2)).toMatch(/256 phrases/);
    expect(insertProblem(base, 8)).toBeNull();
  });
});
