import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/model/types';
import { AUDITION_PHRASE_ID, songForPlayback } from '../../../src/store/proposals/audition';
import { makeApp } from './fakes';
import { FakeModelClient } from './proposalsFakes';

function setup(
  index: unknown = {
    checkpoints: [{ id: 'melody-rnn-v1', name: 'Melody', kind: 'melody', path: 'checkpoints/melody-rnn-v1' }],
  },
) {
  const model = new FakeModelClient();
  let r = 0.25;
  const app = makeApp({
    proposals: { model: () => model, fetchIndex: async () => index, random: () => (r = (r * 9301 + 0.49297) % 1) },
  });
  const proposals = () => app.state().proposals;
  return { ...app, model, proposals };
}

describe('proposals slice', () => {
  it('lists the checkpoints of the index, and Propose uses the melody model of the song’s style', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    expect(app.proposals().checkpoints.map((c) => c.id)).toEqual(['melody-rnn-v1']);
    expect(app.proposals().settings.checkpointUrl).toBe(''); // no typed URL: the style decides
    await app.actions.propose();
    expect(app.model.loads).toEqual(['checkpoints/melody-rnn-v1']);
  });

  it('an unreadable index is an empty list, and Propose asks for a URL', async () => {
    const app = setup('<html>');
    await app.actions.loadCheckpointIndex();
    expect(app.proposals().checkpoints).toEqual([]);
    await app.actions.propose();
    expect(app.state().notices.find((n) => n.id === 'model-failed')?.message).toMatch(/type a checkpoint URL/);
    expect(app.model.loads).toEqual([]);
  });

  it('Propose loads the model on first use and gives the asked number of candidates', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setProposalSettings({ candidates: 6, bars: 2 });
    await app.actions.propose();
    expect(app.model.loads).toEqual(['checkpoints/melody-rnn-v1']);
    expect(app.proposals().candidates).toHaveLength(6);
    expect(app.proposals().candidates.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(app.model.requests[0]).toMatchObject({ candidates: 6, steps: 32 });
    expect(app.proposals().model.kind).toBe('ready');
    expect(app.proposals().activity.kind).toBe('idle');
    // The candidates and the end of "generating" arrive in one state change (one render).
    const seen: string[] = [];
    const off = app.store.subscribe((s, p) => {
      if (s.proposals.candidates !== p.proposals.candidates) seen.push(s.proposals.activity.kind);
    });
    await app.actions.propose();
    off();
    expect(seen).toEqual(['idle']);
    expect(app.model.loads).toHaveLength(1); // loaded once
  });

  it('clamps the settings to what the model accepts (1-8 candidates, 1-4 bars)', () => {
    const app = setup();
    app.actions.setProposalSettings({ candidates: 20, bars: 9, temperature: -1 });
    expect(app.proposals().settings).toMatchObject({ candidates: 8, bars: 4, temperature: 0 });
    app.actions.setProposalSettings({ candidates: 0, bars: 0 });
    expect(app.proposals().settings).toMatchObject({ candidates: 1, bars: 1 });
  });

  it('with the scale lock the request allows only the key’s pitch classes', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setKey('D');
    await app.actions.propose();
    expect(app.model.requests[0].scalePitchClasses?.slice().sort((a, b) => a - b)).toEqual([1, 2, 4, 6, 7, 9, 11]);
    app.actions.setProposalSettings({ scaleLock: false });
    await app.actions.propose();
    expect(app.model.requests[1].scalePitchClasses).toBeUndefined();
  });

  it('the same seed with "keep seed" gives the same candidates; otherwise the seed moves on', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setProposalSettings({ seed: 1234, keepSeed: true });
    await app.actions.propose();
    const first = app.proposals().candidates.map((c) => c.notes);
    await app.actions.propose();
    expect(app.proposals().candidates.map((c) => c.notes)).toEqual(first);
    expect(app.proposals().candidates[0].seed).toBe(1234);
    app.actions.setProposalSettings({ keepSeed: false });
    await app.actions.propose();
    expect(app.proposals().settings.seed).not.toBe(1234);
  });

  it('keeps the musician’s notes and silences: the model hears them and writes after the last one', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.toggleNote(64, 0);
    app.actions.setNoteLength(0, 3);
    app.actions.toggleNote(67, 20); // bar 2, after a rest
    app.actions.setProposalSettings({ primer: 'own', bars: 2 });
    await app.actions.propose();
    const request = app.model.requests[0];
    // Heard: the phrase up to its last note, rest included; written: from there to the end of bar 3.
    expect(request.primer).toEqual({
      notes: [
        { pitch: 64, start: 0, length: 3, velocity: 96 },
        { pitch: 67, start: 20, length: 1, velocity: 96 },
      ],
      steps: 21,
    });
    expect(request.steps).toBe(48 - 21);
    expect(request.lockedNotes).toEqual([]);
    for (const c of app.proposals().candidates) expect(c.span).toEqual({ start: 21, end: 48 });
    // Accepting writes after the written notes and leaves them as they were.
    const chosen = app.proposals().candidates[0];
    expect(app.actions.acceptCandidate(chosen.id)).toEqual({ ok: true });
    expect(app.notes().slice(0, 2)).toEqual([
      { pitch: 64, start: 0, length: 3, velocity: 96 },
      { pitch: 67, start: 20, length: 1, velocity: 96 },
    ]);
    expect(app.notes().slice(2)).toEqual(chosen.notes.map((n) => ({ ...n, start: n.start + 21 })));
    expect(app.phrase().bars).toBe(3);
  });

  it('accepting a proposal writes its span and records its origin in the history', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.toggleNote(60, 8);
    app.clock.advance(10_000);
    app.actions.setProposalSettings({ seed: 77, temperature: 0.8, keepSeed: true });
    await app.actions.propose();
    const candidate = app.proposals().candidates[1];
    // Two bars asked, after a note ending at step 9: to the bar line nearest two bars on (end of bar 3).
    expect(candidate.span).toEqual({ start: 9, end: 48 });
    app.actions.acceptCandidate(candidate.id);
    expect(app.notes()).toEqual([
      { pitch: 60, start: 8, length: 1, velocity: 96 },
      ...candidate.notes.map((n) => ({ ...n, start: n.start + 9 })),
    ]);
    expect(app.phrase().origin).toMatchObject({
      kind: 'proposed',
      modelId: 'melody-rnn-v1',
      temperature: 0.8,
      seed: 77,
    });
    expect(app.phrase().origin.constraints).toMatchObject({ scaleLock: true });
    expect(app.phrase().history.at(-1)?.notes).toEqual([
      { pitch: 60, start: 8, length: 1, velocity: 96, by: 'student' },
    ]);
    app.actions.undo();
    expect(app.notes()).toEqual([{ pitch: 60, start: 8, length: 1, velocity: 96 }]);
  });

  it('appends after the last written bar when there is room, growing the phrase', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.toggleNote(60, 0);
    app.actions.setProposalSettings({ bars: 2 });
    await app.actions.propose();
    const candidate = app.proposals().candidates[0];
    expect(app.actions.canAppend(candidate.id)).toBe(true);
    app.actions.acceptCandidate(candidate.id, 'append');
    expect(app.phrase().bars).toBe(3);
    expect(app.notes()[0]).toEqual({ pitch: 60, start: 0, length: 1, velocity: 96 });
    expect(app.notes().slice(1)).toEqual(candidate.notes.map((n) => ({ ...n, start: n.start + 16 })));
    app.actions.setBars(8);
    app.actions.toggleNote(60, 7 * 16);
    expect(app.actions.canAppend(candidate.id)).toBe(false);
  });

  it('Mutate (resample) makes a new candidate after its parent over the same span, hearing the same context', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.toggleNote(62, 0);
    app.actions.setProposalSettings({ primer: 'own', candidates: 2, mutation: 'resample', mutateShare: 0.5 });
    await app.actions.propose();
    const [parent] = app.proposals().candidates;
    await app.actions.mutateCandidate(parent.id);
    const list = app.proposals().candidates;
    expect(list).toHaveLength(3);
    const child = list[1];
    expect(child).toMatchObject({
      kind: 'mutated',
      parentId: parent.id,
      number: 3,
      span: parent.span,
      phraseId: parent.phraseId,
    });
    expect(app.proposals().activity.kind).toBe('idle');
    expect(app.proposals().previewId).toBe(child.id); // what Mutate made is shown at once
    const request = app.model.requests.at(-1)!;
    expect(request.candidates).toBe(1);
    expect(request.primer).toEqual(app.model.requests[0].primer);
    // The kept share is locked: every locked note is a note of the parent, and some are rewritten.
    for (const n of request.lockedNotes!) expect(parent.notes).toContainEqual(n);
    expect(request.lockedNotes!.length).toBeLessThan(parent.notes.length);
  });

  it('musical variations need no model: octave up moves every note by 12', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    await app.actions.propose();
    const parent = app.proposals().candidates[0];
    const requests = app.model.requests.length;
    app.actions.setProposalSettings({ mutation: 'octave-up' });
    await app.actions.mutateCandidate(parent.id);
    const child = app.proposals().candidates[1];
    expect(child.notes.map((n) => n.pitch)).toEqual(parent.notes.map((n) => n.pitch + 12));
    expect(app.model.requests).toHaveLength(requests);
    app.actions.acceptCandidate(child.id);
    expect(app.phrase().origin).toMatchObject({ kind: 'mutated', action: 'octave up of candidate 1' });
  });

  it('Discard removes one candidate', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    await app.actions.propose();
    const [a, b] = app.proposals().candidates;
    app.actions.discardCandidate(a.id);
    expect(app.proposals().candidates[0].id).toBe(b.id);
    expect(app.proposals().candidates).toHaveLength(3);
  });

  it('a checkpoint that fails to load gives an error notice naming the cause, and the song is untouched', async () => {
    const app = setup();
    app.model.broken.set('nowhere/model', new ModelError('config.json: HTTP 404', 'missing-file'));
    app.actions.toggleNote(60, 0);
    const song = app.state().song;
    app.actions.setProposalSettings({ checkpointUrl: 'nowhere/model' });
    await app.actions.propose();
    const notice = app.state().notices.find((n) => n.id === 'model-failed');
    expect(notice?.kind).toBe('error');
    expect(notice?.message).toMatch(/not found/);
    expect(notice?.message).toMatch(/HTTP 404/);
    expect(app.state().song).toBe(song);
    expect(app.proposals().candidates).toEqual([]);
    expect(app.proposals().activity.kind).toBe('idle');
    // A good URL afterwards works and clears the alert.
    app.actions.setProposalSettings({ checkpointUrl: 'checkpoints/melody-rnn-v1' });
    await app.actions.propose();
    expect(app.state().notices.find((n) => n.id === 'model-failed')).toBeUndefined();
    expect(app.proposals().candidates.length).toBeGreaterThan(0);
  });

  it('with a chord model the phrase’s chords condition the request (the tonic triad when it has none)', async () => {
    const app = setup();
    app.model.kind = 'chord';
    await app.actions.loadCheckpointIndex();
    await app.actions.propose();
    expect(app.model.requests[0].chords).toEqual([{ start: 0, symbol: 'C' }]);
    app.actions.acceptCandidate(app.proposals().candidates[0].id);
    expect(app.phrase().chords).toEqual([{ start: 0, symbol: 'C' }]); // kept, so it sounds as it was written
    app.actions.undo();
    app.actions.setPhraseChords([
      { start: 16, symbol: 'G' },
      { start: 0, symbol: 'Am' },
    ]);
    expect(app.phrase().chords).toEqual([
      { start: 0, symbol: 'Am' },
      { start: 16, symbol: 'G' },
    ]);
    await app.actions.propose();
    expect(app.model.requests[1].chords).toEqual([
      { start: 0, symbol: 'Am' },
      { start: 16, symbol: 'G' },
    ]);
    expect(app.proposals().candidates[0].chords).toHaveLength(2);
    // Over a selection of bar 2, the chords of that bar, from its start.
    app.actions.setSelection({ start: 16, end: 32 });
    await app.actions.propose();
    expect(app.model.requests[2].chords).toEqual([{ start: 0, symbol: 'G' }]);
  });

  it('primes with the previous phrase of the song when there is one', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    // Only one phrase: no primer.
    await app.actions.propose();
    expect(app.model.requests[0].primer).toBeNull();
  });

  it('Audition plays the candidate in context; the engine hears it as an extra phrase with the song’s chords', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setPhraseChords([{ start: 0, symbol: 'F' }]);
    await app.actions.propose();
    const c = app.proposals().candidates[2];
    await app.actions.auditionCandidate(c.id);
    expect(app.engine.played.at(-1)).toEqual({ kind: 'phrase', phraseId: AUDITION_PHRASE_ID });
    expect(app.proposals().auditioningId).toBe(c.id);
    const heard = songForPlayback(app.state()).phrases.find((p) => p.id === AUDITION_PHRASE_ID);
    expect(heard?.notes).toEqual(c.notes.map((n) => ({ ...n, by: 'model' })));
    expect(heard?.chords).toEqual([{ start: 0, symbol: 'F' }]);
    expect(songForPlayback(app.state()).tempo).toBe(app.state().song.tempo);
    // The saved song never holds the audition phrase.
    expect(app.state().song.phrases.some((p) => p.id === AUDITION_PHRASE_ID)).toBe(false);
    await app.actions.auditionCandidate(c.id); // again: stop
    expect(app.engine.playing).toBe(false);
    expect(app.proposals().auditioningId).toBeNull();
    expect(songForPlayback(app.state())).toBe(app.state().song);
  });

  it('restoring a version brings back its notes and keeps the model version in history', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.toggleNote(60, 0);
    app.clock.advance(10_000);
    await app.actions.propose();
    app.actions.acceptCandidate(app.proposals().candidates[0].id);
    const proposed = app.notes();
    const handIndex = app.phrase().history.findIndex((v) => v.origin.kind === 'hand');
    app.actions.restorePhraseVersion(handIndex);
    expect(app.notes()).toEqual([{ pitch: 60, start: 0, length: 1, velocity: 96 }]);
    expect(app.phrase().origin.kind).toBe('restored');
    expect(app.phrase().history.at(-1)).toMatchObject({ notes: proposed, origin: { kind: 'proposed' } });
  });
});
