import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell, rollNotes, soundingCells } from './gridHelpers';
import { openPanel } from './panels';
import { installSoundProbe, waitForSound } from './soundProbe';
import { FOLK_MELODY } from './shippedModels';

// The model writes with the musician, through the UI contract, with a real checkpoint served by the app
// (the shipped folk melody model, from the training issue) running in the real worker.

const MODEL_PATH = FOLK_MELODY.path;
const MODEL_READY_MS = 90_000;
// Loading tfjs, the wasm backend and the weights takes seconds, far more on a busy 2-core machine.
const TEST_TIMEOUT_MS = 150_000;

const session = useAppSession(TEST_TIMEOUT_MS);

const panel = (page: Page) => page.getByRole('region', { name: 'Model proposals' });
const proposals = (page: Page) => page.getByRole('list', { name: 'Proposals' });
const items = (page: Page) => proposals(page).getByRole('listitem');

/** Picks the shipped melody model from the list, or types its URL when the index does not offer it (yet). */
async function chooseModel(page: Page, path = MODEL_PATH): Promise<void> {
  const select = panel(page).getByRole('combobox', { name: 'Model' });
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  if (values.includes(path)) {
    await select.selectOption(path);
    return;
  }
  await select.selectOption('__custom__');
  const url = panel(page).getByRole('textbox', { name: 'Checkpoint URL' });
  await url.fill(path);
  await url.press('Enter');
}

