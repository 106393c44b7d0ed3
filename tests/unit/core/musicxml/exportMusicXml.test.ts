import { describe, expect, it } from 'vitest';
import { songToMusicXml } from '../../../../src/core/musicxml/exportMusicXml';
import { packMxl, unpackMxl } from '../../../../src/core/musicxml/mxl';
import { readMusicXmlFile } from '../../../../src/core/musicxml/readMusicXml';
import { resolveTimeline, timelineEventsBetween } from '../../../../src/core/playback';
import { importMidi } from '../../../../src/core/smf/importMidi';
import { createPhrase, createSong } from '../../../../src/core/song';
import type { Song, TimeSignature } from '../../../../src/core/types';
import { counterIds, typicalSong } from '../../../fixtures/songFixtures';
import { verovioNotes } from './independentReader';
import { schemaPresent, schemaProblems, xmllintPresent } from './xmllint';

/** Songs that exercise the export: metres, keys, repeats, transpositions, swing, ties, rests, odd titles. */
function songs(): { name: string; song: Song }[] {
  const plain = typicalSong(3);
  plain.arrangement[1] = { ...plain.arrangement[1], repeats: 2 };
  const waltz = typicalSong(5, { beats: 3, beatUnit: 4 });
  waltz.key = { tonic: 'Eb', scale: 'minor' };
  waltz.tempo = 84;
  const jig = typicalSong(6, { beats: 6, beatUnit: 8 });
  jig.key = { tonic: 'D', scale: 'dorian' };
  jig.swing = 0.5;
  jig.title = 'The <Rakes> & "Rogues" of Kildare';
  // Notes held across bar lines and over a chord change, rests between, chords that change mid-note.
  const newId = counterIds('tie');
  const tied = {
    ...createPhrase('Long', 3, { now: 1, newId }),
    notes: [
      { pitch: 67, start: 2, length: 20, velocity: 70 },
      { pitch: 66, start: 24, length: 5, velocity: 100 },
      { pitch: 61, start: 30, length: 18, velocity: 90 },
    ],
    chords: [
      { start: 0, symbol: 'G' },
      { start: 8, symbol: 'Em7' },
      { start: 16, symbol: 'D/F#' },
      { start: 32, symbol: 'N.C.' },
      { start: 40, symbol: 'A7sus4' },
    ],
  };
  const ties = createSong({ title: 'Ties', key: { tonic: 'G', scale: 'major' }, phrases: [tied] }, { now: 1, newId });
  return [
    { name: '4/4 C major with a repeated section and a transposed one', song: plain },
    { name: '3/4 E-flat minor', song: waltz },
    { name: '6/8 D dorian, swung, a title with markup', song: jig },
    { name: 'ties across bar lines, rests, chords changing under held notes', song: ties },
  ];
}

/** The song's melody played out as the export should write it: [pitch, start, length] in steps. */
function playedNotes(song: Song) {
  const timeline = resolveTimeline(song, { kind: 'song' });
  if (!timeline) return [];
  return timelineEventsBetween(timeline, 0, timeline.length)
    .flatMap((e) => (e.kind === 'note' ? [{ pitch: e.pitch, start: e.step, length: e.length }] : []))
    .sort((a, b) => a.start - b.start);
}

describe.skipIf(!schemaPresent)('MusicXML export against the MusicXML 4.0 schema (xmllint)', () => {
  it('has xmllint to validate with (Debian libxml2-utils; .ci/run installs it)', () => {
    expect(xmllintPresent(), 'xmllint is missing: apt-get install libxml2-utils').toBe(true);
  });

  it.each(songs())('validates: $name (melody only, and with the chords part)', ({ song }) => {
    expect(schemaProblems(songToMusicXml(song))).toBeNull();
    expect(schemaProblems(songToMusicXml(song, { chordsPart: true }))).toBeNull();
  });

  it('validates the score inside the .mxl', () => {
    const unpacked = unpackMxl(packMxl(songToMusicXml(typicalSong(2), { chordsPart: true })));
    if (!unpacked.ok) throw new Error(unpacked.reason);
    expect(schemaProblems(unpacked.xml)).toBeNull();
  });
});

// The first test loads Verovio's wasm toolkit: generous for a loaded machine (it took 30 s beside two trainings).
describe('MusicXML export read by an independent reader (Verovio)', { timeout: 120_000 }, () => {
  it.each(songs())('gives the same notes: $name', async ({ song }) => {
    const [melody] = await verovioNotes(songToMusicXml(song));
    expect(melody).toEqual(playedNotes(song));
  });

  it('writes the chords part as the chords sound', async () => {
    const song = songs()[3].song;
    const parts = await verovioNotes(songToMusicXml(song, { chordsPart: true }));
    expect(parts).toHaveLength(2);
    // G (0-8), Em7 (8-16), D/F# (16-32), N.C. (silent), A7sus4 (40-48): the tones start where the chords do.
    expect([...new Set(parts[1].map((n) => n.start))]).toEqual([0, 8, 16, 40]);
    expect(parts[1].filter((n) => n.start === 16).map((n) => n.pitch)).toEqual([42, 50, 54, 57]);
  });
});

describe('song → MusicXML → song', () => {
  it.each([
    { beats: 4, beatUnit: 4 },
    { beats: 3, beatUnit: 4 },
    { beats: 6, beatUnit: 8 },
  ] as TimeSignature[])('keeps title, tempo, swing, metre, key, phrases (notes, chords) and sections in %o', (ts) => {
    const original = typicalSong(7, ts);
    original.tempo = 132;
    original.swing = 0.5;
    original.key = { tonic: 'A', scale: 'minor' };
    original.arrangement[1] = { ...original.arrangement[1], repeats: 3 };
    for (const bytes of [
      new TextEncoder().encode(songToMusicXml(original)),
      packMxl(songToMusicXml(original, { chordsPart: true })),
    ]) {
      const read = readMusicXmlFile(bytes);
      if (!read.ok) throw new Error(read.reason);
      const { preview } = read;
      expect([preview.name, preview.tempo, preview.swing, preview.timeSignature, preview.key]).toEqual([
        original.title,
        132,
        0.5,
        ts,
        original.key,
      ]);
      const result = importMidi(preview, { trackIndex: 0 }, { now: 5, newId: counterIds('imp') });
      if (!result.ok) throw new Error(result.reason);
      expect(result.phrases.map((p) => [p.name, p.bars, p.notes, p.chords])).toEqual(
        original.phrases.map((p) => [p.name, p.bars, p.notes, p.chords]),
      );
      const names = new Map(result.phrases.map((p) => [p.id, p.name]));
      const originalNames = new Map(original.phrases.map((p) => [p.id, p.name]));
      expect(result.sections.map((s) => [names.get(s.phraseId), s.repeats, s.transpose])).toEqual(
        original.arrangement.map((s) => [originalNames.get(s.phraseId), s.repeats, s.transpose]),
      );
    }
  });

  it('keeps the swing', () => {
    const song = typicalSong(2);
    song.swing = 0.5;
    expect(songToMusicXml(song)).toMatch(
      /<swing>\s*<first>70<\/first>\s*<second>50<\/second>\s*<swing-type>16th<\/swing-type>/,
    );
  });
});
