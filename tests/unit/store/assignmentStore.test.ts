import { describe, expect, it } from 'vitest';
import { encodeAssignmentLink, encodeHandBackLink, openTemplate } from '../../../src/core/assignment';
import { parseHandBackFile, readHandBack, serializeHandBack } from '../../../src/core/assignmentHandback';
import { createPhrase, createSong } from '../../../src/core/song';
import { createAssignmentStore } from '../../../src/store/assignmentStore';
import { createClassViewStore } from '../../../src/store/classViewStore';
import { makeApp } from './fakes';

const template = {
  ...openTemplate({ tonic: 'D', scale: 'dorian' as const }),
  lockKey: true,
  lockScale: true,
  bars: 4,
  temperature: { min: 0.5, max: 0.9 },
};

describe('assignments in the store', () => {
  it('an opened assignment holds its locks against later changes', async () => {
    const app = makeApp();
    await app.actions.init();
    const assignments = createAssignmentStore(app);
    const fragment = await encodeAssignmentLink(createSong({ title: 'Homework' }), template, 'assignment');
    expect(await assignments.actions.openLink(`#${fragment}`)).toBe(true);
    expect(app.state().song.title).toBe('Homework');
    expect(assignments.actions.active()).toEqual(template);
    expect(app.state().song.key).toEqual({ tonic: 'D', scale: 'dorian' });
    expect(app.phrase().bars).toBe(4);
    expect(app.state().proposals.settings.temperature).toBe(0.9);

    app.actions.setKey('E');
    app.actions.setBars(2);
    app.actions.setProposalSettings({ temperature: 0.1 });
    expect(app.state().song.key.tonic).toBe('D');
    expect(app.phrase().bars).toBe(4);
    expect(app.state().proposals.settings.temperature).toBe(0.5);
    assignments.actions.dispose();
  });

  it('a hand-back opens the report and locks nothing; a plain share link is left to the share-link code', async () => {
    const app = makeApp();
    await app.actions.init();
    const assignments = createAssignmentStore(app);
    const fragment = await encodeAssignmentLink(createSong({ title: 'Done' }), template, 'handback');
    expect(await assignments.actions.openLink(`#${fragment}`)).toBe(true);
    expect(assignments.getState().reportOpen).toBe(true);
    expect(assignments.actions.active()).toBeNull();
    app.actions.setKey('E');
    expect(app.state().song.key.tonic).toBe('E');
    expect(await assignments.actions.openLink('#song=abc')).toBe(false);
  });
});

describe('students and hand-backs', () => {
  it('the student’s name is kept with that song only, and the hand-back carries it with the time and the assignment', async () => {
    const app = makeApp();
    await app.actions.init();
    const assignments = createAssignmentStore(app, { now: () => 1_700_000_000_000 });
    const teacherSong = createSong({ title: 'Call and response' });
    const fragment = await encodeAssignmentLink(
      teacherSong,
      { ...template, id: 'hw-7', title: 'Call and response' },
      'assignment',
    );
    await assignments.actions.openLink(`#${fragment}`);
    expect(assignments.actions.studentName()).toBe('');
    assignments.actions.setStudentName('  Ada   Lovelace ');
    expect(assignments.actions.studentName()).toBe('Ada Lovelace');
    app.actions.toggleNote(62, 0);
    const out = await assignments.actions.handBack();
    expect(out.fileName).toBe('Call and response - Ada Lovelace.phrasewright.json');
    const fromFile = parseHandBackFile(out.fileText);
    const fromLink = await readHandBack({ kind: 'link', text: `#${out.fragment}` });
    for (const read of [fromFile, fromLink]) {
      if (!read.ok) throw new Error(read.reason);
      expect(read.handBack).toMatchObject({
        student: 'Ada Lovelace',
        handedBackAt: 1_700_000_000_000,
        template: { id: 'hw-7', title: 'Call and response' },
      });
      expect(read.song.phrases[0].notes).toEqual([{ pitch: 62, start: 0, length: 1, velocity: 96, by: 'student' }]);
    }
    await app.actions.newSong();
    expect(assignments.actions.studentName()).toBe('');
    assignments.actions.dispose();
  });

  it('opening a hand-back makes a song titled "<assignment> - <student>" with the report open', async () => {
    const app = makeApp();
    await app.actions.init();
    const assignments = createAssignmentStore(app);
    const fragment = await encodeHandBackLink(createSong({ title: 'Homework' }), {
      template: { ...template, id: 'hw', title: 'Homework' },
      student: 'Grace',
      handedBackAt: 5,
    });
    await assignments.actions.openLink(`#${fragment}`);
    expect(app.state().song.title).toBe('Homework - Grace');
    expect(assignments.getState().reportOpen).toBe(true);
    expect(assignments.getState().handBacks[app.state().song.id]?.student).toBe('Grace');
    assignments.actions.dispose();
  });
});