/** Opens the rail's "More settings" (seed, primer, mutation) unless it is open. */
async function moreSettings(page: Page): Promise<void> {
  const toggle = panel(page).getByRole('button', { name: 'More settings' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

async function setNumber(page: Page, name: string, value: number): Promise<void> {
  if (name === 'Seed') await moreSettings(page);
  const input = panel(page).getByRole('spinbutton', { name });
  await input.fill(String(value));
  await input.blur();
}

async function propose(page: Page, count: number): Promise<void> {
  await panel(page).getByRole('button', { name: 'Propose' }).click();
  await expect.poll(() => items(page).count(), { timeout: MODEL_READY_MS }).toBe(count);
}

test(
  'Propose gives the asked number of candidates, with progress while the model loads',
  async () => {
    const app = await session.open();
    const { page } = app;
    await chooseModel(page);
    await setNumber(page, 'Candidates', 3);
    await panel(page).getByRole('combobox', { name: 'Bars' }).selectOption('1');
    await panel(page).getByRole('button', { name: 'Propose' }).click();
    // Loading or writing is announced while it lasts.
    await page
      .getByRole('progressbar', { name: /Loading the model/ })
      .or(page.getByRole('status').filter({ hasText: /writing/ }))
      .first()
      .waitFor({ timeout: MODEL_READY_MS });
    await expect.poll(() => items(page).count(), { timeout: MODEL_READY_MS }).toBe(3);
    for (const item of await items(page).all()) {
      for (const name of ['Audition', 'Accept', 'Mutate', 'Discard'])
        await item.getByRole('button', { name, exact: true }).waitFor();
    }
    // Proposing again with another count replaces the list.
    await setNumber(page, 'Candidates', 5);
    await propose(page, 5);
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'Accept puts the candidate’s notes in the grid and the history shows a model origin',
  async () => {
    const app = await session.open();
    const { page } = app;
    await chooseModel(page);
    await setNumber(page, 'Candidates', 2);
    await setNumber(page, 'Seed', 4242);
    await propose(page, 2);
    const first = items(page).first();
    const notes = await rollNotes(first);
    expect(notes.length).toBeGreaterThan(0);
    await first.getByRole('button', { name: 'Accept', exact: true }).click();
    // An empty phrase: the candidate was written from its first step, so its steps are the grid's.
    const onsets = notes.map((n) => {
      const [pitch, steps] = n.split(' ');
      return `${pitch} step ${steps.split('-')[0]}`;
    });
    await expect.poll(() => soundingCells(page)).toEqual(expect.arrayContaining(onsets));
    await openPanel(page, 'History');
    const history = page.getByRole('region', { name: 'History' });
    await history
      .getByText(new RegExp(`Proposed by the model \\S*${FOLK_MELODY.id}, temperature 1, seed 4242`))
      .first()
      .waitFor();
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'Mutate gives a new candidate over the same steps, next to its parent, previewed on the grid',
  async () => {
    const app = await session.open();
    const { page } = app;
    await cell(page, 'E4', 1).click();
    await cell(page, 'G4', 3).click();
    await chooseModel(page);
    await moreSettings(page);
    await panel(page).getByRole('combobox', { name: 'Primer' }).selectOption('own');
    await setNumber(page, 'Candidates', 2);
    await propose(page, 2);
    // The musician's notes stay where they are; the candidates are written after the last one.
    const ghosts = () =>
      page
        .locator('[role="gridcell"][data-proposed="true"]')
        .evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''));
    for (const name of await ghosts()) expect(Number(name.split(' step ')[1])).toBeGreaterThan(3);
    await expect.poll(() => soundingCells(page)).toEqual(['G4 step 3', 'E4 step 1']);
    await items(page).first().getByRole('button', { name: 'Mutate', exact: true }).click();
    await expect.poll(() => items(page).count(), { timeout: MODEL_READY_MS }).toBe(3);
    const mutated = proposals(page).getByRole('listitem', { name: 'Candidate 3' });
    expect(await items(page).nth(1).getAttribute('aria-label')).toBe('Candidate 3');
    await expect.poll(() => mutated.getAttribute('aria-current')).toBe('true');
    expect((await rollNotes(mutated)).length).toBeGreaterThan(0);
    for (const name of await ghosts()) expect(Number(name.split(' step ')[1])).toBeGreaterThan(3);
    await expect.poll(() => soundingCells(page)).toEqual(['G4 step 3', 'E4 step 1']);
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'a broken checkpoint URL gives an alert naming the cause while the grid still plays',
  async () => {
    const context = await session.newContext();
    await installSoundProbe(context);
    const app = await session.open('/', context);
    const { page } = app;
    await cell(page, 'C4', 1).click();
    await cell(page, 'G4', 5).click();
    await chooseModel(page, 'checkpoints/no-such-model');
    await panel(page).getByRole('button', { name: 'Propose' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor({ timeout: MODEL_READY_MS });
    expect(await alert.textContent()).toMatch(/not found/);
    expect(await items(page).count()).toBe(0);
    await expect.poll(() => soundingCells(page)).toEqual(['G4 step 5', 'C4 step 1']);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    expect(await waitForSound(page)).toBeGreaterThan(0.002);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    // The app's own 404 for the missing config is expected on the console; nothing else.
    expect(app.errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);

test(
  'Probabilities shows the teaching view and tints the step grid with the model’s choices',
  async () => {
    const app = await session.open();
    const { page } = app;
    await chooseModel(page);
    await setNumber(page, 'Candidates', 2);
    await propose(page, 2);
    const first = items(page).first();
    const toggle = first.getByRole('button', { name: 'Probabilities' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const view = page.getByRole('region', { name: 'Teaching view' });
    const map = view.getByRole('img', { name: /probabilities: the model's probability of each pitch/ });
    expect(await map.getAttribute('aria-label')).toMatch(/Likeliest new notes: step \d+ [A-G]/);
    // The same probabilities over the grid: a canvas with painted cells.
    const overlay = page.getByRole('grid', { name: /^Phrase/ }).getByTestId('grid-heatmap');
    await overlay.waitFor();
    const painted = await overlay.evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(0);
    // Closing the view takes the tint off the grid; the grid still edits normally.
    await toggle.click();
    await overlay.waitFor({ state: 'detached' });
    await cell(page, 'C4', 1).click();
    await expect.poll(() => soundingCells(page)).toContain('C4 step 1');
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);
