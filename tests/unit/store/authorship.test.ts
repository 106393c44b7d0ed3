import { describe, expect, it } from 'vitest';
import { authorOf, markGiven } from '../../../src/core/authorship';
import { createPhrase, createSong } from '../../../src/core/song';
import { makeApp } from './fakes';
import { FakeModelClient } from './proposalsFakes';

// Authorship through the store's real edit, accept and undo paths.

function setup() {
  const model = new FakeModelClient();
  const app = makeApp({
    proposals: {
      model: () => model,
      fetchIndex: async () => ({
        checkpoints: [{ id: 'melody-rnn-v1', name: 'Melody', kind: 'melody', path: 'checkpoints/melody-rnn-v1' }],
      }),
    },
  });
  const authors = () => app.phrase().notes.map((n) => `${n.pitch}@${n.start}:${authorOf(n)}`);
  return { ...app, authors };
}

async function openGivenSong(app: ReturnType<typeof setup>) {
  const phrase = {
    ...createPhrase('A', 1, { now: 1, newId: () => 'given-a' }),
    notes: [
      { pitch: 60, start: 0, length: 2, velocity: 96 },
      { pitch: 64, start: 4, length: 2, velocity: 96 },
    ],
  };
  await app.actions.addSong(
    markGiven(createSong({ title: 'Template', phrases: [phrase] }, { now: 1, newId: () => 'template' })),
  );
}

describe('authorship in the store', () => {
  it('given notes changed by the student become "changed by the student"; undo gives them back as given', async () => {
    const app = setup();
    await openGivenSong(app);
    expect(app.authors()).toEqual(['60@0:given', '64@4:given']);
    app.actions.toggleNote(67, 4); // re-pitch the second given note
    app.actions.toggleNote(72, 8); // a new note
    app.actions.moveNote(0, 2, 62); // drag the first given note
    expect(app.authors()).toEqual(['62@2:student-changed-given', '67@4:student-changed-given', '72@8:student']);
    app.actions.undo();
    expect(app.authors()).toEqual(['60@0:given', '67@4:student-changed-given', '72@8:student']);
    app.actions.undo();
    app.actions.undo();
    expect(app.authors()).toEqual(['60@0:given', '64@4:given']);
    app.actions.redo();
    expect(app.authors()).toEqual(['60@0:given', '67@4:student-changed-given']);
  });

  it('accepted proposals are the model’s; a model note the student changes becomes "student-changed-model"; undo restores both', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.toggleNote(60, 0); // the student's opening
    app.clock.advance(10_000);
    await app.actions.propose();
    const candidate = app.state().proposals.candidates[0];
    app.actions.acceptCandidate(candidate.id);
    const afterAccept = app.authors();
    expect(afterAccept.filter((a) => a.endsWith(':model')).length).toBe(
      app.phrase().notes.filter((n) => n.start !== 0 || n.pitch !== 60).length,
    );
    expect(afterAccept.every((a) => a.endsWith(':model') || a === '60@0:student')).toBe(true);
    const modelNote = app.phrase().notes.find((n) => n.by === 'model')!;
    app.actions.setNoteLength(modelNote.start, modelNote.length - 1);
    expect(app.phrase().notes.find((n) => n.start === modelNote.start)?.by).toBe('student-changed-model');
    app.actions.undo();
    expect(app.authors()).toEqual(afterAccept);
    app.actions.undo();
    expect(app.authors()).toEqual(['60@0:student']);
  });

  it('a mutated candidate accepted over the phrase is the model’s too', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    await app.actions.propose();
    const parent = app.state().proposals.candidates[0];
    app.actions.setProposalSettings({ mutation: 'transpose-up' } as never);
    await app.actions.mutateCandidate(parent.id);
    const child = app.state().proposals.candidates.find((c) => c.kind === 'mutated');
    expect(child).toBeDefined();
    app.actions.acceptCandidate(child!.id);
    expect(app.phrase().notes.length).toBeGreaterThan(0);
    expect(app.phrase().notes.every((n) => n.by === 'model')).toBe(true);
  });
});
