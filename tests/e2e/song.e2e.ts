import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Midi as TonejsMidi } from '@tonejs/midi';
import { decodeWav } from '../../src/audio/wav';
import { openPanel } from './panels';
import { useAppSession, type AppPage } from './browser';
import { cell } from './gridHelpers';

const session = useAppSession();
const open = async (path = '/'): Promise<AppPage> =>
  session.open(path, await session.newContext({ acceptDownloads: true }));

const arrangement = (page: Page) => page.getByRole('list', { name: 'Arrangement' });
const sectionLabels = (page: Page) =>
  arrangement(page)
    .getByRole('listitem')
    .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));

/** Two 2-bar phrases in 4/4 at 110 BPM: A = C4 (step 1), E4 (step 5); B = G4 (step 1); arranged A then B. */
async function buildTwoSectionSong(page: Page): Promise<void> {
  await cell(page, 'C4', 1).click();
  await cell(page, 'E4', 5).click();
  await page.getByRole('button', { name: 'New phrase' }).click();
  await page.getByRole('grid', { name: /^Phrase B/ }).waitFor();
  await cell(page, 'G4', 1).click();
  await page.getByRole('button', { name: 'Add phrase B to the song' }).click();
  await expect.poll(() => sectionLabels(page)).toEqual(['Section 1: phrase A', 'Section 2: phrase B']);
}

async function downloadOf(
  page: Page,
  click: () => Promise<void>,
  timeout = 30_000,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('a two-section song built in the UI exports as MIDI with the notes at the expected ticks and markers', async () => {
  const { page, errors } = await open();
  await buildTwoSectionSong(page);
  await openPanel(page, 'Export');
  const { name, bytes } = await downloadOf(page, () => page.getByRole('button', { name: 'Export MIDI' }).click());
  expect(name).toMatch(/\.mid$/);
  const midi = new TonejsMidi(bytes);
  const melody = midi.tracks.find((t) => t.name === 'Melody');
  // 480 ticks per quarter, 120 per step; phrase A is 2 bars = 3840 ticks long.
  expect(melody?.notes.map((n) => [n.ticks, n.midi])).toEqual([
    [0, 60],
    [480, 64],
    [3840, 67],
  ]);
  expect(midi.header.meta.filter((m) => m.type === 'marker').map((m) => m.ticks)).toEqual([0, 3840]);
  expect(midi.header.tempos[0].bpm).toBeCloseTo(110, 3);
  expect(errors).toEqual([]);
});

test('Export WAV shows progress and downloads 44.1 kHz 16-bit stereo audio exactly as long as the song', async () => {
  const { page, errors } = await open();
  await buildTwoSectionSong(page);
  await openPanel(page, 'Export');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    (async () => {
      await page.getByRole('button', { name: 'Export WAV' }).click();
      await page
        .getByRole('dialog', { name: 'Export WAV' })
        .getByRole('progressbar')
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
    })(),
  ]);
  const wav = decodeWav(new Uint8Array(readFileSync(await download.path())));
  expect([wav.sampleRate, wav.channels, wav.bitsPerSample]).toEqual([44_100, 2, 16]);
  const songSeconds = (64 * 60) / 110 / 4; // 64 steps at 110 BPM
  expect(Math.abs(wav.frames / wav.sampleRate - songSeconds)).toBeLessThan(0.05);
  let peak = 0;
  for (const x of wav.samples[0]) peak = Math.max(peak, Math.abs(x));
  expect(peak).toBeGreaterThan(0.01);
  // The second phrase's G4 sounds at its start (4.36 s): not silent there either.
  const at = Math.round(((32 * 60) / 110 / 4) * wav.sampleRate) + 2000;
  let later = 0;
  for (let i = at; i < at + 4000; i++) later = Math.max(later, Math.abs(wav.samples[1][i]));
  expect(later).toBeGreaterThan(0.005);
  await page.getByRole('dialog', { name: 'Export WAV' }).waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});

test('Cancel stops a running WAV export and nothing is downloaded', async () => {
  const { page } = await open();
  // A long song (16 sections) so the render is still running when Cancel is pressed.
  await cell(page, 'C4', 1).click();
  const first = arrangement(page).getByRole('listitem').first();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Duplicate section 1' }).click();
  await page.getByRole('spinbutton', { name: 'Repeats of section 1' }).fill('16');
  await expect(first.getAttribute('aria-label')).resolves.toMatch(/16 times/);
  let downloads = 0;
  page.on('download', () => downloads++);
  await openPanel(page, 'Export');
  await page.getByRole('button', { name: 'Export WAV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export WAV' });
  await dialog.getByRole('progressbar').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('The audio export was cancelled.').waitFor();
  // Instead of waiting a while for a download that should not come: a second, short export runs to its
  // download, and it is the only one (one export runs at a time, so the cancelled render, had it gone on,
  // would have delivered before it).
  await page.getByRole('spinbutton', { name: 'Repeats of section 1' }).fill('1');
  await expect(first.getAttribute('aria-label')).resolves.not.toMatch(/16 times/);
  const second = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export WAV' }).click();
  await second;
  expect(downloads).toBe(1);
});

