import { describe, expect, it } from 'vitest';
import { eventsBetween, localStep, resolveTimeline, type NotePlayback } from '../../../src/core/playback';
import { loopA, phraseWith, songWith } from '../../fixtures/playbackFixtures';

const notesOf = (events: ReturnType<typeof eventsBetween>) =>
  events.filter((e): e is NotePlayback => e.kind === 'note').map((e) => [e.step, e.pitch]);

describe('eventsBetween', () => {
  it('returns the notes whose onsets fall in [from, to), with absolute steps', () => {
    const song = songWith([phraseWith([{ start: 0 }, { start: 4, pitch: 62 }, { start: 8, pitch: 64 }])]);
    expect(notesOf(eventsBetween(song, loopA, 0, 8))).toEqual([
      [0, 60],
      [4, 62],
    ]);
    expect(notesOf(eventsBetween(song, loopA, 4, 9))).toEqual([
      [4, 62],
      [8, 64],
    ]);
  });

  it('unrolls a phrase loop across the window, even a phrase shorter than the window', () => {
    const song = songWith([phraseWith([{ start: 0 }, { start: 12, pitch: 67 }])]); // one bar of 16 steps
    expect(notesOf(eventsBetween(song, loopA, 10, 58))).toEqual([
      [12, 67],
      [16, 60],
      [28, 67],
      [32, 60],
      [44, 67],
      [48, 60],
    ]);
  });

  it('wraps a loop exactly at its end: the last step and the next first step, never twice', () => {
    const song = songWith([phraseWith([{ start: 0 }, { start: 15, pitch: 71 }])]);
    const windows = [
      [0, 7.3],
      [7.3, 15.5],
      [15.5, 16],
      [16, 31.99],
      [31.99, 32.01],
    ];
    const all = windows.flatMap(([a, b]) => notesOf(eventsBetween(song, loopA, a, b)));
    expect(all).toEqual([
      [0, 60],
      [15, 71],
      [16, 60],
      [31, 71],
      [32, 60],
    ]);
  });

  it('cuts a note at the end of its phrase so a loop never overlaps its own next cycle', () => {
    const song = songWith([phraseWith([{ start: 14, length: 8 }])]);
    const [event] = eventsBetween(song, loopA, 0, 16) as NotePlayback[];
    expect(event.length).toBe(2);
  });

  it('ignores notes left beyond the end after a phrase was shortened', () => {
    const song = songWith([phraseWith([{ start: 3 }, { start: 20 }], 1)]);
    expect(notesOf(eventsBetween(song, loopA, 0, 32))).toEqual([
      [3, 60],
      [19, 60],
    ]);
  });

  it('plays the song arrangement once with repeats and transposition', () => {
    const a = phraseWith([{ start: 0, pitch: 60 }], 1, 'a');
    const b = { ...phraseWith([{ start: 4, pitch: 64 }], 1, 'b'), name: 'B' };
    const song = songWith([a, b], {}, [
      { id: 's1', phraseId: 'a', repeats: 2, transpose: 0 },
      { id: 's2', phraseId: 'b', repeats: 1, transpose: 5 },
    ]);
    expect(notesOf(eventsBetween(song, { kind: 'song' }, 0, 1000))).toEqual([
      [0, 60],
      [16, 60],
      [36, 69],
    ]);
  });

  it('loops a single section, transposed, with its repeats', () => {
    const a = phraseWith([{ start: 2, pitch: 60 }], 1, 'a');
    const song = songWith([a], {}, [
      { id: 's1', phraseId: 'a', repeats: 1, transpose: 0 },
      { id: 's2', phraseId: 'a', repeats: 2, transpose: -12 },
    ]);
    expect(notesOf(eventsBetween(song, { kind: 'section', sectionId: 's2' }, 0, 64))).toEqual([
      [2, 48],
      [18, 48],
      [34, 48],
      [50, 48],
    ]);
  });

  it('skips sections whose phrase is gone and returns nothing for unknown targets', () => {
    const a = phraseWith([{ start: 0 }], 1, 'a');
    const song = songWith([a], {}, [
      { id: 's1', phraseId: 'missing', repeats: 1, transpose: 0 },
      { id: 's2', phraseId: 'a', repeats: 1, transpose: 0 },
    ]);
    expect(notesOf(eventsBetween(song, { kind: 'song' }, 0, 64))).toEqual([[0, 60]]);
    expect(eventsBetween(song, { kind: 'phrase', phraseId: 'nope' }, 0, 64)).toEqual([]);
    expect(eventsBetween(song, { kind: 'section', sectionId: 'nope' }, 0, 64)).toEqual([]);
  });

  it('drops notes that transposition pushes outside MIDI', () => {
    const a = phraseWith(
      [
        { start: 0, pitch: 120 },
        { start: 1, pitch: 100 },
      ],
      1,
      'a',
    );
    const song = songWith([a], {}, [{ id: 's1', phraseId: 'a', repeats: 1, transpose: 12 }]);
    expect(notesOf(eventsBetween(song, { kind: 'song' }, 0, 16))).toEqual([[1, 112]]);
  });

  it('adds a click on every beat of the time signature, accented on the downbeat', () => {
    const song = songWith([phraseWith([], 1)], { timeSignature: { beats: 6, beatUnit: 8 } });
    const clicks = eventsBetween(song, loopA, 0, 24, { metronome: true }).filter((e) => e.kind === 'click');
    expect(clicks.map((c) => [c.step, c.kind === 'click' && c.accent])).toEqual([
      [0, true],
      [2, false],
      [4, false],
      [6, false],
      [8, false],
      [10, false],
      [12, true],
      [14, false],
      [16, false],
      [18, false],
      [20, false],
      [22, false],
    ]);
    expect(eventsBetween(song, loopA, 0, 24).some((e) => e.kind === 'click')).toBe(false);
  });

  it('hands out chords that sound until the next chord or the phrase end, skipping N.C.', () => {
    const a = {
      ...phraseWith([], 1, 'a'),
      chords: [
        { start: 8, symbol: 'G7' },
        { start: 0, symbol: 'C' },
        { start: 12, symbol: 'N.C.' },
      ],
    };
    const song = songWith([a], {}, [{ id: 's1', phraseId: 'a', repeats: 1, transpose: 2 }]);
    const chords = eventsBetween(song, { kind: 'song' }, 0, 16).filter((e) => e.kind === 'chord');
    expect(chords).toEqual([
      { kind: 'chord', step: 0, local: 0, length: 8, symbol: 'C', transpose: 2 },
      { kind: 'chord', step: 8, local: 8, length: 4, symbol: 'G7', transpose: 2 },
    ]);
  });

  it('counts loop cycles from a moved cycle start', () => {
    const song = songWith([phraseWith([{ start: 0 }])]);
    expect(notesOf(eventsBetween(song, loopA, 0, 40, { cycleStart: 8 }))).toEqual([
      [8, 60],
      [24, 60],
    ]);
  });
});

describe('resolveTimeline and localStep', () => {
  it('measures a phrase in the song time signature and wraps positions in a loop', () => {
    const song = songWith([phraseWith([], 2)], { timeSignature: { beats: 3, beatUnit: 4 } });
    const timeline = resolveTimeline(song, loopA)!;
    expect(timeline.length).toBe(24);
    expect(localStep(timeline, 30)).toBe(6);
    expect(localStep(timeline, 30, 10)).toBe(20);
    expect(localStep({ length: 24, loop: false }, 30)).toBe(30);
  });
});
