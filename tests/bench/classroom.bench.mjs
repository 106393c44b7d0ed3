// The class view: thirty hand-back links (typical 16-bar songs with their history and authors, each a
// different student) pasted into "Add hand-backs" and loaded into the table, from the click on Add to the
// painted frame that shows all thirty rows.
import { tsImport } from 'tsx/esm/api';
import { figure, median } from './lib.mjs';
import { openBenchPage } from './largeSong.mjs';

const STUDENTS = 30;
const RUNS = 3;
const AUTHORS = ['given', 'student', 'model', 'student-changed-model', 'student-changed-given'];
const load = (path) => tsImport(path, import.meta.url);

async function handBackLinks(url) {
  const assignment = await load('../../src/core/assignment.ts');
  const fixtures = await load('../fixtures/songFixtures.ts');
  const template = {
    ...assignment.openTemplate({ tonic: 'C', scale: 'major' }),
    id: 'bench-class',
    title: 'Bench assignment',
  };
  const links = [];
  for (let i = 0; i < STUDENTS; i++) {
    const song = fixtures.typicalSong(i + 1);
    const authored = {
      ...song,
      phrases: song.phrases.map((p) => ({
        ...p,
        notes: p.notes.map((n, j) => ({ ...n, by: AUTHORS[(i + j) % AUTHORS.length] })),
      })),
    };
    const fragment = await assignment.encodeHandBackLink(authored, {
      template,
      student: `Student ${i + 1}`,
      handedBackAt: 1_700_000_000_000 + i * 60_000,
    });
    links.push(`${url}#${fragment}`);
  }
  return links;
}

async function loadTime(page, text) {
  return page.evaluate(
    async ({ text, expected }) => {
      const view = document.querySelector('[aria-label="Class view"]');
      const field = view.querySelector('textarea');
      // The textarea is React-controlled: set its value the way typing would.
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const add = [...view.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add');
      const t0 = performance.now();
      add.click();
      await new Promise((resolve) => {
        const check = () =>
          view.querySelectorAll('tbody tr').length >= expected ? resolve() : requestAnimationFrame(check);
        check();
      });
      // The frame that paints the rows.
      await new Promise((r) => requestAnimationFrame(() => r()));
      const ms = performance.now() - t0;
      const problems = view.querySelectorAll('tbody tr[data-problem]').length;
      [...view.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Clear').click();
      return { ms, problems };
    },
    { text, expected: STUDENTS },
  );
}

export async function benchClassroom({ browser, url }) {
  const links = await handBackLinks(url);
  const chars = Math.round(links.reduce((n, l) => n + l.length, 0) / links.length);
  const { context, page } = await openBenchPage(browser, url);
  // The class view lives in the Classroom side panel.
  const { openPanel } = await load('../e2e/panels.ts');
  await openPanel(page, 'Classroom');
  await page.getByRole('region', { name: 'Class view' }).waitFor();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { ms, problems } = await loadTime(page, links.join('\n'));
    if (problems) throw new Error(`${problems} of the bench hand-backs were refused`);
    times.push(ms);
  }
  await context.close();
  return [
    figure({
      name: `class view, ${STUDENTS} hand-back links loaded (click Add to rows painted)`,
      value: Math.round(median(times)),
      unit: 'ms',
      target: 2000,
      note: `median of ${RUNS}: ${times.map(Math.round).join(', ')} ms; typical 16-bar songs with history, ${chars} characters a link`,
    }),
  ];
}
