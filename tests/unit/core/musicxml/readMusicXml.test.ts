import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packMxl } from '../../../../src/core/musicxml/mxl';
import { readMusicXmlFile } from '../../../../src/core/musicxml/readMusicXml';
import { importMidi } from '../../../../src/core/smf/importMidi';
import {
  billionLaughsScore,
  claimedBombMxl,
  EXTERNAL_ENTITY,
  externalEntityScore,
  hoursLongScore,
  oversizedScore,
  scoreXml,
} from '../../../fixtures/musicxml/badScores';
import { counterIds } from '../../../fixtures/songFixtures';

const leadSheet = readFileSync(new URL('../../../fixtures/musicxml/lead-sheet.musicxml', import.meta.url));

// How fast each refusal is: `npm run bench -- inputs`. A hang is caught by the test timeout.
function refusal(bytes: Uint8Array | string): string {
  const result = readMusicXmlFile(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
}

const score = scoreXml;

describe('reading a MusicXML lead sheet', () => {
  const read = readMusicXmlFile(new Uint8Array(leadSheet));
  if (!read.ok) throw new Error(read.reason);
  const { preview } = read;

  it('reads the title, key, metre, tempo, pickup and rehearsal marks', () => {
    expect(preview).toMatchObject({
      source: 'musicxml',
      name: 'Lead Sheet Tune',
      tempo: 100,
      timeSignature: { beats: 4, beatUnit: 4 },
      key: { tonic: 'F', scale: 'major' },
      pickupTicks: 960,
    });
    expect(preview.markers.map((m) => [m.ticks / 960, m.text])).toEqual([
      [1, 'A'],
      [17, 'B'],
    ]);
    expect(preview.warnings).toEqual([]);
  });

  it('takes voice 1 of the first part: ties joined, grace notes and the second voice left out, chords whole', () => {
    const notes = preview.tracks[0].notes.map((n) => [n.pitch, n.ticks / 240, n.durationTicks / 240]);
    expect(notes).toEqual([
      [72, 0, 4],
      [69, 4, 8],
      [67, 12, 4],
      [65, 16, 4],
      [67, 20, 4],
      [70, 24, 4],
      [74, 24, 4],
      [69, 28, 16],
      [64, 48, 4],
      [65, 52, 16],
      [70, 68, 8],
      [74, 76, 8],
      [72, 84, 16],
      [65, 100, 8],
      [65, 116, 16],
    ]);
  });

  it('becomes phrases cut at the rehearsal marks (the pickup in the first), with the chord symbols in the phrases', () => {
    const result = importMidi(preview, { trackIndex: 0 }, { now: 1, newId: counterIds() });
    if (!result.ok) throw new Error(result.reason);
    expect(result.report).toMatchObject({ splitBy: 'markers', pickupSteps: 4, droppedUnderHigher: 1 });
    expect(result.phrases.map((p) => [p.name, p.bars, p.chords])).toEqual([
      [
        'A',
        5,
        [
          { start: 16, symbol: 'F' },
          { start: 32, symbol: 'Gm7' },
          { start: 48, symbol: 'C7' },
          { start: 64, symbol: 'F' },
        ],
      ],
      [
        'B',
        4,
        [
          { start: 0, symbol: 'Bb' },
          { start: 16, symbol: 'F/C' },
          { start: 32, symbol: 'C7sus4' },
          { start: 48, symbol: 'F' },
        ],
      ],
    ]);
    expect(result.phrases[0].notes.map((n) => [n.pitch, n.start, n.length])).toEqual([
      [72, 12, 4],
      [69, 16, 8],
      [67, 24, 4],
      [65, 28, 4],
      [67, 32, 4],
      [74, 36, 4],
      [69, 40, 16],
      [64, 60, 4],
      [65, 64, 16],
    ]);
  });

  it('reads the same from a compressed .mxl', () => {
    const zipped = readMusicXmlFile(packMxl(leadSheet.toString('utf8')));
    if (!zipped.ok) throw new Error(zipped.reason);
    expect(zipped.preview).toEqual(preview);
  });
});

describe('bad MusicXML is refused in plain words, never fetched or expanded', () => {
  it('not XML, not a score, a timewise score, no parts, no notes', () => {
    expect(refusal('')).toBe('the file is empty');
    expect(refusal('MThd, or any other text')).toBe('this is not a MusicXML file (it is not XML)');
    expect(refusal('<score-partwise><part>')).toMatch(/not a readable MusicXML file: the file is not well-formed XML/);
    expect(refusal('<html><body>hello</body></html>')).toBe('this XML file is not a MusicXML score');
    expect(refusal('<score-timewise version="4.0"/>')).toMatch(/timewise/);
    expect(refusal('<score-partwise version="4.0"><part-list/></score-partwise>')).toBe('the score has no parts');
    expect(refusal(score('<measure number="1"><note><rest/><duration>4</duration></note></measure>'))).toBe(
      'the score has no notes to import',
    );
  });

  it('entities: internal declarations ("billion laughs") and external ones are refused, never expanded', () => {
    expect(refusal(billionLaughsScore())).toMatch(/entities of its own, which are not read for safety/);
    expect(refusal(externalEntityScore())).toMatch(/entities of its own/);
    // A declared but unused entity expands nothing; the score reads as usual.
    const unused = readMusicXmlFile(
      new TextEncoder().encode(
        score(
          '<measure number="1"><note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration></note></measure>',
          EXTERNAL_ENTITY,
        ),
      ),
    );
    expect(unused.ok).toBe(true);
  });

  it('a zip without a container, a container naming a missing score, a damaged zip, a zip bomb', () => {
    expect(refusal(zipSync({ 'score.musicxml': strToU8(score('')) }))).toMatch(/no META-INF\/container.xml/);
    const container = '<container><rootfiles><rootfile full-path="nowhere.musicxml"/></rootfiles></container>';
    expect(refusal(zipSync({ 'META-INF/container.xml': strToU8(container) }))).toMatch(
      /names a score \(nowhere.musicxml\) that is not in it/,
    );
    const good = packMxl(score(''));
    expect(refusal(good.subarray(0, good.length - 30))).toMatch(/damaged/);
    // A score that claims to unpack to 25 MB (its central directory entry says so): refused before inflating.
    expect(refusal(claimedBombMxl())).toMatch(/more than 20 MB/);
  });

  it('a huge file is refused before it is read', () => {
    expect(refusal(oversizedScore())).toMatch(/larger than 20 MB/);
  });

  it('absurd durations and divisions do not hang or make an hours-long song', () => {
    expect(refusal(hoursLongScore())).toMatch(/hours long/);
    const zero = score(
      `<measure number="1"><attributes><divisions>0</divisions></attributes><note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration></note></measure>`,
    );
    expect(readMusicXmlFile(new TextEncoder().encode(zero)).ok).toBe(true);
  });
});
