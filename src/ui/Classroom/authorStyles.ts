import { useSyncExternalStore } from 'react';
import { AUTHOR_LABELS, REPORT_AUTHORS, type AuthorOrUnknown } from '../../core/authorship';

/**
 * How each author is drawn, the same on the grid, the piano-roll picture, the staff and the legend: a colour
 * AND a pattern (and on the staff a letter), so the picture reads in greyscale, in print and without colour
 * vision. Colours are picked to stay apart for the common colour-vision deficiencies (Okabe-Ito palette).
 */
export interface AuthorStyle {
  author: AuthorOrUnknown;
  label: string;
  /** Short mark written under a note on the staff. */
  letter: string;
  colour: string;
  pattern: 'solid' | 'dots' | 'stripes' | 'cross' | 'bars' | 'waves' | 'hollow';
}

export const AUTHOR_STYLES: Record<AuthorOrUnknown, AuthorStyle> = {
  given: { author: 'given', label: AUTHOR_LABELS.given, letter: 'G', colour: '#0072b2', pattern: 'dots' },
  'student-changed-given': {
    author: 'student-changed-given',
    label: AUTHOR_LABELS['student-changed-given'],
    letter: 'SG',
    colour: '#56b4e9',
    pattern: 'cross',
  },
  student: { author: 'student', label: AUTHOR_LABELS.student, letter: 'S', colour: '#e69f00', pattern: 'solid' },
  'student-changed-model': {
    author: 'student-changed-model',
    label: AUTHOR_LABELS['student-changed-model'],
    letter: 'SM',
    colour: '#cc79a7',
    pattern: 'stripes',
  },
  model: { author: 'model', label: AUTHOR_LABELS.model, letter: 'M', colour: '#009e73', pattern: 'bars' },
  imported: { author: 'imported', label: AUTHOR_LABELS.imported, letter: 'I', colour: '#d55e00', pattern: 'waves' },
  unknown: { author: 'unknown', label: AUTHOR_LABELS.unknown, letter: '?', colour: '#8a8f99', pattern: 'hollow' },
};

export const AUTHOR_ORDER = REPORT_AUTHORS;

/** The id of an author's SVG fill pattern (see AuthorPatterns). */
export const patternId = (author: AuthorOrUnknown) => `author-pattern-${author}`;

/**
 * Whether the step grid shows who wrote each note (on while the "Who wrote what" report is open). A
 * module-level observable like the theory settings: view state, not song data.
 */
let shown = false;
const listeners = new Set<() => void>();
export const authorView = {
  get: () => shown,
  set(on: boolean): void {
    if (on === shown) return;
    shown = on;
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useAuthorView(): boolean {
  return useSyncExternalStore(authorView.subscribe, authorView.get, authorView.get);
}
