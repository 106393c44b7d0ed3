import { expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { GridRow } from '../../../../src/ui/Grid/GridRow';

function render(signature: string, focusStep = -1, ghost = '', selection = '') {
  const html = renderToStaticMarkup(
    <GridRow
      pitch={66}
      name="F#4"
      signature={signature}
      steps={8}
      stepsPerBeat={4}
      stepsPerBar={16}
      tone="scale"
      focusStep={focusStep}
      ghost={ghost}
      selection={selection}
    />,
  );
  const cells = [...html.matchAll(/<div role="gridcell"([^>]*)>/g)].map((m) => m[1]);
  return { html, cells };
}

test('a row is a role=row with a row header and one named cell per step', () => {
  const { html, cells } = render('');
  expect(html).toMatch(/^<div role="row"/);
  expect(html).toContain('<div role="rowheader" class="row-head">F#4</div>');
  expect(cells).toHaveLength(8);
  expect(cells[0]).toContain('aria-label="F#4 step 1"');
  expect(cells[7]).toContain('aria-label="F#4 step 8"');
});

test('cells where a note sounds are aria-selected, the others not', () => {
  const { cells } = render('2:3');
  expect(cells.map((c) => /aria-selected="true"/.test(c))).toEqual([
    false,
    false,
    true,
    true,
    true,
    false,
    false,
    false,
  ]);
});

test('only the focused cell is in the tab order (roving tabindex)', () => {
  const { cells } = render('', 5);
  expect(cells.map((c) => /tabindex="0"/.test(c))).toEqual([false, false, false, false, false, true, false, false]);
  expect(render('').cells.some((c) => /tabindex="0"/.test(c))).toBe(false);
});

test('beat starts are marked for the beat lines', () => {
  const { cells } = render('');
  expect(cells[0]).toContain('bar-start');
  expect(cells[4]).toContain('beat-start');
  expect(cells[1]).not.toContain('beat-start');
});

test('ghost notes mark their cells data-proposed, written notes keep aria-selected', () => {
  const { cells } = render('0:2', -1, '1:3');
  expect(cells.map((c) => /data-proposed="true"/.test(c))).toEqual([
    false,
    true,
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
  expect(cells.map((c) => /aria-selected="true"/.test(c))).toEqual([
    true,
    true,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
  expect(cells[1]).toContain('ghost-start');
  expect(cells[3]).toContain('ghost-end');
});

test('cells inside the selected steps carry data-in-selection', () => {
  const { cells } = render('', -1, '', '2-5');
  expect(cells.map((c) => /data-in-selection="true"/.test(c))).toEqual([
    false,
    false,
    true,
    true,
    true,
    false,
    false,
    false,
  ]);
});
