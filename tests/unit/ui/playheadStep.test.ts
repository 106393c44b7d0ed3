import { expect, test } from 'vitest';
import { createPhrase, createSong } from '../../../src/core/song';
import { gridPlayheadStep } from '../../../src/ui/Grid/playheadStep';

function song() {
  const a = { ...createPhrase('A', 2), id: 'a' };
  const b = { ...createPhrase('B', 1), id: 'b' };
  return createSong({
    phrases: [a, b],
    arrangement: [
      { id: 's1', phraseId: 'a', repeats: 1, transpose: 0 },
      { id: 's2', phraseId: 'b', repeats: 2, transpose: 0 },
    ],
  });
}

test('a looping phrase: the step inside it, and nothing while another phrase loops', () => {
  const s = song();
  expect(
    gridPlayheadStep({ step: 40, target: { kind: 'phrase', phraseId: 'a' }, song: s, phraseId: 'a', steps: 32 }),
  ).toBe(8);
  expect(
    gridPlayheadStep({ step: 4, target: { kind: 'phrase', phraseId: 'b' }, song: s, phraseId: 'a', steps: 32 }),
  ).toBeNull();
});

test('the song: the line shows only while a section of the phrase in the grid sounds, at its place in the phrase', () => {
  const s = song();
  const at = (step: number, phraseId: string, steps: number) =>
    gridPlayheadStep({ step, target: { kind: 'song' }, song: s, phraseId, steps });
  expect(at(10, 'a', 32)).toBe(10);
  expect(at(36, 'a', 32)).toBeNull(); // phrase B is heard
  expect(at(36, 'b', 16)).toBe(4);
  expect(at(52, 'b', 16)).toBe(4); // its second repeat
  expect(at(70, 'b', 16)).toBeNull(); // past the end
});

test('stopped: no line', () => {
  expect(gridPlayheadStep({ step: null, target: { kind: 'song' }, song: song(), phraseId: 'a', steps: 32 })).toBeNull();
});
