import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/model/types';
import { songForPlayback, HARMONY_AUDITION_ID } from '../../../src/store/proposals/audition';
import { makeApp } from './fakes';
import { FakeModelClient } from './proposalsFakes';

const INDEX = {
  checkpoints: [
    { id: 'melody', name: 'Melody', kind: 'melody', path: 'checkpoints/melody' },
    { id: 'chords', name: 'Chords', kind: 'chord', path: 'checkpoints/chords' },
  ],
};

async function setup(bars = 4) {
  const model = new FakeModelClient();
  const app = makeApp({ proposals: { model: () => model, fetchIndex: async () => INDEX, random: () => 0.5 } });
  await app.actions.loadCheckpointIndex();
  app.actions.setBars(bars);
  // One note a beat: C4 D4 E4 F4 | G4 ... so every bar holds notes.
  for (let step = 0; step < bars * 16; step += 4) app.actions.toggleNote(60 + ((step / 4) % 8), step);
  const proposals = () => app.state().proposals;
  const ideas = () => app.state().song.ideas ?? {};
  return { ...app, model, proposals, ideas };
}

describe('Fill selection', () => {
  it('asks for the span with what comes before as primer and up to two bars after it as what follows', async () => {
    const app = await setup(4);
    app.actions.setProposalSettings({ candidates: 3, fillOversample: 5 });
    await app.actions.fillSelection({ start: 16, end: 32 });
    const request = app.model.fillRequests[0];
    expect(request).toMatchObject({ candidates: 3, oversample: 5, steps: 16 });
    expect(request.primer?.steps).toBe(16);
    expect(request.primer?.notes.map((n) => n.start)).toEqual([0, 4, 8, 12]);
    expect(request.after?.steps).toBe(32);
    expect(request.after?.notes.map((n) => n.start)).toEqual([0, 4, 8, 12, 16, 20, 24, 28]);
    expect(request.ending).toBeUndefined();
  });

  it('gives candidates for the span only, like proposed ones, and Accept changes only the span (one undo step)', async () => {
    const app = await setup(4);
    await app.actions.fillSelection({ start: 16, end: 32 });
    const candidates = app.proposals().candidates;
    expect(candidates).toHaveLength(4);
    const outside = (notes: ReturnType<typeof app.notes>) => notes.filter((n) => n.start < 16 || n.start >= 32);
    for (const c of candidates) {
      expect(c.idea).toBe('fill');
      expect(c.phraseId).toBe(app.phrase().id);
      expect(c.span).toEqual({ start: 16, end: 32 });
      // Notes relative to the span's start, inside it: ghost notes, audition and Accept place them.
      expect(c.notes.every((n) => n.start >= 0 && n.start + n.length <= 16)).toBe(true);
      expect(c.fit).toBeDefined();
      expect(c.sureLabel).toBeDefined();
    }
    expect(app.proposals().previewId).toBe(candidates[0].id);
    app.actions.toggleNote(72, 60); // an edit after the fill, outside its span, stays
    const edited = app.notes();
    // The span holds the musician's notes: Accept asks first, and writes on "overwrite".
    expect(app.actions.acceptCandidate(candidates[1].id)).toMatchObject({ ok: false, overwrites: 4 });
    expect(app.notes()).toEqual(edited);
    expect(app.actions.acceptCandidate(candidates[1].id, 'replace', { overwrite: true })).toEqual({ ok: true });
    const after = app.notes();
    expect(outside(after)).toEqual(outside(edited));
    const inside = after.filter((n) => n.start >= 16 && n.start < 32).map((n) => [n.pitch, n.start - 16, n.length]);
    expect(inside).toEqual(candidates[1].notes.map((n) => [n.pitch, n.start, n.length]));
    expect(app.phrase().origin.constraints).toMatchObject({ span: 'steps 17-32' });
    expect(app.ideas().fill).toEqual({ made: 4, auditioned: 0, accepted: 1 });
    app.actions.undo();
    expect(app.notes()).toEqual(edited);
    // Undo takes the notes back, not the count of taken ideas.
    expect(app.ideas().fill).toEqual({ made: 4, auditioned: 0, accepted: 1 });
  });

  it('fills the grid’s selection when no span is given, and says to select steps when there is none', async () => {
    const app = await setup(4);
    const song = app.state().song;
    await app.actions.fillSelection();
    expect(app.model.fillRequests).toHaveLength(0);
    expect(app.state().notices.some((n) => n.kind === 'error' && /Select the steps to fill/.test(n.message))).toBe(
      true,
    );
    expect(app.state().song).toBe(song);
    app.actions.setSelection({ start: 32, end: 48 });
    await app.actions.fillSelection();
    expect(app.model.fillRequests[0]).toMatchObject({ steps: 16 });
    expect(app.model.fillRequests[0].primer?.steps).toBe(32);
    expect(app.proposals().candidates.every((c) => c.span.start === 32 && c.span.end === 48)).toBe(true);
  });

  it('with nothing after the span fills as a plain continuation, says so, and ends like a phrase', async () => {
    const app = await setup(2);
    await app.actions.fillSelection({ start: 16, end: 32 });
    const request = app.model.fillRequests[0];
    expect(request.after).toBeNull();
    expect(request.ending?.cadence).toEqual({ start: 8, pitchClasses: [0] }); // the song's last phrase: the tonic
    expect(app.state().notices.find((n) => n.id === 'fill-plain')?.message).toMatch(/nothing follows/i);
  });

  it('hears the next section after a span that ends the phrase', async () => {
    const app = await setup(2);
    const next = app.actions.addPhrase();
    app.actions.addSection(next);
    app.actions.selectPhrase(next);
    app.actions.toggleNote(67, 0);
    app.actions.selectPhrase(app.state().song.phrases[0].id);
    await app.actions.fillSelection({ start: 16, end: 32 });
    expect(app.model.fillRequests[0].after?.notes).toEqual([expect.objectContaining({ pitch: 67, start: 0 })]);
  });

  it('refuses a span outside the phrase with an alert and leaves the song alone', async () => {
    const app = await setup(2);
    const song = app.state().song;
    await app.actions.fillSelection({ start: 20, end: 40 });
    expect(app.model.fillRequests).toHaveLength(0);
    expect(app.state().notices.some((n) => n.kind === 'error' && /inside the phrase/.test(n.message))).toBe(true);
    expect(app.state().song).toBe(song);
  });

  it('a failing model is an alert and the song is unchanged', async () => {
    const app = await setup(2);
    const song = app.state().song;
    app.model.failNext = new ModelError('boom', 'internal');
    await app.actions.fillSelection({ start: 0, end: 16 });
    expect(app.state().notices.find((n) => n.id === 'proposal-failed')?.message).toMatch(/could not fill/);
    expect(app.state().song.phrases).toBe(song.phrases);
    expect(app.proposals().activity.kind).toBe('idle');
  });
});

