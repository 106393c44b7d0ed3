import { describe, expect, it } from 'vitest';
import { chordPitches } from '../../../../src/core/chords';
import { songToMidi, TICKS_PER_STEP } from '../../../../src/core/smf/exportMidi';
import { scanSmf } from '../../../../src/core/smf/smfScan';
import { TonejsMidi } from '../../../../src/train/corpus/toneMidi';
import { createPhrase, createSong } from '../../../../src/core/song';
import type { KeySignature, Note, Song, TimeSignature } from '../../../../src/core/types';
import { counterIds, typicalSong } from '../../../fixtures/songFixtures';

function song(
  init: {
    ts?: TimeSignature;
    key?: KeySignature;
    bars?: number;
    notes?: Note[];
    repeats?: number;
    transpose?: number;
  } = {},
): Song {
  const newId = counterIds();
  const phrase = {
    ...createPhrase('Verse', init.bars ?? 2, { now: 1, newId }),
    notes: init.notes ?? [{ pitch: 60, start: 0, length: 2, velocity: 90 }],
  };
  return createSong(
    {
      title: 'Test',
      tempo: 120,
      timeSignature: init.ts ?? { beats: 4, beatUnit: 4 },
      key: init.key ?? { tonic: 'C', scale: 'major' },
      phrases: [phrase],
      arrangement: [{ id: 'sec', phraseId: phrase.id, repeats: init.repeats ?? 1, transpose: init.transpose ?? 0 }],
    },
    { now: 1, newId },
  );
}

/** Every key-signature event's (sharps, minor) pair found in the bytes. */
function keySignatures(bytes: Uint8Array): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i + 5 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0x59 && bytes[i + 2] === 0x02)
      found.push([(bytes[i + 3] << 24) >> 24, bytes[i + 4]]);
  }
  return found;
}

/** Absolute tick of each track's end-of-track event, read straight from the bytes. */
function endOfTrackTicks(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let at = 14;
  while (at < bytes.length) {
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(at + 4);
    const single = new Uint8Array([...bytes.subarray(0, 14)].map((b, i) => (i === 11 ? 1 : i === 9 ? 0 : b)));
    const file = new Uint8Array([...single, ...bytes.subarray(at, at + 8 + length)]);
    const scanned = scanSmf(file);
    if (!scanned.ok) throw new Error(scanned.reason);
    ends.push(scanned.scan.lengthTicks);
    at += 8 + length;
  }
  return ends;
}

