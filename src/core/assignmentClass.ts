import type { HandBackInfo } from './assignment';
import type { HandBackRead } from './assignmentHandback';
import { countAuthors, studentTotal } from './authorship';
import { ideaCount } from './ideas';
import type { Song } from './types';

/**
 * The class view's data: one row a hand-back, with what the teacher compares across a class (who, when,
 * how many phrases, whose notes, how much the model was asked and taken, how hot), and the judgement of
 * each new hand-back against those already loaded (another assignment, a duplicate). Pure, so the table,
 * the CSV and the bench all read the same numbers.
 */

/** Proposals asked for and taken, for the class view's column. */
export interface ProposalCounts {
  /** Melody proposals the model made for the student (continue, fill, mutate), or null for a song that keeps no counts. */
  made: number | null;
  /** Proposals (and model mutations) accepted into a phrase. */
  accepted: number;
}

/** The kinds of idea that write notes (chord suggestions are counted apart: they leave no phrase version). */
const MELODY_IDEAS = ['continue', 'fill', 'mutate'] as const;

/**
 * Proposals made and accepted in a song. Accepted ones are the model versions in the phrases' histories
 * (each accept makes one, so songs from before the counts existed are counted too). Made ones are the
 * song's own "taken ideas" counts of melody proposals (ideas.ts); a song without counts (older, or never
 * asked the model) gives null, and the class view shows a dash.
 */
export function proposalCounts(song: Pick<Song, 'phrases' | 'ideas'>): ProposalCounts {
  let accepted = 0;
  for (const p of song.phrases)
    for (const v of [...p.history, p]) if (v.origin.kind === 'proposed' || v.origin.kind === 'mutated') accepted += 1;
  const made = song.ideas ? MELODY_IDEAS.reduce((sum, kind) => sum + ideaCount(song, kind).made, 0) : null;
  return { made, accepted };
}

/** Temperatures the accepted proposals used, lowest first, each once. */
export function temperaturesUsed(song: Pick<Song, 'phrases'>): number[] {
  const used = new Set<number>();
  for (const p of song.phrases) {
    for (const v of [...p.history, p]) {
      const t = v.origin.temperature;
      if ((v.origin.kind === 'proposed' || v.origin.kind === 'mutated') && typeof t === 'number')
        used.add(Math.round(t * 100) / 100);
    }
  }
  return [...used].sort((a, b) => a - b);
}

/** What one row of the class view shows about a student's song. */
export interface ClassStats {
  student: string;
  handedBackAt: number | null;
  phrases: number;
  /** Notes the student wrote, changed model and given notes included. */
  byStudent: number;
  /** Of those, notes changed from the model's and from the given ones. */
  changedModel: number;
  changedGiven: number;
  byModel: number;
  given: number;
  imported: number;
  unknown: number;
  proposalsMade: number | null;
  proposalsAccepted: number;
  temperatures: number[];
}

/** The row figures of one student's song. */
export function classStats(song: Song, info: HandBackInfo): ClassStats {
  const counts = countAuthors(song.phrases.flatMap((p) => p.notes));
  const proposals = proposalCounts(song);
  return {
    student: info.student,
    handedBackAt: info.handedBackAt,
    phrases: song.phrases.length,
    byStudent: studentTotal(counts),
    changedModel: counts['student-changed-model'],
    changedGiven: counts['student-changed-given'],
    byModel: counts.model,
    given: counts.given,
    imported: counts.imported,
    unknown: counts.unknown,
    proposalsMade: proposals.made,
    proposalsAccepted: proposals.accepted,
    temperatures: temperaturesUsed(song),
  };
}

/** One row of the class view: a loaded hand-back, or what is wrong with one that could not be loaded. */
export type ClassRow =
  | { id: string; source: string; ok: true; song: Song; handBack: HandBackInfo; stats: ClassStats; key: string }
  | { id: string; source: string; ok: false; reason: string; student?: string };

/** The assignment the class view is about: the one the first loaded hand-back answers. */
export function classAssignment(rows: readonly ClassRow[]): HandBackInfo['template'] | null {
  for (const r of rows) if (r.ok) return r.handBack.template;
  return null;
}

