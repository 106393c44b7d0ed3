// WAV export speed through the real UI: a 3-minute song (melody on the piano, chords on the soft synth) is
// opened as a project file, then "Export WAV" is clicked and the time to the download is measured. The
// first export also loads the piano samples; the figure is the median of the warm runs after it.
import { tsImport } from 'tsx/esm/api';
import { BENCH_PAGE, figure, median } from './lib.mjs';

const WARM_RUNS = 3;
const SONG_SECONDS = 180;

/** 90 bars of 4/4 at 120 BPM (3 minutes): an 8-bar melody in eighths with a chord per bar, and a 2-bar ending. */
async function threeMinuteSong() {
  const { createSong, createPhrase } = await tsImport('../../src/core/song.ts', import.meta.url);
  const { serializeProject } = await tsImport('../../src/core/projectFile.ts', import.meta.url);
  let n = 0;
  const newId = () => `bench-${n++}`;
  const chords = ['C', 'Am', 'F', 'G', 'Em', 'Dm', 'G7', 'C'];
  const verse = {
    ...createPhrase('A', 8, { now: 1, newId }),
    notes: Array.from({ length: 64 }, (_, i) => ({
      pitch: 60 + ((i * 5) % 12),
      start: i * 2,
      length: 2,
      velocity: 90,
    })),
    chords: chords.map((symbol, bar) => ({ start: bar * 16, symbol })),
  };
  const ending = {
    ...createPhrase('B', 2, { now: 1, newId }),
    notes: [{ pitch: 60, start: 0, length: 32, velocity: 90 }],
    chords: [{ start: 0, symbol: 'C' }],
  };
  const arrangement = [
    ...Array.from({ length: 11 }, (_, i) => ({
      id: newId(),
      phraseId: verse.id,
      repeats: 1,
      transpose: i % 3 === 2 ? 5 : 0,
    })),
    { id: newId(), phraseId: ending.id, repeats: 1, transpose: 0 },
  ];
  const song = createSong(
    { title: 'Bench three minutes', tempo: 120, phrases: [verse, ending], arrangement },
    { now: 1, newId },
  );
  return serializeProject(song);
}

async function exportOnce(page) {
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByRole('button', { name: 'Export WAV' }).click(),
  ]);
  const ms = Date.now() - started;
  await download.path();
  await page.getByRole('dialog', { name: 'Export WAV' }).waitFor({ state: 'detached' });
  return ms;
}

export async function benchWav({ browser, url }) {
  const project = await threeMinuteSong();
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  // The bench entry: the app plus window.__phrasewrightBench, for the baseline below.
  await page.goto(new URL(BENCH_PAGE, url).toString());
  await page.getByRole('grid', { name: /^Phrase/ }).waitFor();
  // Open project and Export WAV live in the Export side panel.
  const { openPanel } = await tsImport('../e2e/panels.ts', import.meta.url);
  await openPanel(page, 'Export');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open project' }).click(),
  ]);
  await chooser.setFiles({
    name: 'bench.phrasewright.json',
    mimeType: 'application/json',
    buffer: Buffer.from(project),
  });
  await page.getByText(/as a new song/).waitFor();
  const cold = await exportOnce(page);
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await exportOnce(page));
  // Baseline in the same run: the same renderer with one chunk at a time (as before 2026-12-06).
  const serial = [];
  for (let i = 0; i < WARM_RUNS; i++) serial.push(await page.evaluate(() => window.__phrasewrightBench.wavMs(1)));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const atOnce = await page.evaluate(() => window.__phrasewrightBench.wavConcurrency());
  await context.close();
  const ms = median(warm);
  const serialMs = median(serial);
  return [
    figure({
      name: 'WAV export of a 3-minute song, speed vs real time',
      value: Math.round((SONG_SECONDS * 1000 * 10) / ms) / 10,
      unit: 'x',
      target: 20,
      better: 'higher',
      baseline: Math.round((SONG_SECONDS * 1000 * 10) / serialMs) / 10,
      note: `click to download, median of ${WARM_RUNS} warm runs (${Math.round(ms)} ms); piano melody + synth chords, 44.1 kHz 16-bit stereo; chunks rendered ${atOnce} at a time (${cores} cores); baseline: the renderer alone, one chunk at a time (${Math.round(serialMs)} ms)`,
    }),
    figure({
      name: 'WAV export of a 3-minute song, first run (loads the piano)',
      value: Math.round(cold),
      unit: 'ms',
      note: 'cold: includes fetching and decoding the piano samples',
    }),
  ];
}
