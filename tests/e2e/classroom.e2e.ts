import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { encodeShareLink } from '../../src/core/shareLink';
import { createPhrase, createSong } from '../../src/core/song';
import type { Note } from '../../src/core/types';
import { openPanel } from './panels';
import { useAppSession } from './browser';
import { cell } from './gridHelpers';
import { pdfPages } from './pdfPages';

// A whole class, through the UI contract: a teacher makes an assignment from a song with a given phrase; two
// students open it with their names, write and propose, and hand back; the teacher loads both hand-backs
// into the class view, sees two named rows with the right counts, opens one and finds the given notes
// marked as given. Handouts print a page a section, each with a staff, none blank. axe finds nothing
// serious in the class view.

const TIMEOUT_MS = 300_000;
const MODEL_READY_MS = 120_000;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const session = useAppSession(TIMEOUT_MS);

const ownErrors = (errors: string[]) => errors.filter((e) => !e.includes('Content Security Policy'));
const proposalsPanel = (page: Page) => page.getByRole('region', { name: 'Model proposals' });
const candidates = (page: Page) => page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');

/** Opens the assignment link as a student called `name` (the app asks before they work). */
async function openAsStudent(link: string, name: string): Promise<Page> {
  const { page } = await session.open(`/${link.slice(link.indexOf('#'))}`);
  const dialog = page.getByRole('dialog', { name: /Who is writing/ });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Start' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByRole('region', { name: 'Assignment' }).innerText()).toContain(`Written by ${name}`);
  return page;
}

/** Asks the model for one 1-bar candidate and waits for it; returns the candidate's list item. */
async function proposeOne(page: Page): Promise<Locator> {
  const panel = proposalsPanel(page);
  // A fixed seed: the candidate (and so the counts the class view shows) is the same on every run.
  await panel.getByRole('button', { name: 'More settings' }).click();
  await panel.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  await panel.getByRole('checkbox', { name: 'Keep seed' }).check();
  await panel.getByRole('button', { name: 'More settings' }).click();
  await panel.getByRole('spinbutton', { name: 'Candidates' }).fill('1');
  await panel.getByRole('spinbutton', { name: 'Candidates' }).blur();
  await panel.getByRole('combobox', { name: 'Bars' }).selectOption('1');
  await panel.getByRole('button', { name: 'Propose' }).click();
  await expect.poll(() => candidates(page).count(), { timeout: MODEL_READY_MS }).toBe(1);
  return candidates(page).first();
}

/** Clicks "Hand back" and returns the hand-back link. */
async function handBack(page: Page): Promise<string> {
  await page.getByRole('region', { name: 'Assignment' }).getByRole('button', { name: 'Hand back' }).click();
  const field = page.getByRole('textbox', { name: 'Hand-back link' });
  await expect.poll(() => field.inputValue()).toMatch(/#song=[\w-]+&handback=[\w-]+$/);
  return field.inputValue();
}

async function axeViolations(page: Page, selector: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Element,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => String(n.target)) }));
  }, selector);
}

