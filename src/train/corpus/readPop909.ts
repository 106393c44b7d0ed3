/**
 * Reads a POP909-style corpus: a folder of song folders, each with `<name>.mid`, `beat_midi.txt`,
 * `chord_midi.txt` and `key_audio.txt`. A song missing a file or with a file that does not parse is skipped
 * with the reason; the rest are read by pop909Song.ts and split into training and validation by song (every
 * tune of a song falls on the same side). The report lines say what was read and what was changed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AnnotationError } from './pop909Annotations';
import { readPop909Song, SILENT_BARS_SPLIT, MIN_RUN_BARS, type SongStats } from './pop909Song';
import { TuneError } from './midiTune';
import type { Corpus, CorpusOptions } from './readCorpus';
import { isValidationFile } from './split';

export const ANNOTATION_FILES = ['beat_midi.txt', 'chord_midi.txt', 'key_audio.txt'] as const;

/** True when `folder` holds song folders with POP909 annotation files (at least one). */
export function isPop909Folder(folder: string): boolean {
  return readdirSync(folder).some((entry) => {
    const dir = join(folder, entry);
    return statSync(dir).isDirectory() && ANNOTATION_FILES.some((f) => existsSync(join(dir, f)));
  });
}

/** The song's MIDI file: `<name>.mid` if present, else its only .mid/.midi file. */
function songMidi(dir: string, name: string): string | null {
  if (existsSync(join(dir, `${name}.mid`))) return join(dir, `${name}.mid`);
  const mids = readdirSync(dir).filter((f) => /\.midi?$/i.test(f));
  return mids.length === 1 ? join(dir, mids[0]) : null;
}

/** "1 song", "2 songs". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const KEY_NAMES = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'];

/** Reads and splits a POP909-style folder (the caller has checked it exists). */
export function readPop909(folder: string, options: CorpusOptions): Corpus {
  const corpus: Corpus = {
    folder,
    layout: 'pop909',
    train: [],
    validation: [],
    skipped: [],
    offGridNotes: 0,
    melodyNotes: 0,
    octaveShifted: 0,
    report: [],
  };
  const read: SongStats[] = [];
  let songs = 0;
  let withoutChords = 0;
  const splitSongs = { train: 0, validation: 0 };
  for (const name of readdirSync(folder).sort()) {
    const dir = join(folder, name);
    if (!statSync(dir).isDirectory()) continue;
    songs++;
    try {
      const midiPath = songMidi(dir, name);
      if (!midiPath) throw new TuneError(`no ${name}.mid`);
      const missing = ANNOTATION_FILES.filter((f) => !existsSync(join(dir, f)));
      if (missing.length > 0) throw new TuneError(`missing ${missing.join(', ')}`);
      const text = (f: string) => readFileSync(join(dir, f), 'utf8');
      const { tunes, stats } = readPop909Song(
        name,
        {
          midi: new Uint8Array(readFileSync(midiPath)),
          beats: text('beat_midi.txt'),
          chords: text('chord_midi.txt'),
          keys: text('key_audio.txt'),
        },
        options,
      );
      const usable = options.requireChords ? tunes.filter((t) => t.hasChords) : tunes;
      withoutChords += tunes.length - usable.length;
      if (usable.length === 0) throw new TuneError('no chords in chord_midi.txt');
      read.push(stats);
      if (stats.octaveShift !== 0) corpus.octaveShifted++;
      corpus.melodyNotes += stats.melodyNotes;
      corpus.offGridNotes += stats.movedNotes;
      // Split by the song's MIDI file name, as the MIDI-folder reader does (the bare folder numbers hash unevenly).
      const side = isValidationFile(`${name}.mid`, options.validationFraction) ? 'validation' : 'train';
      splitSongs[side]++;
      corpus[side].push(...usable);
    } catch (e) {
      const known = e instanceof TuneError || e instanceof AnnotationError;
      corpus.skipped.push({
        file: name,
        reason: known ? (e as Error).message : `unreadable (${(e as Error).message})`,
      });
    }
  }
  corpus.report = describeSongs(songs, read, corpus, splitSongs, withoutChords);
  return corpus;
}

