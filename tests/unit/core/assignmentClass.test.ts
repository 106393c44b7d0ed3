import { describe, expect, it } from 'vitest';
import {
  cleanStudentName,
  decodeAssignmentLink,
  encodeAssignmentLink,
  encodeHandBackLink,
  handBackTitle,
  openTemplate,
  type AssignmentTemplate,
  type HandBackInfo,
} from '../../../src/core/assignment';
import {
  admitHandBack,
  classViewCsv,
  csvField,
  describeTemperatures,
  proposalCounts,
  sortClassRows,
  type ClassRow,
} from '../../../src/core/assignmentClass';
import { parseHandBackFile, readHandBack, serializeHandBack } from '../../../src/core/assignmentHandback';
import { commitVersion } from '../../../src/core/history';
import { serializeProject } from '../../../src/core/projectFile';
import { createPhrase, createSong } from '../../../src/core/song';
import type { Note, NoteAuthor, Song } from '../../../src/core/types';

let counter = 0;
const deps = { now: 1_700_000_000_000, newId: () => `id${++counter}` };
const note = (pitch: number, start: number, by: NoteAuthor): Note => ({ pitch, start, length: 2, velocity: 96, by });
const template = (id = 'hw-1', title = 'Question and answer'): AssignmentTemplate => ({
  ...openTemplate({ tonic: 'C', scale: 'major' }),
  id,
  title,
});

/** A student's song: 2 given notes, 3 of their own (one a changed model note), 2 from the model accepted at temperature t. */
function studentSong(t = 0.9): Song {
  let phrase = createPhrase('A', 2, deps);
  phrase = commitVersion(
    phrase,
    {
      notes: [
        note(60, 0, 'given'),
        note(62, 4, 'given'),
        note(64, 8, 'model'),
        note(65, 12, 'model'),
        note(67, 16, 'model'),
      ],
      origin: { kind: 'proposed', temperature: t },
    },
    2,
  );
  phrase = commitVersion(
    phrase,
    {
      notes: [
        note(60, 0, 'given'),
        note(62, 4, 'given'),
        note(64, 8, 'model'),
        note(65, 12, 'model'),
        note(69, 16, 'student-changed-model'),
        note(71, 20, 'student'),
        note(72, 24, 'student'),
      ],
      origin: { kind: 'hand' },
    },
    3,
  );
  return createSong({ title: 'Question and answer', phrases: [phrase] }, deps);
}
const info = (student: string, at: number | null = 1_700_000_100_000, t = template()): HandBackInfo => ({
  template: t,
  student,
  handedBackAt: at,
});

describe('student identity', () => {
  it('keeps a name as plain text: control characters and runs of spaces go, at most 80 characters', () => {
    expect(cleanStudentName('  Ada\u0000\n Lovelace  ')).toBe('Ada Lovelace');
    expect(cleanStudentName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(cleanStudentName('x'.repeat(200))).toHaveLength(80);
  });

  it('a hand-back link carries the student, the time and the assignment’s id; its song opens as "<assignment> - <student>"', async () => {
    const fragment = await encodeHandBackLink(studentSong(), info('Ada'));
    const opened = await decodeAssignmentLink(`#${fragment}`, deps);
    if (!opened.ok || opened.kind !== 'handback') throw new Error('not a hand-back');
    expect(opened.handBack).toEqual(info('Ada'));
    expect(handBackTitle(opened.handBack, opened.song.title)).toBe('Question and answer - Ada');
  });

  it('an assignment link marks every note of the template as given', async () => {
    const song = createSong(
      { phrases: [{ ...createPhrase('A', 1, deps), notes: [note(60, 0, 'student'), note(64, 4, 'model')] }] },
      deps,
    );
    const opened = await decodeAssignmentLink(await encodeAssignmentLink(song, template(), 'assignment'), deps);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.song.phrases[0].notes.map((n) => n.by)).toEqual(['given', 'given']);
    expect(opened.template.id).toBe('hw-1');
  });
});

describe('reading hand-backs', () => {
  it('reads a hand-back file and a hand-back link to the same song and student', async () => {
    const song = studentSong();
    const fromFile = parseHandBackFile(serializeHandBack(song, info('Grace')));
    const fromLink = await readHandBack(
      { kind: 'link', text: `https://example.org/app/#${await encodeHandBackLink(song, info('Grace'))}` },
      deps,
    );
    if (!fromFile.ok || !fromLink.ok) throw new Error('not read');
    expect(fromFile.handBack).toEqual(info('Grace'));
    expect(fromLink.handBack).toEqual(info('Grace'));
    expect(fromLink.song.phrases[0].notes).toEqual(fromFile.song.phrases[0].notes);
  });

  it('says what is wrong with anything else', async () => {
    expect(parseHandBackFile('{"format":"phrasewright-project","schemaVersion":1,"song":{')).toEqual({
      ok: false,
      reason: expect.stringMatching(/not valid JSON/),
    });
    expect(parseHandBackFile(serializeProject(studentSong()))).toEqual({
      ok: false,
      reason: expect.stringMatching(/project file, not a hand-back/),
    });
    const newer = serializeHandBack(studentSong(), info('Ada')).replace('"schemaVersion": 1', '"schemaVersion": 9');
    expect(parseHandBackFile(newer)).toEqual({ ok: false, reason: expect.stringMatching(/newer Phrasewright/) });
    expect(await readHandBack({ kind: 'link', text: 'hello' })).toEqual({
      ok: false,
      reason: 'it is not a Phrasewright hand-back link',
    });
    const assignment = await encodeAssignmentLink(studentSong(), template(), 'assignment');
    expect(await readHandBack({ kind: 'link', text: `#${assignment}` })).toEqual({
      ok: false,
      reason: expect.stringMatching(/assignment link itself/),
    });
    const damaged = (await encodeHandBackLink(studentSong(), info('Ada'))).replace(
      /song=[\w-]{12}/,
      'song=AAAAAAAAAAAA',
    );
    expect((await readHandBack({ kind: 'link', text: `#${damaged}` })).ok).toBe(false);
  });

  it('a link from a newer Phrasewright says so', async () => {
    const fragment = await encodeHandBackLink(studentSong(), info('Ada'));
    const newerToken = Buffer.from(JSON.stringify({ ...template(), v: 2, student: 'Ada' })).toString('base64url');
    const newer = fragment.replace(/handback=[\w-]+/, `handback=${newerToken}`);
    expect(await readHandBack({ kind: 'link', text: `#${newer}` })).toEqual({
      ok: false,
      reason: 'the hand-back link was made by a newer Phrasewright',
    });
  });
});

