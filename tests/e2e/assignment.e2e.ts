import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeAssignmentLink, encodeHandBackLink, openTemplate } from '../../src/core/assignment';
import { commitVersion } from '../../src/core/history';
import { createPhrase, createSong } from '../../src/core/song';
import type { Note } from '../../src/core/types';
import { useAppSession, type AppPage } from './browser';
import { cell } from './gridHelpers';
import { openPanel } from './panels';

// A teacher makes an assignment link with locked settings; a student who opens it gives their name and finds
// the settings locked. A hand-back link opens with the "who wrote what" report, which tells the model's notes
// from the student's.

const session = useAppSession();
const open = (path = '/'): Promise<AppPage> => session.open(path);

const ownErrors = (errors: string[]) => errors.filter((e) => !e.includes('Content Security Policy'));
/** The name the app asks a student for before they work on an assignment. */
async function giveName(page: Page, name = 'Ada'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Who is writing/ });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Start' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
const temperature = (page: Page) =>
  page.getByRole('region', { name: 'Model proposals' }).getByRole('spinbutton', { name: 'Temperature' });

test('an assignment link locks the key, scale, phrase length and temperature range it was made with', async () => {
  const teacher = await open();
  const t = teacher.page;
  await t.getByRole('combobox', { name: 'Key' }).selectOption('D');
  await t.getByRole('combobox', { name: 'Scale' }).selectOption('dorian');
  await openPanel(t, 'Classroom');
  const form = t.getByRole('group', { name: 'Assignment settings' });
  await form.getByRole('textbox', { name: 'Brief' }).fill('Answer the question phrase');
  await form.getByRole('checkbox', { name: /Lock phrase length/ }).check();
  await form.getByRole('spinbutton', { name: 'Lowest temperature' }).fill('1.2');
  await form.getByRole('spinbutton', { name: 'Highest temperature' }).fill('1.5');
  await form.getByRole('button', { name: 'Make assignment' }).click();
  const linkField = t.getByRole('textbox', { name: 'Assignment link' });
  await expect.poll(() => linkField.inputValue()).toMatch(/#song=/);
  const link = await linkField.inputValue();
  expect(link).toMatch(/#song=[\w-]+&assignment=[\w-]+$/);

  const student = await open(`/${link.slice(link.indexOf('#'))}`);
  const s = student.page;
  await giveName(s);
  const banner = s.getByRole('region', { name: 'Assignment' });
  await expect.poll(() => banner.innerText()).toMatch(/Answer the question phrase/);
  const text = await banner.innerText();
  expect(text).toMatch(/Key: D/);
  expect(text).toMatch(/Scale: dorian/);
  expect(text).toMatch(/Phrase length: 2 bars/);
  expect(text).toMatch(/Temperature 1.2-1.5/);
  const key = s.getByRole('combobox', { name: 'Key' });
  await expect.poll(() => key.inputValue()).toBe('D');
  expect(await key.isDisabled()).toBe(true);
  expect(await key.getAttribute('title')).toMatch(/Locked by the assignment/);
  expect(await s.getByRole('combobox', { name: 'Scale' }).isDisabled()).toBe(true);
  expect(await s.getByRole('combobox', { name: 'Phrase length' }).isDisabled()).toBe(true);
  // The default temperature (1) is below the range: it is raised to the lowest allowed, and a typed value
  // outside the range is clamped back.
  await expect.poll(() => temperature(s).inputValue()).toBe('1.2');
  await temperature(s).fill('0.3');
  await temperature(s).blur();
  await expect.poll(() => temperature(s).inputValue()).toBe('1.2');
  // The locks survive a reload of the student's song.
  await s.reload();
  await s.getByRole('region', { name: 'Assignment' }).waitFor();
  expect(await s.getByRole('combobox', { name: 'Key' }).isDisabled()).toBe(true);
  expect(ownErrors(teacher.errors)).toEqual([]);
  expect(ownErrors(student.errors)).toEqual([]);
}, 90_000);

test('an assignment without the model disables Propose and says why', async () => {
  const song = createSong({ title: 'By hand only' });
  const fragment = await encodeAssignmentLink(song, { ...openTemplate(song.key), modelAllowed: false }, 'assignment');
  const { page, errors } = await open(`/#${fragment}`);
  await giveName(page);
  await expect.poll(() => page.getByRole('region', { name: 'Assignment' }).innerText()).toMatch(/No model proposals/);
  const propose = page.getByRole('button', { name: 'Propose' });
  expect(await propose.isDisabled()).toBe(true);
  expect(await propose.getAttribute('title')).toMatch(/without the model/);
  expect(ownErrors(errors)).toEqual([]);
});

test('a hand-back link opens the who-wrote-what report marking model notes and student notes', async () => {
  const note = (pitch: number, start: number, by: Note['by']): Note => ({ pitch, start, length: 2, velocity: 96, by });
  let phrase = createPhrase('A', 1, { now: 1 });
  phrase = commitVersion(
    phrase,
    {
      notes: [note(60, 0, 'model'), note(62, 4, 'model'), note(64, 8, 'model')],
      origin: { kind: 'proposed', modelId: 'melody-rnn-v13', temperature: 1, seed: 3 },
    },
    2,
  );
  // The student keeps C4 and E4, moves D4 up to F4, and adds G4.
  phrase = commitVersion(
    phrase,
    {
      notes: [
        note(60, 0, 'model'),
        note(65, 4, 'student-changed-model'),
        note(64, 8, 'model'),
        note(67, 12, 'student'),
      ],
      origin: { kind: 'hand', action: 'toggle note' },
    },
    3,
  );
  const song = createSong({ title: 'Handed back', phrases: [phrase] });
  const fragment = await encodeHandBackLink(song, {
    template: { ...openTemplate(song.key), title: 'Handed back' },
    student: 'Ada',
    handedBackAt: 4,
  });
  const { page, errors } = await open(`/#${fragment}`);
  const report = page.getByRole('region', { name: 'Who wrote what' });
  await report.waitFor();
  await report.getByText('Notes one by one').click();
  const items = () =>
    report
      .getByRole('list', { name: 'Notes of phrase A' })
      .getByRole('listitem')
      .evaluateAll((li) => li.map((l) => l.textContent));
  await expect
    .poll(items)
    .toEqual([
      'C4 step 1: from the model',
      'F4 step 5: from the model, changed by the student',
      'E4 step 9: from the model',
      'G4 step 13: by the student',
    ]);
  expect(await report.innerText()).toMatch(
    /Phrase A: 4 notes — 2 by the student \(1 changed from the model\), 2 from the model\./,
  );
  expect(await page.getByRole('textbox', { name: 'Song title' }).inputValue()).toBe('Handed back - Ada');
  expect(await cell(page, 'F4', 5).getAttribute('data-author')).toBe('student-changed-model');
  expect(await page.getByRole('region', { name: 'Assignment', exact: true }).count()).toBe(0);
  expect(ownErrors(errors)).toEqual([]);
});
