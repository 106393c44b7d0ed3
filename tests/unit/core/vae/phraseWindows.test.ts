import { describe, expect, it } from 'vitest';
import { encodeMelodyEvents } from '../../../../src/core/melodyEvents';
import type { Note } from '../../../../src/core/types';
import {
  notesFromWindows,
  octaveShiftInto,
  phraseWindows,
  stepDistance,
  vaeMeterProblem,
  VAE_WINDOW_STEPS,
} from '../../../../src/core/vae/phraseWindows';

const range = { minPitch: 48, maxPitch: 83 };
const note = (pitch: number, start: number, length: number): Note => ({ pitch, start, length, velocity: 96 });

describe('two-bar windows of a phrase', () => {
  it('a 2-bar phrase is one window whose events are the phrase', () => {
    const notes = [note(60, 0, 4), note(64, 4, 4), note(67, 16, 8)];
    const [w, ...rest] = phraseWindows(notes, 2, range);
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({ start: 0, steps: 32, shift: 0, empty: false });
    expect(Array.from(w.events)).toEqual(Array.from(encodeMelodyEvents(notes, 32, range)));
  });

  it('a longer phrase is covered window by window, the last odd bar padded, nothing truncated', () => {
    const notes = [note(60, 0, 2), note(62, 20, 2), note(64, 33, 2), note(65, 47, 1)];
    const windows = phraseWindows(notes, 3, range);
    expect(windows.map((w) => [w.start, w.steps])).toEqual([
      [0, 32],
      [32, 16],
    ]);
    expect(windows.every((w) => w.events.length === VAE_WINDOW_STEPS)).toBe(true);
    // Decoding the windows' own events gives the phrase back, note for note.
    expect(
      notesFromWindows(
        windows.map((w) => w.events),
        windows,
        range,
      ),
    ).toEqual(notes);
  });

  it('a note crossing a window boundary is cut at that bar line, so both windows start on a bar', () => {
    const windows = phraseWindows([note(60, 28, 8), note(67, 36, 2)], 4, range);
    const back = notesFromWindows(
      windows.map((w) => w.events),
      windows,
      range,
    );
    expect(back).toEqual([note(60, 28, 4), note(67, 36, 2)]);
    expect(windows[1].events[0]).toBe(0); // the second window opens with a rest, not a held note
  });

  it('moves a window by octaves into the model range and back', () => {
    const notes = [note(31, 0, 4), note(38, 4, 4)]; // G1, D2: below the model's C3
    const [w] = phraseWindows(notes, 2, range);
    expect(w.shift).toBe(24);
    expect(notesFromWindows([w.events], [w], range)).toEqual(notes);
    expect(octaveShiftInto(90, 100, range)).toBe(-24);
    expect(octaveShiftInto(40, 90, range)).toBeNull();
  });

  it('a window too wide for the range folds its notes instead of failing', () => {
    const [w] = phraseWindows([note(40, 0, 2), note(95, 2, 2)], 2, range);
    const pitches = Array.from(w.events)
      .filter((e) => e >= 2)
      .map((e) => e - 2 + 48);
    expect(pitches.every((p) => p >= 48 && p <= 83)).toBe(true);
    expect(pitches.map((p) => p % 12)).toEqual([40 % 12, 95 % 12]);
  });

  it('marks windows without notes as empty', () => {
    const windows = phraseWindows([note(60, 40, 2)], 4, range);
    expect(windows.map((w) => w.empty)).toEqual([true, false]);
  });

  it('refuses meters whose bars are not 16 steps, with the reason', () => {
    expect(vaeMeterProblem({ beats: 4, beatUnit: 4 })).toBeNull();
    expect(vaeMeterProblem({ beats: 2, beatUnit: 2 })).toBeNull();
    expect(vaeMeterProblem({ beats: 3, beatUnit: 4 })).toMatch(/4\/4 only.*3\/4/);
    expect(vaeMeterProblem({ beats: 6, beatUnit: 8 })).toMatch(/6\/8/);
  });

  it('measures the share of differing steps', () => {
    expect(stepDistance([1, 2, 3, 4], [1, 0, 3, 0])).toBe(0.5);
    expect(stepDistance([], [])).toBe(0);
  });
});
