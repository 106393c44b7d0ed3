import { describe, expect, it } from 'vitest';
import { buildNotation, writableLengths, type NotationEvent } from '../../../../src/core/notation/notationModel';
import type { KeySignature, Note, TimeSignature } from '../../../../src/core/types';

const C_MAJOR: KeySignature = { tonic: 'C', scale: 'major' };
const FOUR_FOUR: TimeSignature = { beats: 4, beatUnit: 4 };
const note = (pitch: number, start: number, length: number): Note => ({ pitch, start, length, velocity: 100 });

function summary(events: NotationEvent[]): string[] {
  return events.map((e) => (e.kind === 'rest' ? `z${e.length}` : `${e.pitch}:${e.length}${e.tieToNext ? '-' : ''}`));
}

describe('phrase to notation', () => {
  it('writes pitches and durations in bars and fills the gaps with rests', () => {
    const model = buildNotation({
      notes: [note(60, 0, 4), note(64, 4, 2), note(67, 8, 8)],
      bars: 1,
      timeSignature: FOUR_FOUR,
      key: C_MAJOR,
    });
    expect(model.bars).toHaveLength(1);
    expect(summary(model.bars[0].events)).toEqual(['60:4', '64:2', 'z2', '67:8']);
  });

  it('an empty phrase is a whole-bar rest in every bar, in the right value for the meter', () => {
    expect(
      summary(
        buildNotation({ notes: [], bars: 2, timeSignature: FOUR_FOUR, key: C_MAJOR }).bars.flatMap((b) => b.events),
      ),
    ).toEqual(['z16', 'z16']);
    expect(
      summary(
        buildNotation({ notes: [], bars: 1, timeSignature: { beats: 3, beatUnit: 4 }, key: C_MAJOR }).bars[0].events,
      ),
    ).toEqual(['z12']);
    expect(
      summary(
        buildNotation({ notes: [], bars: 1, timeSignature: { beats: 6, beatUnit: 8 }, key: C_MAJOR }).bars[0].events,
      ),
    ).toEqual(['z12']);
  });

  it('ties a note across the bar line, keeping its index on both pieces', () => {
    const model = buildNotation({ notes: [note(62, 12, 8)], bars: 2, timeSignature: FOUR_FOUR, key: C_MAJOR });
    // A rest of three beats is written as a half and a quarter rest (a dotted half rest hides beat 3 in 4/4).
    expect(summary(model.bars[0].events)).toEqual(['z8', 'z4', '62:4-']);
    expect(summary(model.bars[1].events)).toEqual(['62:4', 'z4', 'z8']);
    expect(model.bars[0].events[2].noteIndex).toBe(0);
    expect(model.bars[1].events[0].noteIndex).toBe(0);
  });

  it('splits lengths no single note value can show into tied writable values', () => {
    const model = buildNotation({
      notes: [note(60, 0, 5), note(62, 6, 7)],
      bars: 1,
      timeSignature: FOUR_FOUR,
      key: C_MAJOR,
    });
    expect(summary(model.bars[0].events)).toEqual(['60:4-', '60:1', 'z1', '62:2-', '62:4-', '62:1', 'z1', 'z2']);
  });

  it('ties across a chord change so the symbol sits on the beat it starts', () => {
    const model = buildNotation({
      notes: [note(64, 0, 16)],
      chords: [
        { start: 0, symbol: 'C' },
        { start: 8, symbol: 'Am' },
      ],
      bars: 1,
      timeSignature: FOUR_FOUR,
      key: C_MAJOR,
    });
    expect(model.bars[0].events.map((e) => [e.length, e.chord, e.tieToNext])).toEqual([
      [8, 'C', true],
      [8, 'Am', false],
    ]);
  });

  it('puts a chord symbol on a rest when no note starts there', () => {
    const model = buildNotation({
      notes: [note(60, 0, 4)],
      chords: [{ start: 4, symbol: 'G7' }],
      bars: 1,
      timeSignature: FOUR_FOUR,
      key: C_MAJOR,
    });
    expect(model.bars[0].events[1]).toMatchObject({ kind: 'rest', chord: 'G7', start: 4 });
  });

  it('carries the key and meter and picks the bass clef for a low melody', () => {
    const key: KeySignature = { tonic: 'G', scale: 'minor' };
    const ts: TimeSignature = { beats: 3, beatUnit: 4 };
    const low = buildNotation({ notes: [note(43, 0, 4), note(48, 4, 4)], bars: 1, timeSignature: ts, key });
    expect(low).toMatchObject({ key, timeSignature: ts, clef: 'bass' });
    expect(buildNotation({ notes: [note(72, 0, 4)], bars: 1, timeSignature: ts, key }).clef).toBe('treble');
  });

  it('cuts notes past the phrase end and overlapping notes at the next start', () => {
    const model = buildNotation({
      notes: [note(60, 0, 8), note(62, 4, 20)],
      bars: 1,
      timeSignature: FOUR_FOUR,
      key: C_MAJOR,
    });
    expect(summary(model.bars[0].events)).toEqual(['60:4', '62:12']);
  });
});

describe('writable lengths', () => {
  it('uses dotted values on the beat and breaks off-beat notes at the next beat', () => {
    expect(writableLengths(0, 12, 4)).toEqual([12]);
    expect(writableLengths(0, 6, 4)).toEqual([6]);
    expect(writableLengths(2, 4, 4)).toEqual([2, 2]);
    expect(writableLengths(1, 15, 4)).toEqual([3, 12]);
  });
});