describe('Suggest chords', () => {
  it('suggests a chord per bar from the chord model, shows two more per bar, and writes them on Accept as one undo step', async () => {
    const app = await setup(4);
    await app.actions.suggestChords();
    const request = app.model.harmonizeRequests[0];
    expect(request).toMatchObject({
      steps: 64,
      slotSteps: 16,
      barSteps: 16,
      tonic: 0,
      family: 'major',
      checkpointUrl: 'checkpoints/chords',
    });
    expect(request.vocabulary.slice(0, 7)).toEqual(['C', 'Dm', 'Em', 'F', 'G', 'Am', 'Bdim']);
    const suggestion = app.proposals().harmony!;
    expect(suggestion.phrases[0].slots.map((s) => s.start)).toEqual([0, 16, 32, 48]);
    expect(suggestion.phrases[0].slots.every((s) => s.alternatives.length === 2)).toBe(true);
    expect(app.phrase().chords).toBeUndefined(); // nothing written yet
    app.actions.chooseSuggestedChord(app.phrase().id, 16, suggestion.phrases[0].slots[1].alternatives[0]);
    app.actions.acceptSuggestedChords();
    expect(app.phrase().chords?.map((c) => c.start)).toEqual([0, 16, 32, 48]);
    expect(app.phrase().chords?.[1].symbol).toBe(suggestion.phrases[0].slots[1].alternatives[0]);
    expect(app.proposals().harmony).toBeNull();
    expect(app.ideas().chords).toEqual({ made: 1, auditioned: 0, accepted: 1 });
    app.actions.undo();
    expect(app.phrase().chords).toBeUndefined();
  });

  it('per half bar when asked, and for every phrase of the song', async () => {
    const app = await setup(2);
    const other = app.actions.addPhrase();
    app.actions.selectPhrase(other);
    app.actions.toggleNote(64, 0);
    app.actions.setProposalSettings({ chordsPer: 'halfBar', harmonizeScope: 'song' });
    await app.actions.suggestChords();
    expect(app.model.harmonizeRequests.map((r) => r.slotSteps)).toEqual([8, 8]);
    app.actions.acceptSuggestedChords();
    expect(app.state().song.phrases.every((p) => (p.chords?.length ?? 0) > 0)).toBe(true);
    app.actions.undo();
    expect(app.state().song.phrases.every((p) => !p.chords)).toBe(true);
  });

  it('cannot harmonize a phrase with no notes, and says why', async () => {
    const model = new FakeModelClient();
    const app = makeApp({ proposals: { model: () => model, fetchIndex: async () => INDEX } });
    await app.actions.loadCheckpointIndex();
    expect(app.actions.harmonizeBlockedReason()).toMatch(/no notes/);
    await app.actions.suggestChords();
    expect(model.harmonizeRequests).toHaveLength(0);
    expect(app.state().notices.some((n) => n.kind === 'error' && /no notes/.test(n.message))).toBe(true);
  });

  it('works in minor keys, and falls back to chromatic triads (with a notice) for a scale it does not cover', async () => {
    const app = await setup(2);
    app.actions.setKey('A');
    app.actions.setScale('minor');
    await app.actions.suggestChords();
    expect(app.model.harmonizeRequests[0]).toMatchObject({ tonic: 9, family: 'minor' });
    expect(app.model.harmonizeRequests[0].vocabulary).toEqual(expect.arrayContaining(['Am', 'Dm', 'E', 'E7', 'G']));
    app.actions.setScale('chromatic');
    await app.actions.suggestChords();
    expect(app.model.harmonizeRequests[1].vocabulary).toHaveLength(24);
    expect(app.state().notices.some((n) => n.id === 'harmonize-vocabulary')).toBe(true);
    expect(app.proposals().harmony?.covered).toBe(false);
  });

  it('auditions the phrase over the suggested chords, counted once', async () => {
    const app = await setup(2);
    await app.actions.suggestChords();
    await app.actions.auditionSuggestedChords();
    expect(app.proposals().auditioningId).toBe(HARMONY_AUDITION_ID);
    const heard = songForPlayback(app.state()).phrases.at(-1)!;
    expect(heard.chords?.map((c) => c.symbol)).toEqual(app.proposals().harmony!.phrases[0].slots.map((s) => s.chosen));
    await app.actions.auditionSuggestedChords(); // stops
    await app.actions.auditionSuggestedChords();
    expect(app.ideas().chords).toMatchObject({ made: 1, auditioned: 1 });
  });
});

