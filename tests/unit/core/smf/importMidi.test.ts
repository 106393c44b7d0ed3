import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addImportToSong } from '../../../../src/core/smf/addImport';
import { songToMidi } from '../../../../src/core/smf/exportMidi';
import { importMidi } from '../../../../src/core/smf/importMidi';
import { describeImport } from '../../../../src/core/smf/importReport';
import { readMidiFile, type MidiImportPreview } from '../../../../src/core/smf/readMidi';
import { createSong } from '../../../../src/core/song';
import type { Song, TimeSignature } from '../../../../src/core/types';
import { validateSong } from '../../../../src/core/validate';
import { line, noteOff, noteOn, smf, tempo, trackName } from '../../../fixtures/smf/smfBuilder';
import { counterIds, typicalSong } from '../../../fixtures/songFixtures';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/smf/${name}`, import.meta.url)));

function preview(bytes: Uint8Array): MidiImportPreview {
  const read = readMidiFile(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.preview;
}

function imported(bytes: Uint8Array, options: Partial<Parameters<typeof importMidi>[1]> = {}) {
  const result = importMidi(preview(bytes), { trackIndex: 0, ...options }, { now: 5, newId: counterIds('imp') });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('song → MIDI → song', () => {
  it.each([
    { beats: 4, beatUnit: 4 },
    { beats: 3, beatUnit: 4 },
    { beats: 6, beatUnit: 8 },
  ] as TimeSignature[])('keeps notes, tempo, metre, key and sections (names, repeats, transposition) in %o', (ts) => {
    const original = typicalSong(3, ts);
    original.tempo = 132;
    original.key = { tonic: 'A', scale: 'minor' };
    original.arrangement[1] = { ...original.arrangement[1], repeats: 3 };
    const read = preview(songToMidi(original));
    expect(read.tempo).toBe(132);
    expect(read.timeSignature).toEqual(ts);
    expect(read.key).toEqual({ tonic: 'A', scale: 'minor' });
    expect(read.tracks.map((t) => t.name)).toEqual(['Melody', 'Chords']);

    const result = importMidi(read, { trackIndex: 0 }, { now: 5, newId: counterIds('imp') });
    if (!result.ok) throw new Error(result.reason);
    expect(result.report.splitBy).toBe('markers');
    expect(result.phrases.map((p) => [p.name, p.bars, p.notes])).toEqual(
      original.phrases.map((p) => [p.name, p.bars, p.notes]),
    );
    const names = new Map(result.phrases.map((p) => [p.id, p.name]));
    expect(result.sections.map((s) => [names.get(s.phraseId), s.repeats, s.transpose])).toEqual([
      ['A', 1, 0],
      ['B', 3, 0],
      ['A', 1, 2],
      ['B', 1, 0],
    ]);
    expect(result.report).toMatchObject({
      movedNotes: 0,
      droppedUnderHigher: 0,
      shortenedForMonophony: 0,
      cutAtPhraseEnd: 0,
    });
    expect(result.phrases.every((p) => p.origin.kind === 'imported')).toBe(true);
  });

  it('gives a song the same tempo, metre and key back when the preview is applied to a new song', () => {
    const original = typicalSong(4);
    const read = preview(songToMidi(original));
    const result = importMidi(read, { trackIndex: 0 }, { now: 5, newId: counterIds('imp') });
    if (!result.ok) throw new Error(result.reason);
    const rebuilt = createSong(
      {
        tempo: read.tempo ?? 120,
        timeSignature: read.timeSignature ?? undefined,
        key: read.key ?? undefined,
        phrases: result.phrases,
        arrangement: result.sections,
      },
      { now: 5, newId: counterIds('song') },
    );
    expect(validateSong(rebuilt).ok).toBe(true);
    expect([rebuilt.tempo, rebuilt.timeSignature, rebuilt.key]).toEqual([
      original.tempo,
      original.timeSignature,
      original.key,
    ]);
  });
});

describe('readMidiFile', () => {
  it('lists each track of a format 1 file with its name, channel, note count and pitch range, and reads tempo, metre and key', () => {
    const read = preview(fixture('two-tracks-waltz.mid'));
    expect(read.format).toBe(1);
    expect(
      read.tracks.map(({ label, channel, program, noteCount, lowest, highest }) => ({
        name: label,
        channel,
        program,
        noteCount,
        lowest,
        highest,
      })),
    ).toEqual([
      { name: 'Flute', channel: 0, program: 73, noteCount: 11, lowest: 66, highest: 74 },
      { name: 'Bass', channel: 1, program: 32, noteCount: 4, lowest: 43, highest: 50 },
    ]);
    expect(read.tempo).toBe(90);
    expect(read.timeSignature).toEqual({ beats: 3, beatUnit: 4 });
    expect(read.key).toEqual({ tonic: 'G', scale: 'major' });
    expect(read.name).toBe('Waltz');
  });

  it('splits a format 0 track per channel and marks the drum channel', () => {
    const read = preview(fixture('format0-chords.mid'));
    expect(read.format).toBe(0);
    expect(read.tracks.map((t) => [t.channel, t.noteCount, t.isDrums])).toEqual([
      [0, 16, false],
      [9, 2, true],
    ]);
    expect(read.tempo).toBe(120);
    expect(read.timeSignature).toBeNull();
  });

  it('says that only the first of several tempos is kept', () => {
    const read = preview(smf([[...tempo(0, 100), ...line(0, [[60, 480]]), ...tempo(0, 140)]]));
    expect(read.tempo).toBe(100);
    expect(read.warnings.join(' ')).toMatch(
      /tempo changes 1 time \(between 100 and 140 BPM\); the song keeps the first, 100 BPM/,
    );
  });
});

describe('importMidi', () => {
  it('makes block chords monophonic by keeping the highest note and reports how many notes that left out', () => {
    const result = imported(fixture('format0-chords.mid'));
    expect(result.phrases).toHaveLength(1);
    expect(result.phrases[0].notes.map((n) => [n.pitch, n.start, n.length])).toEqual([
      [72, 0, 16],
      [76, 16, 16],
      [77, 32, 16],
      [79, 48, 16],
    ]);
    expect(result.report.droppedUnderHigher).toBe(12);
    expect(
      describeImport(result.report, { timeSignature: { beats: 4, beatUnit: 4 }, tempo: 120, ppq: 480 }).join(' '),
    ).toMatch(/12 notes were left out under a higher note that starts at the same moment/);
  });

  it('cuts a held note where the next one starts, higher or lower (a legato line keeps every note)', () => {
    const bytes = smf([
      [
        ...noteOn(0, 0, 60),
        ...noteOn(240, 0, 67),
        ...noteOn(120, 0, 55),
        ...noteOff(120, 0, 55),
        ...noteOff(0, 0, 67),
        ...noteOff(0, 0, 60),
      ],
    ]);
    const result = imported(bytes);
    expect(result.phrases[0].notes.map((n) => [n.pitch, n.start, n.length])).toEqual([
      [60, 0, 2],
      [67, 2, 1],
      [55, 3, 1],
    ]);
    expect(result.report).toMatchObject({ shortenedForMonophony: 2, droppedUnderHigher: 0 });
  });

  it('quantizes notes played off the grid to the nearest sixteenth and counts them', () => {
    const result = imported(fixture('off-grid.mid'));
    expect(result.phrases[0].notes.map((n) => [n.pitch, n.start, n.length])).toEqual([
      [60, 0, 2],
      [62, 2, 2],
      [64, 8, 4],
      [65, 16, 8],
    ]);
    expect(result.report.notesRead).toBe(4);
    // 7-20 ticks off at 480 per quarter: humanisation under a 64th note, placed without a word.
    expect(result.report.movedNotes).toBe(0);
    expect(result.phrases[0].bars).toBe(2);
  });

  it('follows section markers from another program: twelve bars become Intro and Verse x2', () => {
    const result = imported(fixture('twelve-bars-markers.mid'));
    expect(result.report.splitBy).toBe('markers');
    expect(result.phrases.map((p) => [p.name, p.bars, p.notes.length])).toEqual([
      ['Intro', 4, 16],
      ['Verse', 4, 16],
    ]);
    expect(result.sections.map((s) => s.repeats)).toEqual([1, 2]);
  });

  it('cuts a long melody every N bars when asked to ignore markers, reusing identical pieces as repeats', () => {
    const result = imported(fixture('twelve-bars-markers.mid'), { useMarkers: false, splitEveryBars: 2 });
    expect(result.report.splitBy).toBe('bars');
    expect(result.phrases.map((p) => [p.name, p.bars])).toEqual([
      ['A', 2],
      ['B', 2],
      ['C', 2],
      ['D', 2],
    ]);
    const order = result.sections.map((s) => [result.phrases.findIndex((p) => p.id === s.phraseId), s.repeats]);
    expect(order).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it('splits every 4 bars by default when a track is longer than 8 bars, and keeps it whole when it fits', () => {
    expect(imported(fixture('twelve-bars-markers.mid'), { useMarkers: false }).phrases.map((p) => p.bars)).toEqual([
      4, 4,
    ]);
    expect(imported(fixture('two-tracks-waltz.mid')).phrases.map((p) => p.bars)).toEqual([4]);
  });

  it('cuts notes that sound across a phrase boundary and says so', () => {
    const bytes = smf([[...trackName('Long'), ...noteOn(0, 0, 60), ...noteOff(480 * 6, 0, 60)]]);
    const result = imported(bytes, { splitEveryBars: 1, useMarkers: false });
    expect(result.phrases[0].notes).toEqual([{ pitch: 60, start: 0, length: 16, velocity: 96 }]);
    expect(result.report.cutAtPhraseEnd).toBe(1);
  });

  it('folds pitches outside the piano into range by octaves', () => {
    const result = imported(
      smf([
        line(0, [
          [12, 480],
          [120, 480],
        ]),
      ]),
    );
    expect(result.phrases[0].notes.map((n) => n.pitch)).toEqual([24, 108]);
    expect(result.report.foldedIntoRange).toBe(2);
  });

  it('stops at the bar line where the phrase limit is reached, keeps the timeline, and says what is left', () => {
    // Bars 1-6 differ, bar 7 repeats bar 1: with room for 5 phrases the import stops at bar 6 and does
    // not slip bar 7 (a phrase it already has) in where bar 6 belongs.
    const pitches = [60, 62, 64, 65, 67, 69, 60];
    const result = imported(
      smf([
        line(
          0,
          pitches.map((p) => [p, 480 * 4] as [number, number]),
        ),
      ]),
      { splitEveryBars: 1, maxPhrases: 5, useMarkers: false },
    );
    expect(result.phrases).toHaveLength(5);
    expect(result.sections.map((s) => result.phrases.findIndex((p) => p.id === s.phraseId))).toEqual([0, 1, 2, 3, 4]);
    expect(result.report).toMatchObject({ stoppedAtBar: 5, barsLeftOut: 2, notesLeftOut: 2, totalBars: 7 });
    const words = describeImport(result.report, {
      timeSignature: { beats: 4, beatUnit: 4 },
      tempo: 120,
      ppq: 480,
    }).join(' ');
    expect(words).toMatch(/stopped at bar 6.*2 bars \(2 notes\) left out.*import the rest as another song/);
    const rest = imported(
      smf([
        line(
          0,
          pitches.map((p) => [p, 480 * 4] as [number, number]),
        ),
      ]),
      { splitEveryBars: 1, fromBar: 5, useMarkers: false },
    );
    expect(rest.phrases.map((p) => p.notes.map((n) => n.pitch))).toEqual([[69], [60]]);
    expect(rest.report.stoppedAtBar).toBeNull();
  });

  it('refuses a track index the file does not have', () => {
    const result = importMidi(preview(fixture('off-grid.mid')), { trackIndex: 3 });
    expect(result).toEqual({ ok: false, reason: 'that track is not in the file' });
  });
});

describe('addImportToSong', () => {
  it('appends phrases and sections, renaming phrases whose names the song already uses', () => {
    const song: Song = typicalSong(2);
    const result = imported(fixture('twelve-bars-markers.mid'));
    result.phrases[0].name = 'A';
    const added = addImportToSong(song, result);
    if (!added.ok) throw new Error(added.reason);
    expect(added.song.phrases.map((p) => p.name)).toEqual(['A', 'B', 'A (2)', 'Verse']);
    expect(added.song.arrangement).toHaveLength(song.arrangement.length + result.sections.length);
  });

  it('refuses an import that would pass the song phrase limit', () => {
    const song = typicalSong(2);
    const many = { phrases: Array.from({ length: 255 }, () => song.phrases[0]), sections: [] };
    expect(addImportToSong(song, many)).toMatchObject({ ok: false });
  });
});