describe('the class view', () => {
  const read = (student: string, at?: number | null, t?: AssignmentTemplate, temperature?: number) => ({
    ok: true as const,
    song: studentSong(temperature),
    handBack: info(student, at, t),
  });

  function load(entries: [ReturnType<typeof read> | { ok: false; reason: string }, string][]): ClassRow[] {
    const rows: ClassRow[] = [];
    entries.forEach(([r, raw], i) => rows.push(admitHandBack(rows, r, `link ${i + 1}`, raw, `row-${i}`)));
    return rows;
  }

  it('counts a student’s notes by author, the proposals accepted and the temperatures used', () => {
    const [row] = load([[read('Ada'), 'a']]);
    if (!row.ok) throw new Error(row.reason);
    expect(row.stats).toMatchObject({
      student: 'Ada',
      phrases: 1,
      byStudent: 3,
      changedModel: 1,
      byModel: 2,
      given: 2,
      unknown: 0,
      proposalsMade: null,
      proposalsAccepted: 1,
      temperatures: [0.9],
    });
    expect(proposalCounts(studentSong())).toEqual({ made: null, accepted: 1 });
  });

  it('reads the proposals made from the song’s taken-ideas counts (melody kinds: continue, fill, mutate; chords apart)', () => {
    const ideas = {
      continue: { made: 8, auditioned: 2, accepted: 1 },
      fill: { made: 4, auditioned: 1, accepted: 0 },
      chords: { made: 3, auditioned: 0, accepted: 1 },
      mutate: { made: 2, auditioned: 0, accepted: 0 },
    };
    expect(proposalCounts({ ...studentSong(), ideas })).toEqual({ made: 14, accepted: 1 });
    expect(proposalCounts({ ...studentSong(), ideas: {} })).toEqual({ made: 0, accepted: 1 });
  });

  it('refuses another assignment’s hand-back, a duplicate and a damaged one, each with its reason, and keeps the rest', () => {
    const rows = load([
      [read('Ada'), 'a'],
      [read('Grace', undefined, template('hw-2', 'Canon')), 'b'],
      [read('Ada'), 'c'],
      [
        { ok: false, reason: 'the share link is broken: it was cut or changed on the way (it does not decompress)' },
        'd',
      ],
      [read('Linus', 1_700_000_200_000), 'e'],
    ]);
    expect(rows.map((r) => (r.ok ? `ok ${r.stats.student}` : r.reason))).toEqual([
      'ok Ada',
      'This is a hand-back of another assignment ("Canon"), not of "Question and answer".',
      'A duplicate: Ada hand-back is already loaded (link 1).',
      'The share link is broken: it was cut or changed on the way (it does not decompress).',
      'ok Linus',
    ]);
  });

  it('sorts by any column, rows in error last', () => {
    const rows = load([
      [read('Zoe', 3, undefined, 1.2), 'a'],
      [{ ok: false, reason: 'damaged' }, 'x'],
      [read('ada', 1, undefined, 0.5), 'b'],
      [read('Mia', 2, undefined, 0.8), 'c'],
    ]);
    const names = (list: ClassRow[]) => list.map((r) => (r.ok ? r.stats.student : r.source));
    expect(names(sortClassRows(rows, 'student', 'ascending'))).toEqual(['ada', 'link 2', 'Mia', 'Zoe']);
    expect(names(sortClassRows(rows, 'handedBackAt', 'descending'))).toEqual(['Zoe', 'Mia', 'ada', 'link 2']);
    expect(names(sortClassRows(rows, 'temperature', 'ascending'))).toEqual(['ada', 'Mia', 'Zoe', 'link 2']);
    expect(describeTemperatures([0.5, 0.8, 1.2])).toBe('0.5-1.2');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and never lets a name run as a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('writes a header and one line a hand-back, problems included', () => {
    const rows: ClassRow[] = [];
    rows.push(
      admitHandBack(
        rows,
        { ok: true, song: studentSong(), handBack: info('Lovelace, Ada', Date.UTC(2026, 0, 5, 9, 30)) },
        'link 1',
        'a',
        'r1',
      ),
    );
    rows.push(admitHandBack(rows, { ok: false, reason: 'the file is empty' }, 'empty.json', 'b', 'r2'));
    const lines = classViewCsv(rows).split('\r\n');
    expect(lines[0]).toBe(
      'Student,Handed back at,Phrases,Notes by the student,of which changed from the model,of which changed from the given notes,Notes from the model,Given notes,Imported notes,Notes of unknown author,Proposals made,Proposals accepted,Temperature used,Problem',
    );
    expect(lines[1]).toBe('"Lovelace, Ada",2026-01-05T09:30:00.000Z,1,3,1,0,2,2,0,0,,1,0.9,');
    expect(lines[2]).toBe('empty.json,,,,,,,,,,,,,The file is empty.');
    expect(lines[3]).toBe('');
  });
});
