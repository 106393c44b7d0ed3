import { describe, expect, it } from 'vitest';
import { chordSymbol, type GridChord } from '../../../src/train/corpus/chordSymbols';
import { HOLD, RELEASE } from '../../../src/train/corpus/melodyEvents';
import { readCorpus } from '../../../src/train/corpus/readCorpus';
import { readPop909Song } from '../../../src/train/corpus/pop909Song';
import type { Tune } from '../../../src/train/corpus/tune';
import { noteOff, noteOn, smf, tempo, trackName } from '../../fixtures/smf/smfBuilder';

// The hand-made song folders in tests/fixtures/pop909 (see generate.mts there for what each one holds).
const FIXTURES = 'tests/fixtures/pop909';
const range = { minPitch: 48, maxPitch: 83 };

function read() {
  const corpus = readCorpus(FIXTURES, { ...range, validationFraction: 0 });
  const byName = Object.fromEntries(corpus.train.map((t) => [t.name, t]));
  return { corpus, byName };
}

/** The note-ons and note-offs of a tune as "step:pitch" ("step:off"). */
function onsets(tune: Tune): string[] {
  return Array.from(tune.events)
    .map((e, i) => (e === HOLD ? '' : `${i}:${e === RELEASE ? 'off' : e}`))
    .filter(Boolean);
}

/** The chord symbols of a tune, one entry per change: "step symbol". */
function chordChanges(chords: GridChord[]): string[] {
  return chords.flatMap((c, i) =>
    i === 0 || c.root !== chords[i - 1].root || c.mask !== chords[i - 1].mask ? [`${i} ${chordSymbol(c)}`] : [],
  );
}

