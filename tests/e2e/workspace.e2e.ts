import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useAppSession } from './browser';
import { cell, rollNotes, soundingCells } from './gridHelpers';

// The writing screen (issue 11): the loop fits one screen at 1440x900 and 1280x800 in both themes, the
// previewed candidate is drawn on the grid as ghost notes and moved with the keys, Enter writes it, a
// selection confines Propose, and the song timeline reorders by keyboard. With the shipped model in the
// real worker.

const MODEL_READY_MS = 90_000;
const TIMEOUT_MS = 180_000;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = useAppSession(TIMEOUT_MS);

const grid = (page: Page) => page.getByRole('grid', { name: /^Phrase/ });
const rail = (page: Page) => page.getByRole('region', { name: 'Model proposals' });
const items = (page: Page) => page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');
const proposeButton = (page: Page) => rail(page).getByRole('button', { name: 'Propose', exact: true });

/** "<pitch> step <n>" of every cell carrying the previewed candidate's ghost notes. */
const ghostCells = (page: Page) =>
  grid(page)
    .locator('[role="gridcell"][data-proposed="true"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? '').sort());

const stepOf = (name: string) => Number(name.split(' step ')[1]);

async function write(page: Page, notes: readonly (readonly [string, number])[]): Promise<void> {
  for (const [pitch, step] of notes) await cell(page, pitch, step).click();
}

/** Proposes with the button and waits until ghost notes are drawn; a failure says what the page showed. */
async function proposeAndWait(page: Page): Promise<void> {
  await proposeButton(page).click();
  try {
    await expect.poll(() => ghostCells(page).then((g) => g.length), { timeout: MODEL_READY_MS }).toBeGreaterThan(0);
  } catch (error) {
    const notices = await page.locator('[role="alert"], [role="status"]').allInnerTexts();
    const listed = await items(page).allInnerTexts();
    throw new Error(
      `${(error as Error).message}\nnotices: ${JSON.stringify(notices)}\ncandidates: ${JSON.stringify(listed)}`,
    );
  }
}

/** True when the element's box lies inside the viewport and it is the element hit at its centre (not clipped). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  if (!box) return false;
  const inside =
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!at && (at === el || el.contains(at));
  });
  return inside && hit;
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => String(n.target))
            .join(' | ')}`,
      );
  });
}

test(
  'after Propose the grid, Propose and every candidate’s Accept are on screen without a page scroll, at 1440x900 and 1280x800 in both themes, with no serious axe violations',
  async () => {
    // The app's CSP refuses inline scripts, axe's included: only the test's context bypasses it.
    const context = await session.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const app = await session.open('/', context);
    const { page } = app;
    await write(page, [
      ['E4', 1],
      ['G4', 3],
      ['C5', 5],
    ]);
    await proposeAndWait(page);
    const previewed = await page
      .getByRole('list', { name: 'Proposals' })
      .locator('[aria-current="true"]')
      .getAttribute('aria-label');
    const ghosts = await ghostCells(page);
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ]) {
      await page.setViewportSize({ width, height });
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        const where = `${width}x${height} ${scheme}`;
        const scroll = await page.evaluate(() => ({
          w: document.documentElement.scrollWidth,
          h: document.documentElement.scrollHeight,
        }));
        expect(scroll, where).toEqual({ w: width, h: height });
        expect(await inView(page, grid(page)), `grid, ${where}`).toBe(true);
        expect(await inView(page, proposeButton(page)), `Propose, ${where}`).toBe(true);
        const accepts = await items(page).getByRole('button', { name: 'Accept', exact: true }).all();
        expect(accepts.length).toBe(4);
        for (const [i, accept] of accepts.entries())
          expect(await inView(page, accept), `Accept ${i + 1}, ${where}`).toBe(true);
        // Resizing keeps the previewed candidate and its ghost notes.
        expect(
          await page
            .getByRole('list', { name: 'Proposals' })
            .locator('[aria-current="true"]')
            .getAttribute('aria-label'),
        ).toBe(previewed);
        expect(await ghostCells(page)).toEqual(ghosts);
        expect(await seriousViolations(page), where).toEqual([]);
      }
    }
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  '] previews the next candidate on the grid; Enter writes its ghost notes and keeps the musician’s notes',
  async () => {
    const app = await session.open();
    const { page } = app;
    const mine = ['E4 step 1', 'G4 step 3', 'C5 step 5'];
    await write(page, [
      ['E4', 1],
      ['G4', 3],
      ['C5', 5],
    ]);
    // Keys typed into a text field never trigger a shortcut: "p" in the title proposes nothing.
    await page.getByRole('textbox', { name: 'Song title' }).press('p');
    expect(await rail(page).getByRole('status').filter({ hasText: 'loads when you first press Propose' }).count()).toBe(
      1,
    );
    await page.getByRole('textbox', { name: 'Song title' }).press('Escape');
    // P from the page proposes.
    await grid(page).focus();
    await cell(page, 'C4', 1).focus();
    await page.keyboard.press('p');
    await expect.poll(() => ghostCells(page).then((g) => g.length), { timeout: MODEL_READY_MS }).toBeGreaterThan(0);
    await expect
      .poll(() =>
        rail(page)
          .getByRole('status')
          .filter({ hasText: /^Previewing candidate/ })
          .count(),
      )
      .toBe(1);
    const first = await ghostCells(page);
    // Ghost notes are written after the musician's last note (C5 at step 5).
    for (const name of first) expect(stepOf(name)).toBeGreaterThan(5);
    const rolls = await items(page)
      .getByRole('img')
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('aria-label')?.split(': ').slice(1).join(': ')));
    await page.keyboard.press(']');
    await expect
      .poll(() =>
        page.getByRole('list', { name: 'Proposals' }).locator('[aria-current="true"]').getAttribute('aria-label'),
      )
      .toBe('Candidate 2');
    const second = await ghostCells(page);
    if (rolls[0] !== rolls[1]) expect(second).not.toEqual(first);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => ghostCells(page)).toEqual(first);
    await page.keyboard.press('[');
    await expect
      .poll(() =>
        page.getByRole('list', { name: 'Proposals' }).locator('[aria-current="true"]').getAttribute('aria-label'),
      )
      .toBe('Candidate 4');
    const chosen = await ghostCells(page);
    // Enter on the grid accepts: the ghost cells become written notes, the musician's notes stay.
    await page.keyboard.press('Enter');
    await expect.poll(() => ghostCells(page)).toEqual([]);
    const sounding = await soundingCells(page);
    for (const name of [...chosen, ...mine]) expect(sounding).toContain(name);
    expect(sounding.length).toBe(chosen.length + mine.length);
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'a one-bar selection in a four-bar phrase gets candidates that change the phrase only inside that bar',
  async () => {
    const app = await session.open();
    const { page } = app;
    await page.getByRole('combobox', { name: 'Phrase length' }).selectOption({ label: '4 bars' });
    await write(page, [
      ['E4', 1],
      ['G4', 5],
      ['C5', 17],
      ['A4', 21],
      ['G4', 33],
      ['E4', 49],
    ]);
    const outside = ['E4 step 1', 'G4 step 5', 'G4 step 33', 'E4 step 49'];
    // Drag across the bar ruler over bar 2 (steps 17-32).
    const ruler = page.getByRole('group', { name: 'Bar ruler' });
    const box = (await ruler.boundingBox())!;
    const cellsLeft = (await cell(page, 'C4', 1).boundingBox())!.x;
    const stepWidth = (box.x + box.width - cellsLeft) / 64;
    const xOf = (step: number) => cellsLeft + (step - 0.5) * stepWidth;
    await page.mouse.move(xOf(17), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOf(32), box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    const selected = () =>
      grid(page)
        .locator('[data-pitch="64"] [data-in-selection="true"]')
        .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-step')) + 1));
    await expect.poll(selected).toEqual(Array.from({ length: 16 }, (_, i) => 17 + i));
    await rail(page).getByRole('spinbutton', { name: 'Candidates' }).fill('3');
    await rail(page).getByRole('spinbutton', { name: 'Candidates' }).blur();
    // Seed 9 drew a silent third candidate here (a bar of rests: nothing drawn, nothing to accept), and so did
    // 8 of seeds 1-30 for one of their three; the session's seed is random, so unseeded this test flaked.
    // Silent candidates are drawn again now (src/model/propose.ts); this seed fails without that.
    await rail(page).getByRole('button', { name: 'More settings' }).click();
    await rail(page).getByRole('spinbutton', { name: 'Seed' }).fill('9');
    await rail(page).getByRole('spinbutton', { name: 'Seed' }).blur();
    await proposeAndWait(page);
    await expect.poll(() => items(page).count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await expect
        .poll(() =>
          page.getByRole('list', { name: 'Proposals' }).locator('[aria-current="true"]').getAttribute('aria-label'),
        )
        .toBe(`Candidate ${i + 1}`);
      const ghosts = await ghostCells(page);
      expect(ghosts.length).toBeGreaterThan(0);
      for (const name of ghosts) expect(stepOf(name)).toBeGreaterThanOrEqual(17);
      for (const name of ghosts) expect(stepOf(name)).toBeLessThanOrEqual(32);
      if (i < 2) await page.keyboard.press(']');
    }
    const chosen = await ghostCells(page);
    // Accept replaces the musician's notes in bar 2, so it asks first; "Replace them" (focused) confirms.
    await items(page).nth(2).getByRole('button', { name: 'Accept', exact: true }).click();
    const question = page.getByRole('alert').filter({ hasText: /replaces 2 notes you wrote in steps 17-32/ });
    await question.waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => ghostCells(page)).toEqual([]);
    const sounding = await soundingCells(page);
    for (const name of [...outside, ...chosen]) expect(sounding).toContain(name);
    for (const name of sounding) expect(outside.includes(name) || chosen.includes(name)).toBe(true);
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'a previewed candidate is drawn even when its notes lie outside the pitch window: the window moves to them',
  async () => {
    const app = await session.open();
    const { page } = app;
    await write(page, [
      ['C4', 1],
      ['E4', 3],
      ['G4', 5],
    ]);
    // Two octaves up the window shows C6-C8, above every pitch the models write (C3-B5).
    const gridPanel = page.getByRole('region', { name: 'Step grid' });
    for (let i = 0; i < 2; i++) await gridPanel.getByRole('button', { name: 'Show higher notes' }).click();
    await expect.poll(() => grid(page).locator('[data-pitch="60"]').count()).toBe(0);
    await proposeAndWait(page);
    for (let i = 0; i < 2; i++) {
      await expect
        .poll(() =>
          page.getByRole('list', { name: 'Proposals' }).locator('[aria-current="true"]').getAttribute('aria-label'),
        )
        .toBe(`Candidate ${i + 1}`);
      const rollPitches = [...new Set((await rollNotes(items(page).nth(i))).map((note) => note.split(' ')[0]))];
      // The window follows the candidate just after it is drawn (an effect of the preview), so the grid may
      // first show the newly previewed candidate in the previous candidate's window: wait for it to move.
      const undrawn = async () => {
        const drawn = new Set((await ghostCells(page)).map((name) => name.split(' step ')[0]));
        return rollPitches.filter((pitch) => !drawn.has(pitch));
      };
      await expect.poll(undrawn).toEqual([]);
      if (i === 0) await page.keyboard.press(']');
    }
    // A candidate wider than two octaves grows the window (its proposals were not confined to a window above the
    // model's range); "Two octaves" then takes it back, and is offered only then.
    const rows = await grid(page).getByRole('rowheader').count();
    const twoOctaves = gridPanel.getByRole('button', { name: 'Two octaves' });
    if (rows > 25) {
      await twoOctaves.click();
      await expect.poll(() => grid(page).getByRole('rowheader').count()).toBe(25);
    }
    await expect.poll(() => twoOctaves.count()).toBe(0);
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'the song timeline shows one block per section in playing order and reorders them by keyboard',
  async () => {
    const app = await session.open();
    const { page } = app;
    const timeline = page.getByRole('list', { name: 'Arrangement' });
    const labels = () =>
      timeline.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    await cell(page, 'C4', 1).click();
    await page.getByRole('button', { name: 'New phrase' }).click();
    await grid(page)
      .and(page.getByRole('grid', { name: /^Phrase B/ }))
      .waitFor();
    await cell(page, 'G4', 1).click();
    await page.getByRole('button', { name: 'Add phrase B to the song' }).click();
    await page.getByRole('button', { name: 'Add phrase B to the song' }).click();
    await expect.poll(labels).toEqual(['Section 1: phrase A', 'Section 2: phrase B', 'Section 3: phrase B']);
    // One block per section, left to right in playing order.
    const lefts = await timeline
      .getByRole('listitem')
      .evaluateAll((items) => items.map((i) => i.getBoundingClientRect().left));
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);
    // Alt+Arrow on the focused block moves it; the focus stays on it.
    await timeline.getByRole('listitem').first().focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(labels).toEqual(['Section 1: phrase B', 'Section 2: phrase A', 'Section 3: phrase B']);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(labels).toEqual(['Section 1: phrase B', 'Section 2: phrase B', 'Section 3: phrase A']);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(labels).toEqual(['Section 1: phrase B', 'Section 2: phrase A', 'Section 3: phrase B']);
    // + repeats the focused section, and its block grows.
    const width = (await timeline.getByRole('listitem').nth(1).boundingBox())!.width;
    await page.keyboard.press('+');
    await expect.poll(labels).toEqual(['Section 1: phrase B', 'Section 2: phrase A, 2 times', 'Section 3: phrase B']);
    expect((await timeline.getByRole('listitem').nth(1).boundingBox())!.width).toBeGreaterThan(width);
    // Enter on a block shows its phrase in the grid.
    await page.keyboard.press('Enter');
    await page.getByRole('grid', { name: /^Phrase A/ }).waitFor();
    // While the song plays, the grid follows the section being heard (B, then A from its second section).
    await page.getByRole('button', { name: 'Play song' }).click();
    await page.getByRole('grid', { name: /^Phrase B/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('grid', { name: /^Phrase A/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Stop song' }).click();
    expect(app.errors).toEqual([]);
  },
  TIMEOUT_MS,
);

test('the Light theme toggle switches the theme and is remembered', async () => {
  const context = await session.newContext({ colorScheme: 'dark' });
  const app = await session.open('/', context);
  const { page } = app;
  const toggle = page.getByRole('button', { name: 'Light theme' });
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  await toggle.click();
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  await page.reload();
  await grid(page).waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(app.errors).toEqual([]);
});
