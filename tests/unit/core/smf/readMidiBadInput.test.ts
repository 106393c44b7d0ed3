import { describe, expect, it } from 'vitest';
import { readMidiFile } from '../../../../src/core/smf/readMidi';
import { MIDI_LIMITS } from '../../../../src/core/smf/smfScan';
import {
  goodMidi,
  hoursLongMidi,
  overNoteCapMidi,
  oversizedMidi,
  tooManyTracksMidi,
  zeroTempoMidi,
} from '../../../fixtures/smf/badMidiFiles';
import { chunk, line, meta, noteOff, noteOn, smf, varInt } from '../../../fixtures/smf/smfBuilder';

// How fast each refusal is: `npm run bench -- inputs`. A hang is caught by the test timeout.
function refusal(bytes: Uint8Array): string {
  const result = readMidiFile(bytes);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
}

const good = goodMidi();

describe('readMidiFile refuses bad files in plain words, without throwing or hanging', () => {
  it('empty', () => expect(refusal(new Uint8Array())).toBe('the file is empty'));

  it('not MIDI at all', () =>
    expect(refusal(new TextEncoder().encode('<html>not a song</html>'))).toBe('this is not a MIDI file'));

  it('truncated anywhere: refused in words, or (cut inside the last track) what came before the cut, with a warning', () => {
    for (let cut = 1; cut < good.length; cut++) {
      const result = readMidiFile(good.subarray(0, cut));
      if (result.ok) expect(result.preview.warnings.join(' ')).toMatch(/cut short/);
      else expect(result.reason).toMatch(/not a MIDI file|damaged|ends|no notes/);
    }
  });

  it('larger than the cap (a 20 MB file), before reading any of it', () => {
    expect(refusal(oversizedMidi())).toMatch(/larger than 4 MB/);
  });

  it('more notes than the cap (checked before parsing)', () => {
    const bytes = overNoteCapMidi();
    expect(bytes.length).toBeLessThan(MIDI_LIMITS.fileBytes);
    expect(refusal(bytes)).toMatch(/more than 200000 notes/);
  });

  it('a tempo of zero', () => expect(refusal(zeroTempoMidi())).toBe('the file sets a tempo of zero'));

  it('absurd delta times (hours between events)', () => {
    expect(refusal(hoursLongMidi())).toMatch(/hours long/);
  });

  it('a delta time longer than MIDI allows', () => {
    expect(refusal(smf([[0xff, 0xff, 0xff, 0xff, 0x7f, 0x90, 60, 96]]))).toMatch(/number longer than MIDI allows/);
  });

  it('running status with nothing to run on', () => expect(refusal(smf([[0, 60, 96]]))).toMatch(/never started/));

  it('a chunk length pointing past the end of a chunk that is not a track', () => {
    const one = smf([line(0, [[60, 480]])], { format: 1 });
    const broken = Uint8Array.from([...one, ...chunk('XFIH', [1, 2, 3])]);
    new DataView(broken.buffer).setUint32(one.length + 4, 500);
    new DataView(broken.buffer).setUint16(10, 2); // the header now promises a second track
    expect(refusal(broken)).toMatch(/ends inside track 2/);
  });

  it('a meta event longer than its track', () =>
    expect(refusal(smf([[0, 0xff, 0x01, ...varInt(500), 65]]))).toMatch(/longer than the track/));

  it('an unknown format, SMPTE timing, zero PPQ, no tracks, too many tracks', () => {
    expect(refusal(smf([line(0, [[60, 480]])], { format: 3 }))).toMatch(/format 3 does not exist/);
    expect(refusal(smf([line(0, [[60, 480]])], { ppq: 0xe728 }))).toMatch(/SMPTE/);
    expect(refusal(smf([line(0, [[60, 480]])], { ppq: 0 }))).toMatch(/zero ticks/);
    expect(refusal(smf([], { format: 1 }))).toBe('the file has no tracks');
    expect(refusal(tooManyTracksMidi())).toMatch(/more than 256 tracks/);
  });

  it('zero-length tracks and files without notes', () => {
    expect(refusal(Uint8Array.from([...smf([[]]).subarray(0, 14), ...chunk('MTrk', [])]))).toBe(
      'the file has no notes to import',
    );
    expect(refusal(smf([[...meta(0, 0x03, [65])]]))).toBe('the file has no notes to import');
  });

  it('thousands of notes that never end, and note-offs for notes never started', () => {
    const events: number[] = [];
    for (let i = 0; i < 20_000; i++) events.push(...noteOn(1, 0, 60 + (i % 2)));
    for (let i = 0; i < 20_000; i++) events.push(0, 0x80, 70, 0);
    expect(refusal(smf([events]))).toBe('the file has no notes that end');
  });
});

describe('readMidiFile accepts what the standard allows', () => {
  it('leaves out notes that never end and says so', () => {
    const read = readMidiFile(smf([[...line(0, [[60, 480]]), ...noteOn(0, 0, 64)]]));
    if (!read.ok) throw new Error(read.reason);
    expect(read.preview.tracks[0].noteCount).toBe(1);
    expect(read.preview.warnings).toContain('1 note never ends in the file and is left out');
  });

  it('pairs repeated notes of one pitch first in, first out', () => {
    const read = readMidiFile(
      smf([[...noteOn(0, 0, 60), ...noteOn(240, 0, 60), ...noteOff(240, 0, 60), ...noteOff(240, 0, 60)]]),
    );
    expect(read.ok && read.preview.tracks[0].notes.map((n) => [n.ticks, n.durationTicks])).toEqual([
      [0, 480],
      [240, 480],
    ]);
  });

  it('skips unknown chunk types between tracks', () => {
    const bytes = Uint8Array.from([...good.subarray(0, 14), ...chunk('XFIH', [1, 2, 3]), ...good.subarray(14)]);
    const read = readMidiFile(bytes);
    expect(read.ok && read.preview.tracks[0].noteCount).toBe(2);
  });

  it('reads running status and note-on with velocity 0 as note-off', () => {
    const read = readMidiFile(smf([[0, 0x90, 60, 90, 0x83, 0x60, 60, 0, 0, 62, 90, 0x83, 0x60, 62, 0]]));
    expect(read.ok && read.preview.tracks[0].notes.map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [60, 0, 480],
      [62, 480, 480],
    ]);
  });
});
