/**
 * The three annotation files of a POP909 song folder, parsed from text: `beat_midi.txt` (one beat a line:
 * seconds, then two flags, the second being 1 on a downbeat), `chord_midi.txt` (start, end, Harte label)
 * and `key_audio.txt` (start, end, key such as `Gb:maj`). A file that does not parse throws
 * AnnotationError naming the file and line, so the song is skipped with that reason.
 */
import type { BeatGrid } from './beatGrid';
import { ChordLabelError, readHarteChord, rootPitchClass, type ReadChord } from './harteChords';

export class AnnotationError extends Error {}

/** Non-empty lines split on whitespace, with 1-based line numbers. */
function rows(text: string): { line: number; cells: string[] }[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, cells: l.trim().split(/\s+/) }))
    .filter((r) => r.cells[0] !== '');
}

function seconds(cell: string | undefined, file: string, line: number): number {
  const n = Number(cell);
  if (cell === undefined || !Number.isFinite(n) || n < 0)
    throw new AnnotationError(`${file} line ${line}: "${cell ?? ''}" is not a time in seconds`);
  return n;
}

/** Beats and downbeats; needs increasing times and at least two downbeats (one whole bar). */
export function parseBeats(text: string, file = 'beat_midi.txt'): BeatGrid {
  const times: number[] = [];
  const downbeats: number[] = [];
  for (const { line, cells } of rows(text)) {
    if (cells.length < 3) throw new AnnotationError(`${file} line ${line}: expected a time and two flags`);
    const t = seconds(cells[0], file, line);
    if (times.length > 0 && t <= times[times.length - 1])
      throw new AnnotationError(`${file} line ${line}: beat times must increase`);
    const flag = Number(cells[2]);
    if (flag !== 0 && flag !== 1) throw new AnnotationError(`${file} line ${line}: the downbeat flag must be 0 or 1`);
    if (flag === 1) downbeats.push(times.length);
    times.push(t);
  }
  if (downbeats.length < 2) throw new AnnotationError(`${file}: fewer than two downbeats, so no bar lines`);
  return { times, downbeats };
}

export interface ChordSpan {
  start: number;
  end: number;
  /** The label as written. */
  label: string;
  /** The chord it was read as (harteChords.ts). */
  read: ReadChord;
}

/** Chord spans in seconds with their labels as written and as read. */
export function parseChords(text: string, file = 'chord_midi.txt'): ChordSpan[] {
  return rows(text).map(({ line, cells }) => {
    if (cells.length < 3) throw new AnnotationError(`${file} line ${line}: expected start, end and a chord label`);
    const start = seconds(cells[0], file, line);
    const end = seconds(cells[1], file, line);
    if (end < start) throw new AnnotationError(`${file} line ${line}: the chord ends before it starts`);
    const label = cells.slice(2).join('');
    try {
      return { start, end, label, read: readHarteChord(label) };
    } catch (e) {
      if (e instanceof ChordLabelError) throw new AnnotationError(`${file} line ${line}: ${e.message}`);
      throw e;
    }
  });
}

export interface KeySpan {
  start: number;
  end: number;
  /** Pitch class of the tonic, 0 = C. */
  tonic: number;
  mode: 'major' | 'minor';
}

/** Key regions in seconds. */
export function parseKeys(text: string, file = 'key_audio.txt'): KeySpan[] {
  const keys = rows(text).map(({ line, cells }) => {
    if (cells.length < 3) throw new AnnotationError(`${file} line ${line}: expected start, end and a key`);
    const start = seconds(cells[0], file, line);
    const end = seconds(cells[1], file, line);
    const m = /^([A-G][#b]?):(maj|min)$/.exec(cells[2]);
    const tonic = m ? rootPitchClass(m[1]) : null;
    if (!m || tonic === null)
      throw new AnnotationError(`${file} line ${line}: "${cells[2]}" is not a key like Gb:maj or E:min`);
    return { start, end, tonic, mode: m[2] === 'maj' ? ('major' as const) : ('minor' as const) };
  });
  if (keys.length === 0) throw new AnnotationError(`${file}: no key`);
  return keys;
}