test('a share link opened in a new page adds the same song as a new song and clears the fragment', async () => {
  const { page } = await open();
  await page.getByRole('textbox', { name: 'Song title' }).fill('Shared <b>tune</b>');
  await page.getByRole('textbox', { name: 'Song title' }).press('Enter');
  await buildTwoSectionSong(page);
  await openPanel(page, 'Export');
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this song' });
  await field.waitFor();
  const url = await field.inputValue();
  expect(url).toMatch(/#song=[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThan(2000);

  // The same browser (its song library already holds the song this page made): the link adds a song.
  const other = await session.open(url.slice(url.indexOf('/', 8)), page.context());
  await other.page.getByText(/Opened the shared song "Shared <b>tune<\/b>" as a new song/).waitFor();
  await expect.poll(() => sectionLabels(other.page)).toEqual(['Section 1: phrase A', 'Section 2: phrase B']);
  expect(await other.page.getByRole('textbox', { name: 'Song title' }).inputValue()).toBe('Shared <b>tune</b>');
  expect(other.page.url()).not.toContain('#song=');
  // The song the page started with is still in the list: the link never replaces a song.
  await openPanel(other.page, 'Songs');
  await expect.poll(() => other.page.getByRole('list', { name: 'Songs' }).getByRole('listitem').count()).toBe(2);
  expect(other.errors).toEqual([]);
});

test('a broken or hostile share link is an alert in plain words, and nothing runs', async () => {
  const { page, errors } = await open('/#song=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await page.getByRole('alert').filter({ hasText: 'share link is broken' }).waitFor();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('an imported MIDI file becomes phrases in the Arrangement', async () => {
  const { page } = await open();
  await openPanel(page, 'Export');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import MIDI' }).click(),
  ]);
  await chooser.setFiles('tests/fixtures/smf/two-tracks-waltz.mid');
  const dialog = page.getByRole('dialog', { name: 'Import MIDI' });
  await dialog.waitFor();
  const tracks = await dialog
    .getByRole('group', { name: 'Track' })
    .getByRole('radio')
    .evaluateAll((r) => r.map((x) => x.parentElement?.textContent ?? ''));
  expect(tracks.length).toBe(2);
  for (const t of tracks) expect(t).toMatch(/\d+ notes?/);
  await dialog.getByRole('combobox', { name: 'Split every' }).selectOption('2');
  await dialog.getByRole('radio', { name: 'Add to this song' }).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await dialog.waitFor({ state: 'detached' });
  const labels = await sectionLabels(page);
  expect(labels.length).toBeGreaterThan(1);
  const imported = labels.slice(1).map((l) => l?.replace(/^Section \d+: phrase /, '').replace(/,.*$/, ''));
  // Each imported section is a block of the timeline playing a real phrase: clicking the last shows it in the grid.
  await arrangement(page).getByRole('listitem').last().click();
  await page.getByRole('grid', { name: `Phrase ${imported.at(-1)} grid` }).waitFor();
  await page.getByText(/notes imported into.*keeps its key, tempo and time signature/).waitFor();
});

test('a bad project file gives an alert and leaves the song as it was; a good one opens as a new song', async () => {
  const { page } = await open();
  await buildTwoSectionSong(page);
  const before = await sectionLabels(page);
  await openPanel(page, 'Export');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open project' }).click(),
  ]);
  await chooser.setFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"phrasewright-project","schemaVersion":1,"song":{"tempo":"fast"}}'),
  });
  await page.getByRole('alert').filter({ hasText: 'broken.json' }).waitFor();
  expect(await sectionLabels(page)).toEqual(before);

  const saved = await downloadOf(page, () => page.getByRole('button', { name: 'Save project' }).click());
  expect(saved.name).toMatch(/\.json$/);
  const [again] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open project' }).click(),
  ]);
  await again.setFiles({ name: 'saved.json', mimeType: 'application/json', buffer: saved.bytes });
  await page.getByText(/as a new song/).waitFor();
  expect(await sectionLabels(page)).toEqual(before);
  await openPanel(page, 'Songs');
  await expect.poll(() => page.getByRole('list', { name: 'Songs' }).getByRole('listitem').count()).toBe(2);
});

test('sections reorder by keyboard (Alt+Arrow) and Undo puts them back; looping a section marks it', async () => {
  const { page } = await open();
  await buildTwoSectionSong(page);
  await arrangement(page).getByRole('listitem').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => sectionLabels(page)).toEqual(['Section 1: phrase B', 'Section 2: phrase A']);
  // Focus stays on the moved section: once more up brings it back.
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => sectionLabels(page)).toEqual(['Section 1: phrase A', 'Section 2: phrase B']);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => sectionLabels(page)).toEqual(['Section 1: phrase B', 'Section 2: phrase A']);

  await page.getByRole('button', { name: 'Loop section 2' }).click();
  await expect
    .poll(() => arrangement(page).locator('[aria-current="true"]').getAttribute('aria-label'), { timeout: 10_000 })
    .toBe('Section 2: phrase A');
  await page.getByRole('button', { name: 'Loop section 2' }).click();
  await page.getByRole('button', { name: 'Play song' }).click();
  await expect.poll(() => arrangement(page).locator('[aria-current="true"]').count(), { timeout: 10_000 }).toBe(1);
  await page.getByRole('button', { name: 'Stop song' }).click();
});