describe('first visit by link', () => {
  it('init with the linked song shows exactly that song: no "Untitled song" beside it', async () => {
    const app = makeApp();
    await app.actions.init({ opening: createSong({ title: 'From a link' }) });
    expect(app.state().song.title).toBe('From a link');
    expect(app.state().library.songs.map((s) => s.title)).toEqual(['From a link']);
  });
});

describe('the class view', () => {
  async function handBackOf(student: string, at: number, id = 'hw', notes = 1) {
    const phrase = {
      ...createPhrase('A', 1),
      notes: Array.from({ length: notes }, (_, i) => ({
        pitch: 60 + i,
        start: i * 2,
        length: 1,
        velocity: 96,
        by: 'student' as const,
      })),
    };
    const song = createSong({ title: 'Homework', phrases: [phrase] });
    return `https://teacher.example/#${await encodeHandBackLink(song, { template: { ...template, id, title: id }, student, handedBackAt: at })}`;
  }

  it('loads pasted links in order: good rows for each student, a reason for each bad one', async () => {
    const app = makeApp();
    await app.actions.init();
    const view = createClassViewStore(createAssignmentStore(app));
    const ada = await handBackOf('Ada', 1, 'hw', 3);
    await view.actions.addLinks(
      [ada, await handBackOf('Grace', 2, 'hw', 5), '', 'not a link', ada, await handBackOf('Linus', 3, 'other')].join(
        '\n',
      ),
    );
    const rows = view.getState().rows;
    expect(rows.map((r) => (r.ok ? `${r.stats.student} ${r.stats.byStudent}` : `${r.source}: ${r.reason}`))).toEqual([
      'Ada 3',
      'Grace 5',
      'link 3: It is not a Phrasewright hand-back link.',
      'link 4: A duplicate: Ada hand-back is already loaded (link 1).',
      'link 5: This is a hand-back of another assignment ("other"), not of "hw".',
    ]);
    view.actions.sortBy('byStudent');
    view.actions.sortBy('byStudent');
    expect(
      view.actions
        .sorted()
        .map((r) => (r.ok ? r.stats.student : r.source))
        .slice(0, 2),
    ).toEqual(['Grace', 'Ada']);
    expect(view.actions.csv().split('\r\n')[1]).toMatch(/^Grace,/);
    await view.actions.open(rows[1].id);
    expect(app.state().song.title).toBe('hw - Grace');
  });

  it('a damaged file makes a row that says so; the other files still load', async () => {
    const app = makeApp();
    await app.actions.init();
    const view = createClassViewStore(createAssignmentStore(app));
    const song = createSong({ title: 'Homework' });
    const good = serializeHandBack(song, {
      template: { ...template, id: 'hw', title: 'Homework' },
      student: 'Ada',
      handedBackAt: 1,
    });
    await view.actions.addFiles([
      { name: 'ada.phrasewright.json', text: good },
      { name: 'broken.phrasewright.json', text: good.slice(0, 200) },
    ]);
    const rows = view.getState().rows;
    expect(rows[0].ok).toBe(true);
    expect(rows[1]).toMatchObject({
      ok: false,
      source: 'broken.phrasewright.json',
      reason: expect.stringMatching(/not valid JSON/),
    });
  });
});