describe('Melody for these chords and how sure the model is', () => {
  it('asks the chord model over the phrase chords, and refuses without chords', async () => {
    const app = await setup(2);
    await app.actions.melodyForChords();
    expect(app.model.requests).toHaveLength(0);
    expect(app.state().notices.some((n) => /no chords yet/.test(n.message))).toBe(true);
    app.actions.setPhraseChords([
      { start: 0, symbol: 'C' },
      { start: 16, symbol: 'G' },
    ]);
    await app.actions.melodyForChords();
    expect(app.model.requests[0]).toMatchObject({
      checkpointUrl: 'checkpoints/chords',
      chords: [
        { start: 0, symbol: 'C' },
        { start: 16, symbol: 'G' },
      ],
    });
    expect(app.proposals().candidates.every((c) => c.idea === 'continue')).toBe(true);
  });

  it('labels each candidate by where its figure falls in the batch, and sorts by it', async () => {
    const app = await setup(2);
    app.actions.setProposalSettings({ candidates: 6 });
    await app.actions.propose();
    const list = app.proposals().candidates;
    // The fake's figures fall with the candidate number: the first are the safest.
    expect(list.map((c) => c.sureLabel)).toEqual(['safe', 'safe', 'typical', 'typical', 'adventurous', 'adventurous']);
    expect(app.ideas().continue).toMatchObject({ made: 6 });
    // Sorted most adventurous first, ] steps through them in that order.
    app.actions.setProposalSettings({ candidateOrder: 'adventurous' });
    app.actions.previewCandidate(null);
    app.actions.stepPreview(1);
    expect(app.proposals().previewId).toBe(list[5].id);
    app.actions.stepPreview(1);
    expect(app.proposals().previewId).toBe(list[4].id);
  });

  it('counts auditions once per candidate and mutations as their own kind', async () => {
    const app = await setup(2);
    await app.actions.propose();
    const [first] = app.proposals().candidates;
    await app.actions.auditionCandidate(first.id);
    await app.actions.auditionCandidate(first.id);
    await app.actions.auditionCandidate(first.id);
    expect(app.ideas().continue).toMatchObject({ auditioned: 1 });
    app.actions.setProposalSettings({ mutation: 'invert' });
    await app.actions.mutateCandidate(first.id);
    const mutated = app.proposals().candidates.find((c) => c.kind === 'mutated')!;
    expect(mutated.idea).toBe('mutate');
    expect(mutated.meanLogProb).toBe(-1.5); // scored by the model after the fact
    app.actions.acceptCandidate(mutated.id);
    expect(app.ideas().mutate).toEqual({ made: 1, auditioned: 0, accepted: 1 });
  });
});
