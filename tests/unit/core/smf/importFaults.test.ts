import { describe, expect, it } from 'vitest';
import { chooseImportKey } from '../../../../src/core/smf/importKey';
import { importMidi, type MidiImportOptions } from '../../../../src/core/smf/importMidi';
import { describeImport } from '../../../../src/core/smf/importReport';
import { readMidiFile, type MidiImportPreview } from '../../../../src/core/smf/readMidi';
import { detectKey } from '../../../../src/core/theory/keyDetection';
import type { Note } from '../../../../src/core/types';
import {
  keySignature,
  line,
  meta,
  noteOff,
  noteOn,
  program,
  smf,
  tempo,
  timeSignature,
  trackName,
} from '../../../fixtures/smf/smfBuilder';
import { counterIds } from '../../../fixtures/songFixtures';

// Small hand-made files, one per fault a musician would notice after an import (issue 16).

const Q = 480; // ticks per quarter in these files
const S = Q / 4; // a sixteenth

function preview(bytes: Uint8Array): MidiImportPreview {
  const read = readMidiFile(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.preview;
}

function imported(bytes: Uint8Array | MidiImportPreview, options: Partial<MidiImportOptions> = {}) {
  const result = importMidi(
    bytes instanceof Uint8Array ? preview(bytes) : bytes,
    { trackIndex: 0, ...options },
    { now: 5, newId: counterIds('imp') },
  );
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const words = (result: ReturnType<typeof imported>, ppq = Q) =>
  describeImport(result.report, { timeSignature: { beats: 4, beatUnit: 4 }, tempo: 120, ppq }).join(' ');
const pitchesOf = (result: ReturnType<typeof imported>) => result.phrases.flatMap((p) => p.notes.map((n) => n.pitch));

/** Notes as [pitch, startTicks, lengthTicks] written as absolute events on channel 0. */
function events(notes: [number, number, number][], channel = 0): number[] {
  const all = notes.flatMap(([pitch, at, length]) => [
    { at, bytes: [0x90 | channel, pitch, 96] },
    { at: at + length, bytes: [0x80 | channel, pitch, 0] },
  ]);
  all.sort((a, b) => a.at - b.at || a.bytes[0] - b.bytes[0]);
  let last = 0;
  return all.flatMap((e) => {
    const delta = e.at - last;
    last = e.at;
    return [...noteOn(delta, 0, 0).slice(0, -3), ...e.bytes];
  });
}

describe('legato lines', () => {
  it('keep every note of a descending line whose notes overlap: the held note is cut where the next starts', () => {
    // Each note is held an eighth past the start of the next, lower one (legato playing).
    const line8: [number, number, number][] = [72, 71, 69, 67, 65, 64, 62, 60].map((p, i) => [p, i * Q, Q + Q / 2]);
    const result = imported(smf([events(line8)]));
    expect(pitchesOf(result)).toEqual([72, 71, 69, 67, 65, 64, 62, 60]);
    expect(result.phrases[0].notes.map((n) => [n.start, n.length])).toEqual(
      line8.map((_, i) => [i * 4, 4]).map(([s, l], i) => [s, i === 7 ? 6 : l]),
    );
    expect(result.report).toMatchObject({ droppedUnderHigher: 0, shortenedForMonophony: 7 });
    expect(words(result)).toMatch(/7 held notes were shortened where the next note starts/);
  });

  it('keep only the highest of notes that start together, and remove exact duplicates', () => {
    const result = imported(
      smf([
        events([
          [60, 0, Q],
          [64, 0, Q],
          [67, 0, Q],
          [67, 0, Q],
          [62, Q, Q],
        ]),
      ]),
    );
    expect(pitchesOf(result)).toEqual([67, 62]);
    expect(result.report).toMatchObject({ droppedUnderHigher: 2, duplicatesRemoved: 1 });
    expect(words(result)).toMatch(
      /2 notes were left out under a higher note that starts at the same moment.*1 exact duplicate removed/,
    );
  });
});

describe('time and key signatures repeated by every track', () => {
  const waltzTrack = (notes: [number, number][]) => [
    ...timeSignature(3, 4),
    ...keySignature(1, false),
    ...tempo(0, 96),
    ...line(0, notes),
  ];

  it('give no warning when every track repeats the same signature and tempo at the start', () => {
    const read = preview(smf([waltzTrack([[67, Q]]), waltzTrack([[43, Q * 3]])]));
    expect(read.warnings).toEqual([]);
    expect(read.timeSignature).toEqual({ beats: 3, beatUnit: 4 });
  });

  it('warn once about a real change, saying where, and count changes (not events)', () => {
    const notes: [number, number][] = Array.from({ length: 12 }, () => [67, Q]);
    const changing = [
      ...timeSignature(3, 4),
      ...tempo(0, 96),
      ...line(0, notes.slice(0, 6)),
      ...meta(0, 0x58, [2, 2, 24, 8]),
      ...tempo(0, 96),
      ...tempo(0, 120),
      ...line(0, notes.slice(6)),
    ];
    const read = preview(smf([changing]));
    expect(read.warnings).toEqual([
      'the tempo changes 1 time (between 96 and 120 BPM); the song keeps the first, 96 BPM',
      'the time signature changes to 2/4 at bar 3; the song stays in 3/4 throughout',
    ]);
  });
});

describe('pickups', () => {
  it('cut phrases at the real bar lines, with the pickup (padded to a whole bar) kept in the first phrase', () => {
    // 3/4, one-beat pickup on beat 3 of a padded first bar, then 8 full bars.
    const notes: [number, number, number][] = [[67, 2 * Q, Q]];
    for (let bar = 1; bar <= 8; bar++)
      for (let beat = 0; beat < 3; beat++) notes.push([60 + bar, (bar * 3 + beat) * Q, Q]);
    const result = imported(smf([[...timeSignature(3, 4), ...events(notes)]]), { splitEveryBars: 4 });
    expect(result.phrases.map((p) => p.bars)).toEqual([5, 4]);
    expect(result.phrases[1].notes[0]).toMatchObject({ pitch: 65, start: 0 }); // bar 5 starts the second phrase
    expect(result.report.pickupSteps).toBe(4);
    expect(words(result)).toMatch(/starts with a pickup of one beat; it stays in the first phrase/);
  });

  it('read a short first bar in a metre of its own (1/4 then 4/4) as a pickup, not a change of metre', () => {
    const body = [
      ...meta(0, 0x58, [1, 2, 24, 8]),
      ...noteOn(0, 0, 55),
      ...noteOff(Q, 0, 55),
      ...meta(0, 0x58, [4, 2, 24, 8]),
      ...line(0, [
        [60, Q * 4],
        [62, Q * 4],
      ]),
    ];
    const read = preview(smf([body]));
    expect(read.timeSignature).toEqual({ beats: 4, beatUnit: 4 });
    expect(read.pickupTicks).toBe(Q);
    expect(read.warnings).toEqual([]);
    const result = imported(read);
    expect(result.phrases[0].notes.map((n) => [n.pitch, n.start])).toEqual([
      [55, 12],
      [60, 16],
      [62, 32],
    ]);
  });
});

describe('grid phase, swing and triplets', () => {
  it('line a file up with its common offset before quantizing, and say so instead of "moved"', () => {
    const offset = 40; // a third of a sixteenth late, every note (about 42 ms at 120 BPM)
    const notes: [number, number, number][] = Array.from({ length: 16 }, (_, i) => [
      60 + (i % 5),
      i * 2 * S + offset,
      S,
    ]);
    const result = imported(smf([[...tempo(0, 120), ...events(notes)]]));
    expect(result.report.phaseTicks).toBe(offset);
    expect(result.report.movedNotes).toBe(0);
    expect(result.phrases[0].notes.map((n) => n.start)).toEqual(Array.from({ length: 16 }, (_, i) => i * 2));
    expect(words(result)).toMatch(/sits 42 ms behind the beat; the notes were lined up with the beat first/);
  });

  it('find swung sixteenths and, when asked, place them on the swung grid the song will play', () => {
    // Off-beat sixteenths a third of a step late: a full triplet swing (the song's swing 100%).
    const notes: [number, number, number][] = Array.from({ length: 32 }, (_, i) => [
      62 + (i % 3),
      i * S + (i % 2 ? S / 3 : 0),
      S / 2,
    ]);
    const straight = imported(smf([events(notes)]));
    expect(straight.report.detectedSwing).toBe(1);
    expect(words(straight)).toMatch(/swings its off-beat sixteenths \(about 100%\); they were placed straight/);
    const swung = imported(smf([events(notes)]), { swing: 1 });
    expect(swung.report.movedNotes).toBe(0);
    expect(swung.phrases[0].notes.map((n) => n.start)).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });

  it('count notes on triplets, which the sixteenth grid cannot hold', () => {
    const triplets: [number, number, number][] = Array.from({ length: 12 }, (_, i) => [
      60 + (i % 4),
      (i * Q) / 3,
      Q / 3,
    ]);
    const result = imported(smf([events(triplets)]));
    expect(result.report.tripletNotes).toBe(8);
    expect(words(result)).toMatch(/8 notes sit on triplets/);
  });
});

describe('key', () => {
  const melody = (pitches: number[]): Note[] =>
    pitches.map((pitch, i) => ({ pitch, start: i * 2, length: 2, velocity: 90 }));

  it('names a plain C major phrase C major (it once said F major)', () => {
    expect(detectKey(melody([60, 62, 64, 65, 67, 65, 64, 62, 60]))?.key).toEqual({ tonic: 'C', scale: 'major' });
    expect(detectKey(melody([60, 64, 65, 65, 67, 65, 64, 62, 65, 64, 62, 60]))?.key).toEqual({
      tonic: 'C',
      scale: 'major',
    });
  });

  it('uses the melody when the file names no key, and shows both when the melody contradicts the file', () => {
    const ebMinor = line(
      0,
      [63, 66, 70, 68, 66, 65, 63, 62, 63, 70, 66, 63].map((p) => [p, Q] as [number, number]),
    );
    const none = chooseImportKey(preview(smf([ebMinor])), 0);
    expect(none).toMatchObject({ fromFile: null, suggested: { tonic: 'Eb', scale: 'minor' } });
    expect(none.description).toBe('The file names no key; the melody is in E-flat minor.');
    const contradicted = chooseImportKey(preview(smf([[...keySignature(0, false), ...ebMinor]])), 0);
    expect(contradicted).toMatchObject({
      contradicted: true,
      fromFile: { tonic: 'C', scale: 'major' },
      suggested: { tonic: 'Eb', scale: 'minor' },
    });
    expect(contradicted.description).toBe('The file says C major; the melody is in E-flat minor.');
  });

  it("keeps the file's key when the melody agrees", () => {
    const gMajor = line(
      0,
      [67, 67, 74, 74, 76, 76, 74, 72, 72, 71, 71, 69, 69, 67].map((p) => [p, Q] as [number, number]),
    );
    const choice = chooseImportKey(preview(smf([[...keySignature(1, false), ...gMajor]])), 0);
    expect(choice).toMatchObject({
      contradicted: false,
      suggested: { tonic: 'G', scale: 'major' },
      description: 'The file says G major.',
    });
  });
});

describe('track labels', () => {
  it('name the parts of a format 0 file by channel and General MIDI instrument', () => {
    const body = [
      ...program(0, 0, 0),
      ...program(0, 1, 40),
      ...line(0, [[60, Q]]),
      ...line(1, [[55, Q]]),
      ...line(9, [[36, Q]]),
    ];
    const read = preview(smf([body]));
    expect(read.tracks.map((t) => t.label)).toEqual([
      'Channel 1: Acoustic Grand Piano',
      'Channel 2: Violin',
      'Channel 10: Drums',
    ]);
  });

  it('tell unnamed tracks on the same channel apart by track, and keep a name shared by several channels', () => {
    const unnamed = preview(smf([line(0, [[60, Q]]), line(0, [[48, Q]])]));
    expect(unnamed.tracks.map((t) => t.label)).toEqual([
      'Track 1, channel 1: Acoustic Grand Piano',
      'Track 2, channel 1: Acoustic Grand Piano',
    ]);
    const shared = preview(
      smf([[...trackName('Band'), ...line(0, [[60, Q]]), ...program(0, 1, 32), ...line(1, [[40, Q]])]]),
    );
    expect(shared.tracks.map((t) => t.label)).toEqual([
      'Band (channel 1: Acoustic Grand Piano)',
      'Band (channel 2: Acoustic Bass)',
    ]);
  });
});

describe('damaged and unusual files', () => {
  it('import what comes before the cut of a file whose last track is cut short, with a warning', () => {
    const whole = smf([
      line(0, [
        [60, Q],
        [62, Q],
        [64, Q],
        [65, Q],
      ]),
    ]);
    const cut = whole.subarray(0, whole.length - 9); // the last note-off and the end of track are missing
    const read = preview(cut);
    expect(read.warnings.join(' ')).toMatch(/the file is cut short \(its last bytes are missing\)/);
    expect(read.tracks[0].notes.map((n) => n.pitch)).toEqual([60, 62, 64]);
    expect(read.warnings.join(' ')).toMatch(/1 note never ends/);
  });

  it('import the first sequence with notes of a format 2 file, and say so', () => {
    const read = preview(
      smf(
        [[...trackName('Empty')], [...trackName('Tune'), ...tempo(0, 140), ...line(0, [[67, Q]])], line(0, [[40, Q]])],
        { format: 2 },
      ),
    );
    expect(read.tracks.map((t) => [t.label, t.notes.map((n) => n.pitch)])).toEqual([['Tune', [67]]]);
    expect(read.tempo).toBe(140);
    expect(read.warnings).toEqual([
      'the file holds 3 separate sequences (MIDI format 2); only the first one with notes is imported',
    ]);
  });
});

describe('the report', () => {
  it("says in a musician's words what moved and by how much", () => {
    const result = imported(
      smf([
        events([
          [60, 0, Q],
          [62, Q + 50, Q],
          [64, 2 * Q + 35, Q],
          [65, 3 * Q, Q],
        ]),
      ]),
    );
    expect(result.report).toMatchObject({ movedNotes: 2, largestMove: 0.42 });
    expect(words(result)).toMatch(
      /^4 notes imported into 1 phrase and 1 section\. 2 notes were off the sixteenth grid and moved onto it, by up to a 32nd note\.$/,
    );
  });
});
