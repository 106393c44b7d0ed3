import { describe, expect, it } from 'vitest';
import { clipSpan, notesUnderSpan, notesWithSpan, proposalSpan } from '../../../src/store/proposals/span';
import { previewAfterRemoval, steppedPreview } from '../../../src/store/proposals/preview';
import { musicalVariation } from '../../../src/store/proposals/variations';
import { isInScale } from '../../../src/core/scale';

const note = (pitch: number, start: number, length = 1) => ({ pitch, start, length, velocity: 96 });
const ts = { beats: 4, beatUnit: 4 };

describe('where Propose writes', () => {
  it('an empty phrase: from its first step, `bars` bars', () => {
    expect(proposalSpan({ bars: 2, notes: [] }, null, 2, ts)).toEqual({
      ok: true,
      span: { start: 0, end: 32 },
      from: 'empty-phrase',
    });
    expect(proposalSpan({ bars: 2, notes: [] }, null, 4, ts)).toMatchObject({ span: { start: 0, end: 64 } });
  });

  it('after the last written note, to the bar line nearest `bars` bars on, never past 8 bars', () => {
    const notes = [note(60, 0, 2), note(64, 6, 3)]; // ends at step 9
    expect(proposalSpan({ bars: 2, notes }, null, 1, ts)).toEqual({
      ok: true,
      span: { start: 9, end: 32 }, // 23 steps is nearer one bar than the 7 left of bar 1
      from: 'after-notes',
    });
    expect(proposalSpan({ bars: 2, notes }, null, 2, ts)).toMatchObject({ span: { start: 9, end: 48 } });
    expect(proposalSpan({ bars: 2, notes: [note(60, 0, 3)] }, null, 1, ts)).toMatchObject({
      span: { start: 3, end: 16 },
    });
    expect(proposalSpan({ bars: 2, notes: [note(60, 0, 3)] }, null, 2, ts)).toMatchObject({
      span: { start: 3, end: 32 },
    });
    // A question phrase in quarters (last note on beat 4, one step long): one bar more is bar 2, not steps 14-16.
    const quarters = [note(60, 0), note(65, 4), note(67, 8), note(72, 12)];
    expect(proposalSpan({ bars: 2, notes: quarters }, null, 1, ts)).toMatchObject({ span: { start: 13, end: 32 } });
    expect(proposalSpan({ bars: 2, notes: [note(60, 28, 4)] }, null, 2, ts)).toMatchObject({
      span: { start: 32, end: 64 },
    });
    expect(proposalSpan({ bars: 8, notes: [note(60, 100, 4)] }, null, 4, ts)).toMatchObject({
      span: { start: 104, end: 128 },
    });
    expect(proposalSpan({ bars: 8, notes: [note(60, 124, 4)] }, null, 2, ts)).toMatchObject({ ok: false });
  });

  it('the selection, clipped to the phrase, whatever is written', () => {
    const notes = [note(60, 0, 2), note(64, 20)];
    expect(proposalSpan({ bars: 2, notes }, { start: 16, end: 24 }, 2, ts)).toEqual({
      ok: true,
      span: { start: 16, end: 24 },
      from: 'selection',
    });
    expect(proposalSpan({ bars: 2, notes }, { start: 24, end: 90 }, 2, ts)).toMatchObject({
      span: { start: 24, end: 32 },
    });
    expect(clipSpan({ start: 5, end: 5 }, 32)).toBeNull();
  });

  it('the notes a span replaces are those starting in it and those sounding into it', () => {
    const notes = [note(60, 0, 10), note(62, 12), note(64, 16)];
    expect(notesUnderSpan(notes, { start: 8, end: 16 })).toEqual([note(60, 0, 10), note(62, 12)]);
    expect(notesWithSpan(notes, { start: 8, end: 16 }, [note(70, 2)])).toEqual([
      note(60, 0, 8),
      note(70, 10),
      note(64, 16),
    ]);
  });
});

describe('stepping through candidates', () => {
  const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('wraps around both ways and starts from the ends', () => {
    expect(steppedPreview(list, 'c', 1)).toBe('a');
    expect(steppedPreview(list, 'a', -1)).toBe('c');
    expect(steppedPreview(list, null, 1)).toBe('a');
    expect(steppedPreview(list, null, -1)).toBe('c');
    expect(steppedPreview([], null, 1)).toBeNull();
  });
  it('after a removal, previews the one that took its place', () => {
    expect(previewAfterRemoval(list, 'b', 'b')).toBe('c');
    expect(previewAfterRemoval(list, 'c', 'c')).toBe('b');
    expect(previewAfterRemoval([{ id: 'a' }], 'a', 'a')).toBeNull();
    expect(previewAfterRemoval(list, 'a', 'c')).toBe('c');
  });
});

describe('musical variations honour the scale lock', () => {
  it('an inversion in C major stays on the C major scale when locked', () => {
    const key = { tonic: 'C', scale: 'major' as const };
    const line = [note(64, 0), note(65, 2), note(67, 4), note(71, 6)];
    const free = musicalVariation('invert', line, 16, key, ts)!;
    expect(free.some((n) => !isInScale(n.pitch, key))).toBe(true);
    const locked = musicalVariation('invert', line, 16, key, ts, true)!;
    expect(locked.every((n) => isInScale(n.pitch, key))).toBe(true);
    expect(locked.map((n) => n.start)).toEqual(free.map((n) => n.start));
  });
});
