import { expect, test } from 'vitest';
import { useAppSession, type AppPage } from './browser';
import { cell } from './gridHelpers';
import { installSoundProbe, outputRms, playheadStepsPerSecond, waitForSound } from './soundProbe';

const session = useAppSession();

/** Opens the app with the output probe installed before any app script runs. */
async function openWithProbe(): Promise<AppPage> {
  const context = await session.newContext();
  await installSoundProbe(context);
  return session.open('/', context);
}

async function writeARiff(a: AppPage) {
  // Long notes on every beat, so the loop is never silent for long.
  for (const [pitch, step] of [
    ['C4', 1],
    ['E4', 5],
    ['G4', 9],
    ['C5', 13],
    ['G4', 17],
    ['E4', 21],
    ['D4', 25],
    ['C4', 29],
  ] as const) {
    await cell(a.page, pitch, step).click();
  }
}

test('Play makes sound at the audio output and Stop ends it', async () => {
  const app = await openWithProbe();
  const { page } = app;
  await writeARiff(app);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
  const loudest = await waitForSound(page);
  expect(loudest).toBeGreaterThan(0.002);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  // The last note's release rings out, then the output stays silent.
  await expect.poll(() => outputRms(page, 800), { timeout: 15_000 }).toBeLessThan(0.002);
  expect(app.errors).toEqual([]);
});

test('changing the tempo while playing keeps the sound going at the new speed', async () => {
  const app = await openWithProbe();
  const { page } = app;
  await writeARiff(app);
  const tempo = page.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('90');
  await tempo.press('Enter');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  expect(await waitForSound(page)).toBeGreaterThan(0.002);
  const slow = await playheadStepsPerSecond(page);

  await tempo.fill('180');
  await tempo.press('Enter');
  await expect(tempo.inputValue()).resolves.toBe('180');
  expect(await waitForSound(page)).toBeGreaterThan(0.002);
  const fast = await playheadStepsPerSecond(page);

  // 4 steps per beat: 90 BPM is 6 steps/s and 180 BPM is 12 steps/s.
  expect(slow).toBeGreaterThan(5);
  expect(slow).toBeLessThan(7);
  expect(fast).toBeGreaterThan(10.5);
  expect(fast).toBeLessThan(13.5);
  await expect(page.getByRole('button', { name: 'Stop', exact: true }).count()).resolves.toBe(1);
  expect(app.errors).toEqual([]);
});

test('an out-of-range tempo is clamped and the reason is shown beside the field', async () => {
  const app = await session.open();
  const { page } = app;
  const tempo = page.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('300');
  await tempo.press('Enter');
  await expect(tempo.inputValue()).resolves.toBe('240');
  const reason = page.getByRole('status').filter({ hasText: /Tempo must be at most 240/ });
  await expect(reason.isVisible()).resolves.toBe(true);

  await tempo.fill('12');
  await tempo.blur();
  await expect(tempo.inputValue()).resolves.toBe('40');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /at least 40/ })
      .isVisible(),
  ).resolves.toBe(true);

  await tempo.fill('128');
  await tempo.press('Enter');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Tempo must/ })
      .count(),
  ).resolves.toBe(0);
  expect(app.errors).toEqual([]);
});

test('Space plays and stops when focus is not in a field or the grid', async () => {
  const app = await session.open();
  const { page } = app;
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  expect(app.errors).toEqual([]);
});

test('when the browser keeps audio from starting, the page says so and offers to retry', async () => {
  const context = await session.newContext();
  // Every audio context reports "suspended", as when a browser refuses to start sound.
  await context.addInitScript(() => {
    Object.defineProperty(BaseAudioContext.prototype, 'state', { get: () => 'suspended', configurable: true });
  });
  const app = await session.open('/', context);
  const { page } = app;
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByText(/Sound is blocked by the browser/).waitFor();
  await expect(page.getByRole('button', { name: 'Enable sound' }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('button', { name: 'Play', exact: true }).count()).resolves.toBe(1);
});

test('the metronome toggles its pressed state; the instrument choice is kept in the song and undoable', async () => {
  const app = await session.open();
  const { page } = app;
  const metronome = page.getByRole('button', { name: 'Metronome' });
  await metronome.click();
  await expect(metronome.getAttribute('aria-pressed')).resolves.toBe('true');
  await metronome.click();
  await expect(metronome.getAttribute('aria-pressed')).resolves.toBe('false');

  const instrument = page.getByRole('combobox', { name: 'Instrument', exact: true });
  await instrument.selectOption({ label: 'Square lead' });
  await expect(instrument.inputValue()).resolves.toBe('square-lead');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(instrument.inputValue()).resolves.toBe('piano');
  expect(app.errors).toEqual([]);
});