describe('reading a POP909-style folder of song folders', () => {
  it('is told apart from a folder of MIDI files, and skips songs with a missing or unreadable file, saying why', () => {
    const { corpus } = read();
    expect(corpus.layout).toBe('pop909');
    expect(corpus.skipped).toEqual([
      { file: '003', reason: 'missing key_audio.txt' },
      { file: '004', reason: 'chord_midi.txt line 2: unknown chord quality "blah" in "C:blah"' },
      { file: '005', reason: 'melody spans 40..90, which fits no octave of 48..83' },
    ]);
  });

  it('takes bar lines and meter from the downbeats, not the header, and an inserted bar of another length splits the song', () => {
    const { byName } = read();
    // 001's header says 2/4 and its downbeats come every four beats, except one 2-beat bar (bar 6).
    expect(Object.keys(byName).sort()).toEqual(['001 bars 1-5', '001 bars 7-10', '002']);
    expect(byName['001 bars 1-5'].stepsPerBar).toBe(16);
    expect(byName['001 bars 1-5'].events.length).toBe(5 * 16);
    expect(byName['001 bars 7-10'].events.length).toBe(4 * 16);
    // 002's header says 4/4 but its downbeats come every three beats.
    expect(byName['002'].stepsPerBar).toBe(12);
    expect(byName['002'].events.length).toBe(5 * 12);
  });

  it('puts the melody on the grid of the beats: step 0 is the first downbeat, whatever its offset from zero', () => {
    const { byName } = read();
    // The grid starts 0.05 s after zero and the first beat is a pickup (its G4 is outside every bar). Notes
    // were played up to 20 ticks (a sixth of a step) early or late; each lands on its step. The E5 held from
    // step 12 into bar 2 is cut by the F5 on the downbeat, and of the G4 and D5 starting together at step 8
    // the higher is kept (Magenta's melody extraction). The PIANO track lies higher but is not the melody.
    expect(onsets(byName['001 bars 1-5'])).toEqual([
      '0:72',
      '4:76',
      '8:74',
      '12:76',
      '16:77',
      '18:76',
      '20:74',
      '24:72',
      '32:69',
      '33:71',
      '34:72',
      '40:76',
      '48:74',
      '64:72',
    ]);
    expect(onsets(byName['001 bars 7-10'])).toEqual(['0:71', '8:72', '16:74', '24:76', '32:77', '48:76', '60:off']);
  });

  it('reads chord labels as the supported chord symbols, inversions in root position, others mapped to the nearest on their root', () => {
    const { byName } = read();
    expect(chordChanges(byName['001 bars 1-5'].chords)).toEqual([
      '0 C',
      '16 Am7',
      '24 Fmaj7',
      '32 Gsus4',
      '48 C',
      '64 Dm',
    ]);
    expect(chordChanges(byName['001 bars 7-10'].chords)).toEqual(['0 C']);
    expect(chordChanges(byName['002'].chords)).toEqual(['0 C', '12 G7', '24 Am']);
    expect(byName['002'].hasChords).toBe(true);
  });

  it('reads keys, moves a melody above the range down by an octave, and reports what it read and changed', () => {
    const { corpus, byName } = read();
    expect(byName['002'].keys).toEqual([
      { start: 0, tonic: 0, mode: 'major' },
      { start: 24, tonic: 9, mode: 'minor' },
    ]);
    expect(byName['001 bars 1-5'].keys).toEqual([{ start: 0, tonic: 0, mode: 'major' }]);
    expect(onsets(byName['002']).slice(0, 3)).toEqual(['0:72', '4:74', '8:76']); // written from C6
    expect(corpus.octaveShifted).toBe(1);
    const report = corpus.report.join('\n');
    expect(report).toMatch(/5 song folders; 2 read .* 3 skipped/);
    expect(report).toMatch(/1 song in 3\/4, 1 song in 4\/4; 14 of 15 bars kept \(1 bar of another length/);
    expect(report).toMatch(/1 moved more than a tenth of a step/);
    expect(report).toMatch(
      /1 held note cut by the next note; 1 note under a higher one on the same step dropped; 3 outside the kept bars/,
    );
    expect(report).toMatch(
      /12 read; 8 as written, 2 inversions read in root position, 2 mapped .*\(X:sus4\(b7\) -> Xsus4 1, X:sus2 -> X 1\)/,
    );
    expect(report).toMatch(/2 major and 1 minor regions \(1 song changes key/);
  });
});

describe('one song', () => {
  // Twelve 4/4 bars at 120 BPM (a beat = 0.5 s), the grid starting at zero; melody in bars 1-4, 7-10 and 12.
  const beats = Array.from({ length: 48 }, (_, i) => `${(i * 0.5).toFixed(3)} 0 ${i % 4 === 0 ? 1 : 0}`).join('\n');
  const melodyBars = [1, 2, 3, 4, 7, 8, 9, 10, 12];
  const melody = melodyBars.flatMap((bar, i) => [
    ...noteOn(i === 0 ? 0 : 1920 * (bar - melodyBars[i - 1]) - 960, 0, 60 + bar),
    ...noteOff(960, 0, 60 + bar),
  ]);
  const midi = smf([[...tempo(0, 120)], [...trackName('MELODY'), ...melody]]);
  const files = { midi, beats, chords: '0 24 C:maj', keys: '0 24 C:maj' };

  it('ends a run at two bars without melody, keeps a single silent bar inside a run, and leaves the silence out', () => {
    const { tunes, stats } = readPop909Song('song', files, range);
    expect(tunes.map((t) => t.name)).toEqual(['song bars 1-4', 'song bars 7-12']);
    expect(tunes[1].events.length).toBe(6 * 16);
    expect(stats.silentOrShortBars).toBe(2);
  });

  it('refuses a beat file without two downbeats, naming the file', () => {
    expect(() => readPop909Song('song', { ...files, beats: '0 0 1\n0.5 0 0' }, range)).toThrow(
      /beat_midi.txt: fewer than two downbeats/,
    );
    expect(() => readPop909Song('song', { ...files, beats: '0 0 1\n0 0 1' }, range)).toThrow(
      /beat_midi.txt line 2: beat times must increase/,
    );
    expect(() => readPop909Song('song', { ...files, keys: '0 24 H:maj' }, range)).toThrow(
      /key_audio.txt line 1: "H:maj" is not a key/,
    );
  });

  it('refuses a MIDI file without a MELODY track', () => {
    const noMelody = smf([[...tempo(0, 120)], [...trackName('PIANO'), ...noteOn(0, 0, 60), ...noteOff(480, 0, 60)]]);
    expect(() => readPop909Song('song', { ...files, midi: noMelody }, range)).toThrow(/no MELODY track/);
  });
});
