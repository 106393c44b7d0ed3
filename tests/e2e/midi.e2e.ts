import { expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mainThreadIdle, useAppSession, type AppPage } from './browser';
import { cell, soundingCells } from './gridHelpers';
import { openPanel } from './panels';

// Web MIDI with a fake MIDIAccess injected before the app's scripts: one keyboard in, one instrument out.
// The fake records every message the app sends with the timestamp it asked for.

interface SentMessage {
  data: number[];
  at: number;
}

async function installFakeMidi(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const sent: { data: number[]; at: number }[] = [];
    const input = {
      id: 'fake-in',
      name: 'Fake Keys',
      manufacturer: 'Test',
      onmidimessage: null as null | ((e: unknown) => void),
    };
    const output = {
      id: 'fake-out',
      name: 'Fake Synth',
      manufacturer: 'Test',
      send(data: number[], at?: number) {
        sent.push({ data: Array.from(data), at: at ?? performance.now() });
      },
      clear() {},
    };
    const access = {
      inputs: new Map([[input.id, input]]),
      outputs: new Map([[output.id, output]]),
      onstatechange: null,
      sysexEnabled: false,
    };
    (window as unknown as { __midi: unknown }).__midi = {
      sent,
      key(data: number[]) {
        input.onmidimessage?.({ data: Uint8Array.from(data), timeStamp: performance.now() });
      },
    };
    Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', { value: async () => access, configurable: true });
  });
}

const key = (page: Page, data: number[]) =>
  page.evaluate((d) => (window as unknown as { __midi: { key(d: number[]): void } }).__midi.key(d), data);
const sent = (page: Page) =>
  page.evaluate(() => (window as unknown as { __midi: { sent: SentMessage[] } }).__midi.sent);
/** Console errors except the build's inline-style CSP reports, which the grid raises and another issue owns. */
const ownErrors = (errors: string[]) => errors.filter((e) => !e.includes('Content Security Policy'));

const panel = (page: Page) => page.getByRole('region', { name: 'MIDI keyboard' });

const session = useAppSession();

async function openWithFakeMidi(): Promise<AppPage> {
  const context = await session.newContext();
  await installFakeMidi(context);
  const opened = await session.open('/', context);
  await openPanel(opened.page, 'MIDI');
  // MIDI is asked for by the musician (where it was not allowed before).
  const connect = panel(opened.page).getByRole('button', { name: 'Connect MIDI keyboard' });
  if (await connect.isVisible()) await connect.click();
  await panel(opened.page).getByRole('combobox', { name: 'MIDI input' }).waitFor();
  return opened;
}

test('keys played on a MIDI keyboard become notes in the grid, one after another', async () => {
  const app = await openWithFakeMidi();
  const { page } = app;
  await expect(
    panel(page).getByRole('combobox', { name: 'MIDI input' }).locator('option', { hasText: 'Fake Keys' }).count(),
  ).resolves.toBe(1);
  await key(page, [0x90, 60, 100]);
  await key(page, [0x80, 60, 0]);
  await key(page, [0x90, 64, 100]);
  await key(page, [0x90, 64, 0]); // note-on at velocity 0 is a release
  await expect
    .poll(() => soundingCells(page))
    .toEqual(expect.arrayContaining(['C4 step 1', 'C4 step 2', 'E4 step 3', 'E4 step 4']));
  await expect.poll(() => soundingCells(page)).toHaveLength(4);
  await panel(page).getByText('Next step 5').waitFor();
  expect(ownErrors(app.errors)).toEqual([]);
});

test('playback sends the phrase to the MIDI output at the right times', async () => {
  const app = await openWithFakeMidi();
  const { page } = app;
  await panel(page).getByRole('combobox', { name: 'MIDI output' }).selectOption({ label: 'Fake Synth' });
  await cell(page, 'C4', 1).click();
  await cell(page, 'D4', 5).click();
  await cell(page, 'E4', 9).click();
  // Let the staff redraw that follows the edits finish first: this test times the MIDI clock, not start-up jank.
  await openPanel(page, 'Notation');
  await expect
    .poll(
      () =>
        page
          .getByRole('region', { name: /^Notation of phrase/ })
          .locator('svg .abcjs-note')
          .count(),
      { timeout: 15_000 },
    )
    .toBe(3);
  await mainThreadIdle(page);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(async () => (await sent(page)).filter((m) => m.data[0] === 0x90).length, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const messages = await sent(page);
  const ons = messages.filter((m) => m.data[0] === 0x90).slice(0, 3);
  expect(ons.map((m) => m.data[1])).toEqual([60, 62, 64]);
  // 110 BPM: a sixteenth is 136.4 ms, so notes four steps apart are 545 ms apart on the instrument's clock.
  const msPerStep = 60_000 / 110 / 4;
  expect(Math.abs(ons[1].at - ons[0].at - 4 * msPerStep)).toBeLessThan(20);
  expect(Math.abs(ons[2].at - ons[0].at - 8 * msPerStep)).toBeLessThan(20);
  // Every note is released (just before its one-step end), and Stop silences the instrument.
  const off60 = messages.find((m) => m.data[0] === 0x80 && m.data[1] === 60)!;
  expect(off60.at - ons[0].at).toBeGreaterThan(msPerStep - 10);
  expect(off60.at - ons[0].at).toBeLessThan(msPerStep + 5);
  await expect.poll(async () => (await sent(page)).at(-1)?.data).toEqual([0xb0, 123, 0]);
  expect(ownErrors(app.errors)).toEqual([]);
});

test('without Web MIDI the panel says so', async () => {
  const context = await session.newContext();
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', { value: undefined, configurable: true }),
  );
  const app = await session.open('/', context);
  await openPanel(app.page, 'MIDI');
  await expect.poll(() => panel(app.page).getByRole('status').innerText()).toMatch(/no Web MIDI/);
  expect(await panel(app.page).getByRole('combobox').count()).toBe(0);
});
