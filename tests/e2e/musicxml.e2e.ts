import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readMusicXmlFile } from '../../src/core/musicxml/readMusicXml';
import { useAppSession, type AppPage } from './browser';
import { cell, soundingCells } from './gridHelpers';
import { openPanel } from './panels';

// MusicXML through the UI: "Export MusicXML" writes a score a notation program opens, "Import MusicXML"
// brings a lead sheet in as a new song with its chord symbols in the chord picker.

const session = useAppSession();
const open = async (): Promise<AppPage> => session.open('/', await session.newContext({ acceptDownloads: true }));

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function importMusicXml(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await openPanel(page, 'Export');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import MusicXML' }).click(),
  ]);
  await chooser.setFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import MusicXML' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Shows the chord picker, wherever the layout keeps it (behind a "Chords" tab, or always on the page). */
async function chordPicker(page: Page) {
  const tab = page.getByRole('tab', { name: 'Chords' });
  if ((await tab.count()) > 0) await tab.click();
  await openPanel(page, 'Chords');
  const picker = page.getByRole('region', { name: 'Chords' });
  await picker.waitFor();
  return picker;
}

test('Export MusicXML downloads a score that reads back to the same notes, and imports again as a new song', async () => {
  const { page, errors } = await open();
  await page.getByRole('textbox', { name: 'Song title' }).fill('Round trip');
  await page.getByRole('textbox', { name: 'Song title' }).press('Enter');
  await cell(page, 'C4', 1).click();
  await cell(page, 'E4', 5).click();
  await cell(page, 'G4', 9).click();
  await openPanel(page, 'Export');
  await page.getByRole('button', { name: 'Export MusicXML' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export MusicXML' });
  await dialog.waitFor();
  const file = await download(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  expect(file.name).toBe('Round-trip.musicxml');
  const read = readMusicXmlFile(new Uint8Array(file.bytes));
  if (!read.ok) throw new Error(read.reason);
  expect(read.preview.name).toBe('Round trip');
  expect(read.preview.tracks[0].notes.map((n) => [n.pitch, n.ticks / 240])).toEqual([
    [60, 0],
    [64, 4],
    [67, 8],
  ]);

  await importMusicXml(page, {
    name: file.name,
    mimeType: 'application/vnd.recordare.musicxml+xml',
    buffer: file.bytes,
  });
  await page.getByText(/opened as a new song, "Round trip"/).waitFor();
  await openPanel(page, 'Songs');
  await expect.poll(() => page.getByRole('list', { name: 'Songs' }).getByRole('listitem').count()).toBe(2);
  await expect.poll(() => soundingCells(page)).toEqual(expect.arrayContaining(['C4 step 1', 'E4 step 5', 'G4 step 9']));
  expect(errors).toEqual([]);
});

test('a lead sheet imported from MusicXML opens as a new song with its chords in the chord picker', async () => {
  const { page, errors } = await open();
  const leadSheet = readFileSync('tests/fixtures/musicxml/lead-sheet.musicxml');
  await importMusicXml(page, {
    name: 'lead-sheet.musicxml',
    mimeType: 'application/vnd.recordare.musicxml+xml',
    buffer: leadSheet,
  });
  await page.getByText(/opened as a new song, "Lead Sheet Tune", in F major, 4\/4, 100 BPM/).waitFor();
  expect(await page.getByRole('textbox', { name: 'Song title' }).inputValue()).toBe('Lead Sheet Tune');
  const picker = await chordPicker(page);
  const bars = ['Bar 2 chords', 'Bar 3 chords', 'Bar 4 chords', 'Bar 5 chords'];
  await expect
    .poll(() => Promise.all(bars.map((name) => picker.getByRole('combobox', { name }).inputValue())))
    .toEqual(['F', 'Gm7', 'C7', 'F']);
  // The pickup bar (bar 1) has no chord.
  expect(await picker.getByRole('combobox', { name: 'Bar 1 chords' }).inputValue()).toBe('');
  expect(errors).toEqual([]);
});

test('a file that is not a score is an alert in plain words, and the song stays as it was', async () => {
  const { page } = await open();
  await cell(page, 'C4', 1).click();
  await openPanel(page, 'Export');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import MusicXML' }).click(),
  ]);
  await chooser.setFiles({
    name: 'laughs.musicxml',
    mimeType: 'application/xml',
    buffer: Buffer.from(
      '<!DOCTYPE a [<!ENTITY l "lol">]><score-partwise><work><work-title>&l;</work-title></work></score-partwise>',
    ),
  });
  await page.getByRole('alert').filter({ hasText: 'laughs.musicxml' }).filter({ hasText: 'entities' }).waitFor();
  await expect.poll(() => soundingCells(page)).toEqual(['C4 step 1']);
  await openPanel(page, 'Songs');
  expect(await page.getByRole('list', { name: 'Songs' }).getByRole('listitem').count()).toBe(1);
});
