// How fast untrusted input is read or refused: broken share links, project files, bad MIDI files, MusicXML,
// the fuzz suites' slowest single input, and WAV encoding of three minutes of stereo. These limits were
// once wall-clock assertions in unit tests, which failed on a loaded machine; the unit tests now check only
// the behaviour (refused in words, never throws, output valid) and the limits are targets here.
// Pure core code (and the pure WAV encoder), so it runs in Node (through tsx), not in the browser.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { figure, median } from './lib.mjs';

const RUNS = 5;
/** The longest any single fuzz input may take (the harness's old per-case limit). */
const FUZZ_CASE_TARGET_MS = 1000;
const load = (path) => tsImport(path, import.meta.url);

/** Median and worst of RUNS timed calls of `work`, after one warm-up call. */
async function time(work) {
  await work();
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    runs.push(performance.now() - started);
  }
  return { median: median(runs), max: Math.max(...runs) };
}

const ms = (x) => Math.round(x * 10) / 10;

/**
 * The slowest of several cases as one figure: each case timed RUNS times; the figure is the worst single
 * run of the worst case (the unit tests' old limit applied to every single call), the note lists the medians.
 */
async function slowestOf(name, cases, target) {
  const timed = [];
  for (const c of cases) timed.push({ name: c.name, ...(await time(c.run)) });
  const worst = timed.reduce((a, b) => (b.max > a.max ? b : a));
  return figure({
    name,
    value: ms(worst.max),
    unit: 'ms',
    target,
    note: `worst single run of ${RUNS} (${worst.name}); medians: ${timed.map((t) => `${t.name} ${ms(t.median)}`).join(', ')}`,
  });
}

function refused(result, what) {
  if (result.ok) throw new Error(`bench input "${what}" was not refused`);
}

async function shareLinks() {
  const { decodeShareLink } = await load('../../src/core/shareLink.ts');
  const { zipBombPayload, overlongPayload, BROKEN_FRAGMENTS } = await load('../fixtures/shareLinks.ts');
  const bomb = await zipBombPayload();
  const overlong = overlongPayload();
  return [
    await slowestOf(
      'share link decode, zip bomb (16 MB of zeros in a 16 KB link)',
      [{ name: 'zip bomb', run: async () => refused(await decodeShareLink(bomb), 'zip bomb') }],
      1000,
    ),
    await slowestOf(
      'share link decode, other broken links',
      [
        ...BROKEN_FRAGMENTS.map(([what, fragment]) => ({
          name: what,
          run: async () => refused(await decodeShareLink(fragment), what),
        })),
        { name: 'longer than any link', run: async () => refused(await decodeShareLink(overlong), 'overlong') },
      ],
      1000,
    ),
  ];
}

async function projectFiles() {
  const { parseProject, serializeProject, PROJECT_MAX_CHARS } = await load('../../src/core/projectFile.ts');
  const { typicalSong } = await load('../fixtures/songFixtures.ts');
  const oversized = ' '.repeat(PROJECT_MAX_CHARS + 1);
  const typical = serializeProject(typicalSong(7));
  const deep = `{"format":"phrasewright-project","schemaVersion":1,"song":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  const opened = (result) => {
    if (!result.ok) throw new Error(`the typical project did not open: ${result.reason}`);
  };
  return [
    await slowestOf(
      'project file over the 32 MB cap, refused',
      [{ name: 'over the cap', run: () => refused(parseProject(oversized), 'oversized') }],
      500,
    ),
    await slowestOf('project file nested 100,000 deep, refused', [
      { name: 'deep nesting', run: () => refused(parseProject(deep), 'deep') },
    ]),
    await slowestOf(`project file load, typical song with history (${Math.round(typical.length / 1024)} KB)`, [
      { name: 'typical', run: () => opened(parseProject(typical)) },
    ]),
  ];
}

async function midiFiles() {
  const { readMidiFile } = await load('../../src/core/smf/readMidi.ts');
  const { BAD_MIDI_FILES } = await load('../fixtures/smf/badMidiFiles.ts');
  const cases = BAD_MIDI_FILES.map((c) => {
    const bytes = c.bytes();
    return { name: c.name, run: () => refused(readMidiFile(bytes), c.name) };
  });
  return [await slowestOf('MIDI file bad input, refused', cases, 1000)];
}

async function musicXml() {
  const { readMusicXmlFile } = await load('../../src/core/musicxml/readMusicXml.ts');
  const { BAD_SCORES } = await load('../fixtures/musicxml/badScores.ts');
  const leadSheet = new Uint8Array(readFileSync('tests/fixtures/musicxml/lead-sheet.musicxml'));
  const cases = BAD_SCORES.map((c) => {
    const bytes = c.bytes();
    return { name: c.name, run: () => refused(readMusicXmlFile(bytes), c.name) };
  });
  const read = () => {
    const result = readMusicXmlFile(leadSheet);
    if (!result.ok) throw new Error(`the lead sheet did not read: ${result.reason}`);
  };
  return [
    await slowestOf('MusicXML bad input, refused', cases, 1000),
    await slowestOf('MusicXML read, the lead-sheet fixture', [{ name: 'lead sheet', run: read }]),
  ];
}

async function wav() {
  const { encodeWav } = await load('../../src/audio/wav.ts');
  const frames = 44_100 * 180;
  const left = Float32Array.from({ length: frames }, (_, i) => Math.sin(i / 20));
  const source = { sampleRate: 44_100, numberOfChannels: 2, length: frames, getChannelData: () => left };
  return [
    await slowestOf(
      'WAV encode, 3 minutes of 44.1 kHz stereo to 16-bit PCM',
      [{ name: '3 min stereo', run: () => encodeWav(source) }],
      2000,
    ),
  ];
}

/**
 * The fuzz suites (tests/unit/fuzz) run once under vitest, one file at a time, with the harness writing each
 * suite's slowest input to a file: the same seeded cases the unit tests check.
 */
function fuzz() {
  const dir = mkdtempSync(join(tmpdir(), 'phrasewright-fuzz-'));
  const file = join(dir, 'timings.jsonl');
  try {
    const run = spawnSync('npx', ['vitest', 'run', '--project', 'unit', '--no-file-parallelism', 'tests/unit/fuzz'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PHRASEWRIGHT_FUZZ_TIMINGS: file },
    });
    if (run.status !== 0) throw new Error('the fuzz suites failed; fix them before reading their timings');
    if (!existsSync(file)) throw new Error('the fuzz suites wrote no timings');
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    return lines.map((t) =>
      figure({
        name: `fuzz, slowest single input: ${t.name}`,
        value: ms(t.slowestMs),
        unit: 'ms',
        target: FUZZ_CASE_TARGET_MS,
        note: `${t.cases} seeded cases, slowest seed ${t.slowestSeed}`,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchInputs() {
  return [
    ...(await shareLinks()),
    ...(await projectFiles()),
    ...(await midiFiles()),
    ...(await musicXml()),
    ...(await wav()),
    ...fuzz(),
  ];
}
