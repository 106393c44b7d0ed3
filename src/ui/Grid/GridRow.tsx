import { memo } from 'react';
import { parseGridLabels } from '../Theory/gridLabels';
import { CELL_END, CELL_ON, CELL_START, cellFlags } from './gridModel';

export type RowTone = 'tonic' | 'scale' | 'off';

export interface GridRowProps {
  pitch: number;
  /** "C4", "F#5": the row head and the start of every cell's name. */
  name: string;
  /** This row's notes as "start:length,..." (see rowSignatures); the memo compares this string. */
  signature: string;
  steps: number;
  stepsPerBeat: number;
  stepsPerBar: number;
  tone: RowTone;
  /** Step of the cell that holds the roving tabindex, or -1 when it is in another row. */
  focusStep: number;
  /** Theory overlay labels of this row's notes (see gridLabelSignatures); absent when the overlay is off. */
  theory?: string;
  /** The previewed candidate's notes in this row, as a signature like `signature` ('' for none). */
  ghost: string;
  /** The selected steps as "start-end" (end exclusive), '' for none; the same string for every row. */
  selection: string;
  /** Who wrote this row's notes as "start:author,..." while "Who wrote what" is open; absent otherwise. */
  authors?: string;
}

/** The authors of a row's notes by start step, from GridRowProps.authors. */
function parseAuthors(authors: string | undefined): Map<number, string> {
  const map = new Map<number, string>();
  for (const part of authors ? authors.split(',') : []) {
    const [start, author] = part.split(':');
    map.set(Number(start), author);
  }
  return map;
}

/**
 * One pitch row: a row head and one cell per sixteenth. Pointer and key handling live on the grid (event
 * delegation through data-step), so a cell is a plain element and a row re-renders only when its props change:
 * switching the previewed candidate re-renders only the rows whose ghost notes change.
 */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const {
    pitch,
    name,
    signature,
    steps,
    stepsPerBeat,
    stepsPerBar,
    tone,
    focusStep,
    theory,
    ghost,
    selection,
    authors,
  } = props;
  const flags = cellFlags(signature, steps);
  const ghosts = ghost ? cellFlags(ghost, steps) : null;
  const [selStart, selEnd] = selection ? selection.split('-').map(Number) : [0, 0];
  const labels = parseGridLabels(theory);
  const authorAt = parseAuthors(authors);
  let noteAuthor: string | undefined;
  const isC = name.startsWith('C') && !name.startsWith('C#');
  const cells = new Array(steps);
  for (let s = 0; s < steps; s++) {
    const f = flags[s];
    let cls = 'cell';
    if (s % stepsPerBar === 0) cls += ' bar-start';
    else if (s % stepsPerBeat === 0) cls += ' beat-start';
    if (f & CELL_ON) cls += ' on';
    if (f & CELL_START) cls += ' note-start';
    if (f & CELL_END) cls += ' note-end';
    const label = f & CELL_START ? labels.get(s) : undefined;
    if (f & CELL_START) noteAuthor = authorAt.get(s);
    else if (!(f & CELL_ON)) noteAuthor = undefined;
    if (label?.tone) cls += label.tone === 'chord' ? ' chord-tone' : ' non-chord-tone';
    const g = ghosts ? ghosts[s] : 0;
    if (g & CELL_START) cls += ' ghost-start';
    if (g & CELL_END) cls += ' ghost-end';
    cells[s] = (
      <div
        key={s}
        role="gridcell"
        className={cls}
        data-step={s}
        aria-label={`${name} step ${s + 1}`}
        aria-selected={(f & CELL_ON) !== 0}
        tabIndex={s === focusStep ? 0 : -1}
        data-label={label?.text || undefined}
        data-author={f & CELL_ON ? noteAuthor : undefined}
        data-proposed={g & CELL_ON ? 'true' : undefined}
        data-in-selection={s >= selStart && s < selEnd ? 'true' : undefined}
      />
    );
  }
  return (
    <div role="row" className={`grid-row tone-${tone}${isC ? ' octave-c' : ''}`} data-pitch={pitch}>
      <div role="rowheader" className="row-head">
        {name}
      </div>
      {cells}
    </div>
  );
});
