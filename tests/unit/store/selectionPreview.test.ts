import { describe, expect, it } from 'vitest';
import { AUDITION_PHRASE_ID, songForPlayback } from '../../../src/store/proposals/audition';
import { previewedCandidate, selectedSpan } from '../../../src/store/selectors';
import { makeApp } from './fakes';
import { FakeModelClient } from './proposalsFakes';

function setup() {
  const model = new FakeModelClient();
  const app = makeApp({
    proposals: {
      model: () => model,
      fetchIndex: async () => ({ checkpoints: [{ id: 'm', name: 'M', kind: 'melody', path: 'checkpoints/m' }] }),
      random: () => 0.5,
    },
  });
  return { ...app, model, proposals: () => app.state().proposals };
}

const note = (pitch: number, start: number, length = 1) => ({ pitch, start, length, velocity: 96 });

describe('the selection', () => {
  it('is a span of steps of the phrase in the grid, clipped to it, end exclusive', () => {
    const app = setup();
    expect(selectedSpan(app.state())).toBeNull();
    app.actions.setSelection({ start: 4, end: 12 });
    expect(selectedSpan(app.state())).toEqual({ start: 4, end: 12 });
    // Backwards (a drag to the left) and past the end are put right: the default phrase has 32 steps.
    app.actions.setSelection({ start: 40, end: 20 });
    expect(selectedSpan(app.state())).toEqual({ start: 20, end: 32 });
    app.actions.setSelection({ start: -3, end: 2 });
    expect(selectedSpan(app.state())).toEqual({ start: 0, end: 2 });
    app.actions.setSelection({ start: 40, end: 50 }); // nothing of it inside: no selection
    expect(selectedSpan(app.state())).toBeNull();
  });

  it('is clipped when the phrase gets shorter and dropped when another phrase is shown', () => {
    const app = setup();
    app.actions.setSelection({ start: 8, end: 32 });
    app.actions.setBars(1);
    expect(selectedSpan(app.state())).toEqual({ start: 8, end: 16 });
    app.actions.undo(); // the phrase is long again; the selection stays as clipped
    expect(selectedSpan(app.state())).toEqual({ start: 8, end: 16 });
    const first = app.state().editor.currentPhraseId;
    app.actions.addPhrase();
    expect(selectedSpan(app.state())).toBeNull();
    app.actions.selectPhrase(first);
    expect(selectedSpan(app.state())).toBeNull();
  });

  it('setting the same span again changes nothing (no re-render)', () => {
    const app = setup();
    app.actions.setSelection({ start: 1, end: 3 });
    const before = app.state();
    app.actions.setSelection({ start: 1, end: 3 });
    expect(app.state()).toBe(before);
  });
});

describe('Propose with a selection and without', () => {
  it('with a selection, writes only inside it; the notes outside stay and the ones before are heard', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setBars(4);
    for (const [pitch, step] of [
      [60, 0],
      [64, 4],
      [67, 8],
      [72, 20],
      [71, 36],
      [69, 52],
    ])
      app.actions.toggleNote(pitch, step);
    const written = app.notes();
    app.actions.setSelection({ start: 16, end: 32 });
    await app.actions.propose();
    const request = app.model.requests[0];
    expect(request.steps).toBe(16);
    expect(request.primer?.notes).toEqual([note(60, 0), note(64, 4), note(67, 8)]);
    expect(request.primer?.steps).toBe(16);
    const chosen = app.proposals().candidates[0];
    expect(chosen.span).toEqual({ start: 16, end: 32 });
    // The written note inside the selection (72 at step 20) is replaced: Accept says so first.
    const refused = app.actions.acceptCandidate(chosen.id);
    expect(refused).toMatchObject({ ok: false, overwrites: 1 });
    expect(!refused.ok && refused.reason).toMatch(/replaces 1 note you wrote in steps 17-32/);
    expect(app.notes()).toEqual(written);
    expect(app.actions.acceptCandidate(chosen.id, 'replace', { overwrite: true })).toEqual({ ok: true });
    const now = app.notes();
    expect(now.filter((n) => n.start < 16 || n.start >= 32)).toEqual(
      written.filter((n) => n.start < 16 || n.start >= 32),
    );
    expect(now.filter((n) => n.start >= 16 && n.start < 32)).toEqual(
      chosen.notes.map((n) => ({ ...n, start: n.start + 16 })),
    );
  });

  it('a full 8-bar phrase without a selection is refused with the reason, and nothing is asked of the model', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setBars(8);
    app.actions.toggleNote(60, 127);
    await app.actions.propose();
    expect(app.model.requests).toHaveLength(0);
    expect(app.state().notices.find((n) => n.id === 'proposal-failed')?.message).toMatch(
      /phrase is full.*select the steps/,
    );
  });
});