function describeSongs(
  songs: number,
  read: SongStats[],
  corpus: Corpus,
  split: { train: number; validation: number },
  withoutChords: number,
): string[] {
  const sum = (f: (s: SongStats) => number) => read.reduce((n, s) => n + f(s), 0);
  const meters = new Map<number, number>();
  for (const s of read) meters.set(s.beatsPerBar, (meters.get(s.beatsPerBar) ?? 0) + 1);
  const mapped = new Map<string, { symbol: string; count: number }>();
  for (const s of read) {
    for (const [label, m] of s.mappedLabels) {
      const quality = label.replace(/^[A-G][#b]*/, ''); // "C:sus2" and "D:sus2" are one line of the report
      const entry = mapped.get(quality) ?? { symbol: m.symbol.replace(/^[A-G][#b]?/, 'X'), count: 0 };
      mapped.set(quality, { ...entry, count: entry.count + m.count });
    }
  }
  const keys = read.flatMap((s) => s.keys);
  const labels = sum((s) => s.chordLabels.exact + s.chordLabels.inversion + s.chordLabels.mapped);
  const tunes = corpus.train.length + corpus.validation.length;
  return [
    `POP909 layout: ${songs} song folders; ${read.length} read (${split.train} training / ${split.validation} validation songs, ` +
      `${tunes} tunes = runs of whole bars), ${corpus.skipped.length} skipped` +
      (withoutChords ? `; ${withoutChords} tunes without chords left out` : ''),
    `meter from the downbeats: ${[...meters.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([b, n]) => `${count(n, 'song')} in ${b}/4`)
      .join(', ')}; ` +
      `${sum((s) => s.keptBars)} of ${sum((s) => s.bars)} bars kept (${count(
        sum((s) => s.irregularBars),
        'bar',
      )} of another length, ` +
      `${sum((s) => s.silentOrShortBars)} in silences of ${SILENT_BARS_SPLIT}+ bars or runs under ${MIN_RUN_BARS} bars, left out)`,
    `melody (MELODY track): ${sum((s) => s.melodyNotes)} notes; ${sum((s) => s.movedNotes)} moved more than a tenth of a step onto the ` +
      `sixteenth grid of the beats (mean move ${(
        sum((s) => s.moveSteps) /
        Math.max(
          1,
          sum((s) => s.melodyNotes),
        )
      ).toFixed(3)} steps); ` +
      `${count(
        sum((s) => s.cutNotes),
        'held note',
      )} cut by the next note; ${count(
        sum((s) => s.chordNotesDropped),
        'note',
      )} under a higher one on the same step dropped; ` +
      `${sum((s) => s.notesOutsideBars)} outside the kept bars`,
    `chord labels: ${labels} read; ${sum((s) => s.chordLabels.exact)} as written, ${sum((s) => s.chordLabels.inversion)} inversions read in root position, ` +
      `${sum((s) => s.chordLabels.mapped)} mapped to the nearest supported chord on the same root` +
      (mapped.size
        ? ` (${[...mapped.entries()]
            .sort((a, b) => b[1].count - a[1].count)
            .map(([q, m]) => `X${q} -> ${m.symbol} ${m.count}`)
            .join(', ')})`
        : ''),
    `keys: ${keys.filter((k) => k.mode === 'major').length} major and ${keys.filter((k) => k.mode === 'minor').length} minor regions ` +
      `(${count(read.filter((s) => s.keys.length > 1).length, 'song')} change${read.filter((s) => s.keys.length > 1).length === 1 ? 's' : ''} key; most common ${commonKeys(keys)})`,
    `range: ${count(corpus.octaveShifted, 'song')} moved by octaves into the model's range`,
  ];
}

function commonKeys(keys: { tonic: number; mode: 'major' | 'minor' }[]): string {
  const counts = new Map<string, number>();
  for (const k of keys) {
    const name = `${KEY_NAMES[k.tonic]}${k.mode === 'minor' ? 'm' : ''}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}