/** What makes two hand-backs the same: the assignment, the student and the time (or the whole input). */
function handBackKey(info: HandBackInfo, raw: string): string {
  if (info.student && info.handedBackAt !== null)
    return `${info.template.id ?? ''}|${info.student.toLowerCase()}|${info.handedBackAt}`;
  return `raw|${raw.trim()}`;
}

/**
 * The row a newly read hand-back makes among `rows`: refused (with the reason) when it could not be read,
 * when it answers another assignment than the one the class view is about, or when the same hand-back is
 * already loaded; otherwise a row with its figures.
 */
export function admitHandBack(
  rows: readonly ClassRow[],
  read: HandBackRead,
  source: string,
  raw: string,
  id: string,
): ClassRow {
  if (!read.ok) return { id, source, ok: false, reason: sentence(read.reason) };
  const { handBack, song } = read;
  const student = handBack.student;
  const assignment = classAssignment(rows);
  if (assignment?.id && handBack.template.id && assignment.id !== handBack.template.id) {
    const theirs = handBack.template.title ? ` ("${handBack.template.title}")` : '';
    return {
      id,
      source,
      ok: false,
      student,
      reason: `This is a hand-back of another assignment${theirs}, not of "${assignment.title ?? 'this one'}".`,
    };
  }
  const key = handBackKey(handBack, raw);
  const twin = rows.find((r) => r.ok && r.key === key);
  if (twin && twin.ok) {
    return {
      id,
      source,
      ok: false,
      student,
      reason: `A duplicate: ${twin.stats.student || 'this'} hand-back is already loaded (${twin.source}).`,
    };
  }
  return { id, source, ok: true, song, handBack, stats: classStats(song, handBack), key };
}

function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The columns the class view sorts by. */
export type ClassColumn =
  | 'student'
  | 'handedBackAt'
  | 'phrases'
  | 'byStudent'
  | 'byModel'
  | 'given'
  | 'proposalsMade'
  | 'proposalsAccepted'
  | 'temperature';

function sortValue(row: ClassRow, column: ClassColumn): string | number | null {
  if (!row.ok) return column === 'student' ? (row.student || row.source).toLowerCase() : null;
  const s = row.stats;
  if (column === 'student') return s.student.toLowerCase();
  if (column === 'temperature') return s.temperatures.length ? s.temperatures[s.temperatures.length - 1] : null;
  return s[column];
}

/** The rows sorted by `column`; rows without a value (and rows in error) go last either way. Stable. */
export function sortClassRows(
  rows: readonly ClassRow[],
  column: ClassColumn,
  direction: 'ascending' | 'descending',
): ClassRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, column) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order =
        typeof a.value === 'string' ? a.value.localeCompare(String(b.value)) : a.value - (b.value as number);
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((x) => x.row);
}

/** "0.8-1.2", "1", or "" when no proposal was taken. */
export function describeTemperatures(temperatures: readonly number[]): string {
  if (temperatures.length === 0) return '';
  const lo = temperatures[0];
  const hi = temperatures[temperatures.length - 1];
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A text
 * starting with = + - @ (or a tab / carriage return) gets a leading apostrophe, so a spreadsheet shows
 * it as text and never runs it as a formula.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = [
  'Student',
  'Handed back at',
  'Phrases',
  'Notes by the student',
  'of which changed from the model',
  'of which changed from the given notes',
  'Notes from the model',
  'Given notes',
  'Imported notes',
  'Notes of unknown author',
  'Proposals made',
  'Proposals accepted',
  'Temperature used',
  'Problem',
] as const;

/** The class view as CSV text (CRLF line ends, a header row, one row a hand-back, problems included). */
export function classViewCsv(rows: readonly ClassRow[]): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    if (!r.ok) {
      lines.push(
        [r.student || r.source, '', '', '', '', '', '', '', '', '', '', '', '', r.reason]
          .map((v) => csvField(v))
          .join(','),
      );
      continue;
    }
    const s = r.stats;
    lines.push(
      [
        s.student,
        s.handedBackAt === null ? '' : new Date(s.handedBackAt).toISOString(),
        s.phrases,
        s.byStudent,
        s.changedModel,
        s.changedGiven,
        s.byModel,
        s.given,
        s.imported,
        s.unknown,
        s.proposalsMade,
        s.proposalsAccepted,
        describeTemperatures(s.temperatures),
        '',
      ]
        .map((v) => csvField(v))
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