describe('the previewed candidate', () => {
  it('is the first candidate after Propose; ] and [ step through the list, wrapping', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setProposalSettings({ candidates: 3 });
    await app.actions.propose();
    const ids = app.proposals().candidates.map((c) => c.id);
    expect(app.proposals().previewId).toBe(ids[0]);
    expect(previewedCandidate(app.state())?.id).toBe(ids[0]);
    app.actions.stepPreview(1);
    expect(app.proposals().previewId).toBe(ids[1]);
    app.actions.stepPreview(1);
    app.actions.stepPreview(1);
    expect(app.proposals().previewId).toBe(ids[0]);
    app.actions.stepPreview(-1);
    expect(app.proposals().previewId).toBe(ids[2]);
    app.actions.previewCandidate(null);
    expect(previewedCandidate(app.state())).toBeUndefined();
    app.actions.stepPreview(-1); // from none, the last
    expect(app.proposals().previewId).toBe(ids[2]);
    app.actions.previewCandidate('no-such-candidate');
    expect(app.proposals().previewId).toBeNull();
  });

  it('moves to the next candidate when the previewed one is discarded, and ends when one is accepted', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.setProposalSettings({ candidates: 3 });
    await app.actions.propose();
    const [a, b, c] = app.proposals().candidates.map((x) => x.id);
    app.actions.previewCandidate(c);
    app.actions.discardCandidate(c); // the last: the one before it
    expect(app.proposals().previewId).toBe(b);
    app.actions.discardCandidate(a); // not the previewed one: unchanged
    expect(app.proposals().previewId).toBe(b);
    app.actions.acceptCandidate(b);
    expect(app.proposals().previewId).toBeNull();
    expect(app.proposals().candidates.map((x) => x.id)).toEqual([b]); // the list stays for another go
    app.actions.discardCandidate(b);
    expect(app.proposals().previewId).toBeNull();
  });

  it('survives song edits; accepting writes into the phrase it was made for even when another is shown', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    await app.actions.propose();
    const made = app.proposals().candidates[0];
    app.actions.toggleNote(83, 31);
    expect(app.proposals().previewId).toBe(made.id);
    const phraseA = app.state().editor.currentPhraseId;
    app.actions.addPhrase();
    expect(app.actions.acceptCandidate(made.id, 'replace', { overwrite: true })).toEqual({ ok: true });
    const a = app.state().song.phrases.find((p) => p.id === phraseA)!;
    expect(a.notes.filter((n) => n.start < 31)).toEqual(
      made.notes.filter((n) => n.start < 31).map((n) => ({ ...n, by: 'model' })),
    );
    expect(app.notes()).toEqual([]); // the phrase in the grid is untouched
  });

  it('an audition follows the preview: the next candidate is heard in place without a restart', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    app.actions.toggleNote(60, 0);
    await app.actions.propose();
    const [a, b] = app.proposals().candidates;
    await app.actions.auditionCandidate(a.id);
    const plays = app.engine.played.length;
    app.actions.stepPreview(1);
    expect(app.proposals()).toMatchObject({ previewId: b.id, auditioningId: b.id });
    expect(app.engine.played.length).toBe(plays);
    // Heard in context: the musician's note, then the candidate after it.
    const heard = songForPlayback(app.state()).phrases.find((p) => p.id === AUDITION_PHRASE_ID)!;
    expect(heard.notes).toEqual([
      { ...note(60, 0), by: 'student' },
      ...b.notes.map((n) => ({ ...n, start: n.start + 1, by: 'model' })),
    ]);
    app.actions.previewCandidate(null);
    expect(app.proposals().auditioningId).toBeNull();
    expect(app.engine.playing).toBe(false);
  });

  it('Mutate while the model is writing is refused in plain words and nothing is lost', async () => {
    const app = setup();
    await app.actions.loadCheckpointIndex();
    await app.actions.propose();
    const parent = app.proposals().candidates[0];
    const running = app.actions.propose(); // a second request is now running
    await app.actions.mutateCandidate(parent.id);
    expect(app.state().notices.find((n) => n.id === 'model-busy')?.message).toMatch(
      /still working: press Mutate again/,
    );
    await running;
    expect(app.proposals().candidates).toHaveLength(4);
  });
});