test(
  'a class: an assignment with a given phrase, two named hand-backs, the class view and the report',
  async () => {
    // The teacher writes the given phrase: four notes in bar 1 of a 2-bar phrase.
    const teacher = await session.open('/', await session.newContext({ bypassCSP: true }));
    const t = teacher.page;
    for (const [pitch, step] of [
      ['C4', 1],
      ['E4', 5],
      ['G4', 9],
      ['C5', 13],
    ] as const)
      await cell(t, pitch, step).click();
    await openPanel(t, 'Classroom');
    const maker = t.getByRole('group', { name: 'Assignment settings' });
    await maker.getByRole('textbox', { name: 'Brief' }).fill('Answer my question phrase in bar 2');
    await maker.getByRole('button', { name: 'Make assignment' }).click();
    const linkField = t.getByRole('textbox', { name: 'Assignment link' });
    await expect.poll(() => linkField.inputValue()).toMatch(/#song=[\w-]+&assignment=[\w-]+$/);
    const link = await linkField.inputValue();
    await t.getByRole('button', { name: /^Copy assignment link/ }).click();
    await expect
      .poll(() => t.getByRole('button', { name: /^Copy assignment link/ }).innerText())
      .toMatch(/Copied|Copy/);

    // Ada changes a given note, proposes, and appends the model's bar.
    const ada = await openAsStudent(link, 'Ada');
    await cell(ada, 'F4', 5).click(); // the given E4 becomes F4: a given note changed by the student
    const candidate = await proposeOne(ada);
    const modelNotes = ((await candidate.getByRole('img').first().getAttribute('aria-label')) ?? '')
      .split(': ')
      .slice(2)
      .join(': ')
      .split(', ')
      .filter(Boolean).length;
    expect(modelNotes, (await candidate.getByRole('img').first().getAttribute('aria-label')) ?? '').toBeGreaterThan(0);
    await candidate.getByRole('button', { name: 'Append' }).click();
    const adaLink = await handBack(ada);

    // Grace writes two notes of her own in bar 2, proposes and discards.
    const grace = await openAsStudent(link, 'Grace');
    await cell(grace, 'D4', 17).click();
    await cell(grace, 'E4', 21).click();
    await (await proposeOne(grace)).getByRole('button', { name: 'Discard' }).click();
    const graceLink = await handBack(grace);

    // The teacher loads both into the class view.
    const classView = t.getByRole('region', { name: 'Class view' });
    await classView.getByRole('textbox', { name: 'Add hand-backs' }).fill(`${adaLink}\n${graceLink}`);
    await classView.getByRole('button', { name: 'Add', exact: true }).click();
    const table = classView.getByRole('table', { name: 'Hand-backs' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const cells = async (i: number) => (await rows.nth(i).locator('th, td').allInnerTexts()).map((s) => s.trim());
    const [adaRow, graceRow] = [await cells(0), await cells(1)];
    // Student, handed back, phrases, by the student, from the model, given, proposals made, accepted, temperature.
    expect(adaRow[0]).toBe('Ada');
    expect(adaRow.slice(2, 6)).toEqual([
      '1',
      expect.stringMatching(/^1\b.*1 changed from the given notes/),
      String(modelNotes),
      '3',
    ]);
    expect(adaRow[7]).toBe('1');
    expect(graceRow[0]).toBe('Grace');
    expect(graceRow.slice(2, 6)).toEqual(['1', '2', '0', '4']);
    expect(graceRow[7]).toBe('0');
    expect(await axeViolations(t, '[aria-label="Class view"]')).toEqual([]);

    // Opening Ada's row gives her song, titled after the assignment and her, with the report.
    await rows.nth(0).getByRole('button', { name: "Open Ada's song" }).click();
    const report = t.getByRole('region', { name: 'Who wrote what' });
    await report.waitFor();
    await expect
      .poll(() => report.innerText())
      .toMatch(
        /Phrase A: \d+ notes — 3 given, 1 by the student \(1 changed from the given notes\), \d+ from the model\./,
      );
    expect(await cell(t, 'C4', 1).getAttribute('data-author')).toBe('given');
    expect(await cell(t, 'F4', 5).getAttribute('data-author')).toBe('student-changed-given');
    expect(
      await report.getByRole('img', { name: 'Phrase A drawn by author' }).locator('rect[data-author="given"]').count(),
    ).toBe(3);
    await report.locator('.author-staff svg').first().waitFor({ timeout: 30_000 });
    expect(await report.getByRole('list', { name: 'Legend' }).innerText()).toMatch(/given by the teacher/);
    expect(await axeViolations(t, '[aria-label="Who wrote what"]')).toEqual([]);
    for (const app of [teacher]) expect(ownErrors(app.errors)).toEqual([]);
  },
  TIMEOUT_MS,
);

test(
  'the class view says what is wrong with a bad hand-back and still loads the others',
  async () => {
    const { page, errors } = await session.open('/');
    const song = createSong({ title: 'Homework' });
    const good = (await import('../../src/core/assignment')).encodeHandBackLink;
    const template = {
      ...(await import('../../src/core/assignment')).openTemplate(song.key),
      id: 'hw1',
      title: 'Homework',
    };
    const a = `/#${await good(song, { template, student: '<img src=x onerror=alert(1)>', handedBackAt: 1 })}`;
    const b = `/#${await good(song, { template: { ...template, id: 'other', title: 'Canon' }, student: 'Linus', handedBackAt: 2 })}`;
    const broken = a.replace(/song=[\w-]{20}/, 'song=AAAAAAAAAAAAAAAAAAAA');
    await openPanel(page, 'Classroom');
    const classView = page.getByRole('region', { name: 'Class view' });
    await classView.getByRole('textbox', { name: 'Add hand-backs' }).fill([a, b, broken, a].join('\n'));
    await classView.getByRole('textbox', { name: 'Add hand-backs' }).press('Enter');
    const rows = classView.getByRole('table', { name: 'Hand-backs' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toMatch(/^<img src=x onerror=alert\(1\)>/);
    expect(texts[1]).toMatch(/another assignment \("Canon"\)/);
    expect(texts[2]).toMatch(/broken/);
    expect(texts[3]).toMatch(/duplicate/i);
    await classView.getByRole('alert').waitFor();
    expect(ownErrors(errors)).toEqual([]);
  },
  TIMEOUT_MS,
);

test('a first visit by a share link gives exactly that song, and no MIDI notice nobody asked for', async () => {
  const song = createSong({ title: 'Shared tune' });
  const { page, errors } = await session.open(`/#song=${await encodeShareLink(song)}`);
  await openPanel(page, 'Songs');
  const list = page.getByRole('list', { name: 'Songs' });
  await expect.poll(() => list.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/Shared tune/)]);
  expect(await page.getByText('MIDI access was refused').count()).toBe(0);
  expect(ownErrors(errors)).toEqual([]);
});

test(
  'the handout prints a page a section, each with its title and a staff, and no blank page',
  async () => {
    const note = (pitch: number, start: number, length = 2): Note => ({ pitch, start, length, velocity: 96 });
    const a = {
      ...createPhrase('A', 2),
      notes: [
        note(60, 0),
        note(62, 2),
        note(64, 4, 1),
        note(65, 5, 1),
        note(67, 6),
        note(72, 8, 8),
        note(71, 16, 4),
        note(67, 20, 12),
      ],
      chords: [
        { start: 0, symbol: 'C' },
        { start: 16, symbol: 'G' },
      ],
    };
    const b = { ...createPhrase('B', 1), notes: [note(67, 0, 4), note(65, 4, 4), note(64, 8, 8)] };
    const song = createSong({
      title: 'Handout tune',
      phrases: [a, b],
      arrangement: [
        { id: 's1', phraseId: a.id, repeats: 1, transpose: 0 },
        { id: 's2', phraseId: b.id, repeats: 2, transpose: 0 },
        { id: 's3', phraseId: a.id, repeats: 1, transpose: 2 },
      ],
    });
    const { page, errors } = await session.open(`/#song=${await encodeShareLink(song)}`);
    await expect
      .poll(() =>
        page
          .getByRole('textbox', { name: 'Song title' })
          .inputValue()
          .catch(() => ''),
      )
      .toBe('Handout tune');
    await openPanel(page, 'Theory');
    await page.getByRole('combobox', { name: 'Note labels' }).selectOption('degrees');
    await openPanel(page, 'Classroom');
    // Printing is stubbed: the test prints to PDF itself once the app asks for the print dialog.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    const settings = page.getByRole('group', { name: 'Handout settings' });
    await settings.getByRole('spinbutton', { name: 'Empty staves' }).fill('2');
    await settings.getByRole('button', { name: 'Print handout' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed), { timeout: 30_000 })
      .toBe(1);
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      expect(p.texts).toBeGreaterThan(3); // title, section, name line, labels
      expect(p.paths).toBeGreaterThan(40); // a staff: lines, clef, notes; and the empty staves
    }
    // One page for the whole song.
    await settings.getByRole('combobox', { name: 'Pages' }).selectOption('song');
    await settings.getByRole('spinbutton', { name: 'Empty staves' }).fill('0');
    await settings.getByRole('button', { name: 'Print handout' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed), { timeout: 30_000 })
      .toBe(2);
    const whole = pdfPages(await page.pdf({ format: 'A4' }));
    expect(whole).toHaveLength(1);
    expect(whole[0].paths).toBeGreaterThan(40);
    expect(ownErrors(errors)).toEqual([]);
  },
  TIMEOUT_MS,
);