describe('songToMidi', () => {
  it('writes a format 1 file at 480 PPQ with a named melody track and chord track on their own channels and programs', () => {
    const midi = new TonejsMidi(songToMidi(typicalSong()));
    expect(midi.header.ppq).toBe(480);
    expect(midi.tracks.map((t) => t.name)).toEqual(['Melody', 'Chords']);
    expect(midi.tracks.map((t) => t.channel)).toEqual([0, 1]);
    expect(midi.tracks[0].instrument.number).toBe(0); // piano
    expect(midi.tracks[1].instrument.number).toBe(88); // triangle synth → pad
    expect(midi.header.name).toBe('Morning Tune');
  });

  it('writes the tempo and the time signature', () => {
    const midi = new TonejsMidi(songToMidi(song({ ts: { beats: 6, beatUnit: 8 } })));
    expect(midi.header.tempos[0].bpm).toBeCloseTo(120, 3);
    expect(midi.header.timeSignatures[0].timeSignature).toEqual([6, 8]);
  });

  it.each([
    [{ tonic: 'C', scale: 'major' }, [0, 0]],
    [{ tonic: 'E', scale: 'minor' }, [1, 1]],
    [{ tonic: 'Bb', scale: 'major' }, [-2, 0]],
    [{ tonic: 'F#', scale: 'harmonic minor' }, [3, 1]],
    [{ tonic: 'D', scale: 'dorian' }, [0, 0]],
    [{ tonic: 'G#', scale: 'major' }, [-4, 0]],
  ] as [KeySignature, [number, number]][])(
    'writes the key signature of %o as standard sharps/flats %o',
    (key, expected) => {
      expect(keySignatures(songToMidi(song({ key })))).toEqual([expected]);
    },
  );

  it('writes no key signature for the chromatic scale', () => {
    expect(keySignatures(songToMidi(song({ key: { tonic: 'C', scale: 'chromatic' } })))).toEqual([]);
  });

  it('puts a marker at each section start, named after its phrase with repeats and transposition', () => {
    const s = typicalSong();
    s.arrangement[1] = { ...s.arrangement[1], repeats: 2 };
    const midi = new TonejsMidi(songToMidi(s));
    const markers = midi.header.meta.filter((m) => m.type === 'marker').map((m) => [m.text, m.ticks]);
    const bar = 16 * TICKS_PER_STEP;
    expect(markers).toEqual([
      ['A', 0],
      ['B x2', 4 * bar],
      ['A +2', 12 * bar],
      ['B', 16 * bar],
    ]);
  });

  it('plays the arrangement out: repeats expanded, transposition applied, notes at their ticks', () => {
    const notes = [
      { pitch: 60, start: 0, length: 4, velocity: 100 },
      { pitch: 67, start: 12, length: 4, velocity: 70 },
    ];
    const midi = new TonejsMidi(songToMidi(song({ bars: 1, notes, repeats: 3, transpose: -5 })));
    expect(midi.tracks[0].notes.map((n) => [n.midi, n.ticks, n.durationTicks, Math.round(n.velocity * 127)])).toEqual([
      [55, 0, 480, 100],
      [62, 1440, 480, 70],
      [55, 1920, 480, 100],
      [62, 3360, 480, 70],
      [55, 3840, 480, 100],
      [62, 5280, 480, 70],
    ]);
  });

  it('voices each chord symbol on the chord track until the next chord, transposed with its section', () => {
    const s = typicalSong();
    const midi = new TonejsMidi(songToMidi(s));
    const chordNotes = midi.tracks[1].notes;
    const atTick = (tick: number) =>
      chordNotes
        .filter((n) => n.ticks === tick)
        .map((n) => n.midi)
        .sort((a, b) => a - b);
    expect(atTick(0)).toEqual(chordPitches('C'));
    expect(atTick(16 * 120)).toEqual(chordPitches('Am'));
    expect(atTick(8 * 16 * 120)).toEqual(chordPitches('C', 2)); // third section: A up a tone
    expect(chordNotes.every((n) => n.durationTicks === 16 * 120)).toBe(true);
  });

  it.each([
    [{ beats: 4, beatUnit: 4 }, 1920],
    [{ beats: 3, beatUnit: 4 }, 1440],
    [{ beats: 6, beatUnit: 8 }, 1440],
    [{ beats: 2, beatUnit: 2 }, 1920],
    [{ beats: 7, beatUnit: 8 }, 1680],
  ] as [TimeSignature, number][])(
    'ends every track on the last bar line in %o (bar = %i ticks), even after rests',
    (ts, barTicks) => {
      // One short note at the start of a 3-bar phrase played twice: the song is 6 bars, mostly rests.
      const bytes = songToMidi(
        song({ ts, bars: 3, repeats: 2, notes: [{ pitch: 64, start: 0, length: 1, velocity: 80 }] }),
      );
      expect(endOfTrackTicks(bytes)).toEqual([6 * barTicks, 6 * barTicks, 6 * barTicks]);
    },
  );

  it('keeps names outside ASCII intact as UTF-8', () => {
    const s = song();
    s.title = 'Café ✓';
    s.phrases[0].name = 'Über';
    const midi = new TonejsMidi(songToMidi(s));
    expect(new TextDecoder().decode(Uint8Array.from(midi.header.name, (c) => c.charCodeAt(0)))).toBe('Café ✓');
    expect(midi.header.meta[0].text).toBe(String.fromCharCode(...new TextEncoder().encode('Über')));
  });

  it('writes a file that passes the structural checks the importer applies', () => {
    const scanned = scanSmf(songToMidi(typicalSong()));
    expect(scanned.ok).toBe(true);
  });
});
