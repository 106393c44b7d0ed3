// MIDI import of a 100,000-note file, MIDI export of a song that plays 100,000 notes, and the length of a
// typical 16-bar song's share link. Pure core code, so it runs in Node (through tsx), not in the browser.
import { tsImport } from 'tsx/esm/api';
import { figure, median } from './lib.mjs';

const RUNS = 3;
const load = (path) => tsImport(path, import.meta.url);

/** A format 0 file of `count` sixteenth notes (running status, note-on velocity 0 as note-off), seeded. */
function manyNotesFile(count) {
  const body = new Uint8Array(count * 8 + 4);
  let at = 0;
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 24;
  body.set([0x00, 0x90], at);
  at += 2;
  for (let i = 0; i < count; i++) {
    const pitch = 55 + next();
    body.set([pitch, 90, 0x78, pitch, 0x00], at); // on; off (velocity 0) 120 ticks later, a sixteenth at 480 PPQ
    at += 5;
    if (i + 1 < count) body[at++] = 0x00; // delta before the next note-on
  }
  body.set([0x00, 0xff, 0x2f, 0x00], at);
  at += 4;
  const header = [0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xe0];
  const trackHeader = [0x4d, 0x54, 0x72, 0x6b, (at >>> 24) & 0xff, (at >>> 16) & 0xff, (at >>> 8) & 0xff, at & 0xff];
  const file = new Uint8Array(header.length + trackHeader.length + at);
  file.set(header, 0);
  file.set(trackHeader, header.length);
  file.set(body.subarray(0, at), header.length + trackHeader.length);
  return file;
}

/** 64 phrases of 8 bars full of sixteenths, with a chord per bar, played in 391 sections of 2 repeats. */
function bigSong(core) {
  const { createSong, createPhrase } = core.song;
  let n = 0;
  const newId = () => `id-${n++}`;
  const chords = ['C', 'Am', 'F', 'G', 'Em', 'Dm', 'G7', 'C'];
  const phrases = Array.from({ length: 64 }, (_, p) => ({
    ...createPhrase(core.song.phraseNameAt(p), 8, { now: 1, newId }),
    notes: Array.from({ length: 128 }, (_, i) => ({
      pitch: 55 + ((i * 7 + p) % 24),
      start: i,
      length: 1,
      velocity: 90,
    })),
    chords: chords.map((symbol, bar) => ({ start: bar * 16, symbol })),
  }));
  const arrangement = Array.from({ length: 391 }, (_, s) => ({
    id: newId(),
    phraseId: phrases[s % 64].id,
    repeats: 2,
    transpose: (s % 5) - 2,
  }));
  return createSong({ phrases, arrangement }, { now: 1, newId });
}

function time(fn) {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

export async function benchMidi() {
  const midi = await load('../../src/core/smf/index.ts');
  const readMidi = await load('../../src/core/smf/readMidi.ts');
  const core = {
    song: await load('../../src/core/song.ts'),
    validate: await load('../../src/core/validate.ts'),
    shareLink: await load('../../src/core/shareLink.ts'),
    fixtures: await load('../fixtures/songFixtures.ts'),
  };

  const file = manyNotesFile(100_000);
  const imports = [];
  let report;
  for (let i = 0; i < RUNS; i++) {
    const run = time(() => {
      const read = readMidi.readMidiFile(file);
      if (!read.ok) throw new Error(read.reason);
      const result = midi.importMidi(read.preview, { trackIndex: 0, maxPhrases: 256, maxSections: 1024 });
      if (!result.ok) throw new Error(result.reason);
      return result;
    });
    imports.push(run.ms);
    report = run.value.report;
  }

  const song = bigSong(core);
  const checked = core.validate.validateSong(song);
  if (!checked.ok) throw new Error(`bench song is not valid: ${checked.reason}`);
  const exports = [];
  let exportedNotes = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = time(() => midi.songToMidi(song));
    exports.push(run.ms);
    const reread = readMidi.readMidiFile(run.value);
    if (!reread.ok) throw new Error(reread.reason);
    exportedNotes = reread.preview.tracks[0].noteCount;
  }

  const typical = core.fixtures.typicalSong(1);
  const link = await core.shareLink.encodeShareLink(typical);

  return [
    figure({
      name: 'MIDI import, 100,000-note file (read + quantize + phrases)',
      value: Math.round(median(imports)),
      unit: 'ms',
      target: 2000,
      note: `${report.phraseCount} phrases (the song cap is 256), ${report.droppedPastLimit} notes past it; @tonejs/midi's own parser is quadratic here (~15 s), so import reads with core's linear reader`,
    }),
    figure({
      name: `MIDI export, song playing ${exportedNotes.toLocaleString('en')} melody notes`,
      value: Math.round(median(exports)),
      unit: 'ms',
      target: 2000,
      note: '64 phrases x 8 bars of sixteenths, 391 sections x 2 repeats, a chord per bar',
    }),
    figure({
      name: 'share link, typical 16-bar song with history',
      value: link.length,
      unit: 'chars',
      target: 2000,
      baseline: JSON.stringify(typical).length,
      note: 'baseline: the song as plain JSON',
    }),
  ];
}

// `node tests/bench/midi.bench.mjs` runs this suite alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchMidi())
    console.log(`${f.name}: ${f.value} ${f.unit} (target ${f.target}) ${f.pass ? 'ok' : 'MISSES'}`);
}
