import { describe, expect, it } from 'vitest';
import { scalePitchClasses } from '../../../src/core/scale';
import type { Note } from '../../../src/core/types';
import { createVaeStore } from '../../../src/store/proposals/vaeStore';
import { AUDITION_PHRASE_ID, PATH_AUDITION_ID, songForPlayback } from '../../../src/store/proposals/audition';
import { makeApp } from './fakes';
import { InProcessVaeClient } from './vaeFakes';

const tune = (offset = 0, bars = 2): Note[] =>
  Array.from({ length: bars * 4 }, (_, i) => ({
    pitch: [60, 62, 64, 65, 67, 69, 71, 72][(i + offset) % 8],
    start: i * 4,
    length: 4,
    velocity: 90,
  }));

function setup() {
  const client = new InProcessVaeClient();
  let r = 0.3;
  const app = makeApp({ proposals: { random: () => (r = (r * 9301 + 0.49297) % 1) } });
  const vae = createVaeStore({ app, client, random: () => 0.5 });
  const alerts = () =>
    app
      .state()
      .notices.filter((n) => n.kind === 'error')
      .map((n) => n.message);
  const write = (phraseId: string, notes: Note[], bars = 2) =>
    app.store.setState({
      song: {
        ...app.state().song,
        phrases: app.state().song.phrases.map((p) => (p.id === phraseId ? { ...p, notes, bars } : p)),
      },
    });
  return { app, vae, client, alerts, write, actions: vae.actions };
}

describe('Similar', () => {
  it('adds the asked number of variations of the current phrase to the Proposals list, same length, in key', async () => {
    const t = setup();
    t.write(t.app.phrase().id, tune(0, 4), 4);
    t.actions.setCount(3);
    t.actions.setSimilarity(0.8);
    await t.actions.similar();
    const candidates = t.app.state().proposals.candidates;
    expect(candidates).toHaveLength(3);
    expect(candidates.every((c) => c.bars === 4 && c.modelId === 'melody-vae-v4')).toBe(true);
    expect(candidates[0].action).toBe('similar 80% to phrase A (1 of 3)');
    // A 4-bar phrase is two windows in one request, three variations each, decoded in one batch.
    expect(t.client.requests.at(-1)).toMatchObject({ kind: 'similar', count: 3, similarity: 0.8 });
    expect((t.client.requests.at(-1) as { windows: unknown[] }).windows).toHaveLength(2);
    const pcs = new Set(scalePitchClasses(t.app.state().song.key));
    expect(candidates.flatMap((c) => c.notes).every((n) => pcs.has(n.pitch % 12) && n.start + n.length <= 64)).toBe(
      true,
    );
    expect(t.vae.getState().lastMs.similar).toBeGreaterThanOrEqual(0);
  });

  it('accepting a variation records its origin in the phrase history', async () => {
    const t = setup();
    t.write(t.app.phrase().id, tune());
    await t.actions.similar();
    const c = t.app.state().proposals.candidates[0];
    // A variation of the whole phrase replaces the notes written there: Accept asks first, then does it.
    expect(c).toMatchObject({ phraseId: t.app.phrase().id, span: { start: 0, end: 32 } });
    expect(t.app.state().proposals.previewId).toBe(c.id);
    expect(t.app.actions.acceptCandidate(c.id)).toMatchObject({ ok: false, overwrites: tune().length });
    expect(t.app.actions.acceptCandidate(c.id, 'replace', { overwrite: true })).toEqual({ ok: true });
    expect(t.app.phrase().notes.length).toBeGreaterThan(0);
    // Notes the variation changed are the model's; notes it kept as they were keep their author (none here).
    const same = (n: Note) => tune().some((o) => o.pitch === n.pitch && o.start === n.start && o.length === n.length);
    expect(
      t.app
        .phrase()
        .notes.filter((n) => !same(n))
        .every((n) => n.by === 'model'),
    ).toBe(true);
    expect(
      t.app
        .phrase()
        .notes.filter(same)
        .every((n) => n.by === undefined),
    ).toBe(true);
    expect(t.app.phrase().origin).toMatchObject({
      kind: 'mutated',
      modelId: 'melody-vae-v4',
      action: expect.stringMatching(/^similar 90% to phrase A/),
    });
    expect(t.app.phrase().history.at(-1)?.notes).toEqual(tune());
  });

  it('on a candidate, puts the variations right after it', async () => {
    const t = setup();
    t.write(t.app.phrase().id, tune());
    t.actions.setCount(1);
    await t.actions.similar();
    await t.actions.similar();
    const [first] = t.app.state().proposals.candidates;
    t.actions.setSimilarSource(first.id);
    await t.actions.similar();
    const list = t.app.state().proposals.candidates;
    expect(list.map((c) => c.number)).toEqual([1, 3, 2]);
    expect(list[1].action).toMatch(/to candidate 1/);
    // It writes where its parent writes, and is previewed at once (as Mutate's are).
    expect(list[1]).toMatchObject({ phraseId: first.phraseId, span: first.span, parentId: first.id, kind: 'mutated' });
    expect(t.app.state().proposals.previewId).toBe(list[1].id);
  });

  it('with a selection, varies only the selected steps, and its candidates write only there', async () => {
    const t = setup();
    t.write(t.app.phrase().id, tune(0, 4), 4);
    t.app.store.setState({ editor: { ...t.app.state().editor, selection: { start: 32, end: 64 } } });
    t.actions.setCount(2);
    await t.actions.similar();
    const candidates = t.app.state().proposals.candidates;
    expect(candidates.map((c) => c.span)).toEqual([
      { start: 32, end: 64 },
      { start: 32, end: 64 },
    ]);
    expect(candidates[0].action).toMatch(/^similar 90% to steps 33-64 of phrase A/);
    // One two-bar window went to the model: the selected bars 3-4, as notes from the selection's start.
    const request = t.client.requests.at(-1) as { windows: Int32Array[] };
    expect(request.windows).toHaveLength(1);
    expect(candidates.every((c) => c.notes.every((n) => n.start >= 0 && n.start + n.length <= 32))).toBe(true);
    t.app.actions.acceptCandidate(candidates[0].id, 'replace', { overwrite: true });
    expect(t.app.phrase().notes.filter((n) => n.start < 32)).toEqual(tune(0, 4).filter((n) => n.start < 32));
  });

  it('loads the MusicVAE the checkpoint index names', async () => {
    const t = setup();
    t.app.store.setState({ proposals: { ...t.app.state().proposals, vaeCheckpoint: 'checkpoints/melody-vae-v9' } });
    t.write(t.app.phrase().id, tune());
    await t.actions.similar();
    expect(t.client.loads).toEqual(['checkpoints/melody-vae-v9']);
    expect(t.app.state().proposals.candidates[0].modelId).toBe('melody-vae-v9');
  });

  it('refuses a phrase without notes and a meter the model cannot represent, with the song unchanged', async () => {
    const t = setup();
    const before = t.app.state().song;
    await t.actions.similar();
    expect(t.alerts().at(-1)).toMatch(/Phrase A has no notes/);
    t.write(t.app.phrase().id, tune());
    t.app.store.setState({ song: { ...t.app.state().song, timeSignature: { beats: 3, beatUnit: 4 } } });
    await t.actions.similar();
    expect(t.alerts().at(-1)).toMatch(/4\/4 only.*3\/4/);
    expect(t.client.requests).toHaveLength(0);
    expect(t.app.state().proposals.candidates).toHaveLength(0);
    expect(before.phrases[0].notes).toEqual([]);
  });

  it('a model that fails to load is an alert, and the song is unchanged', async () => {
    const t = setup();
    t.client.failLoad = new Error('config.json not found');
    t.write(t.app.phrase().id, tune());
    const song = t.app.state().song;
    await t.actions.similar();
    expect(t.alerts().at(-1)).toMatch(/could not be loaded \(config.json not found\)/);
    expect(t.app.state().song).toBe(song);
    expect(t.vae.getState().busy).toBe(false);
  });
});

describe('Interpolate', () => {
  function twoPhrases() {
    const t = setup();
    const a = t.app.phrase().id;
    t.write(a, tune(0));
    const b = t.app.actions.addPhrase();
    t.write(b, tune(3, 4), 4);
    t.app.actions.addSection(a);
    t.app.actions.addSection(b);
    return { ...t, a, b };
  }

  it('explains why it cannot run until two different ends with notes are chosen', () => {
    const t = setup();
    const a = t.app.phrase().id;
    const b = t.app.actions.addPhrase();
    expect(t.actions.interpolationProblem()).toMatch(/Choose the two/);
    t.actions.setEnds({ kind: 'phrase', id: a }, { kind: 'phrase', id: a });
    expect(t.actions.interpolationProblem()).toMatch(/two different/);
    t.write(a, tune());
    t.actions.setEnds({ kind: 'phrase', id: a }, { kind: 'phrase', id: b });
    expect(t.actions.interpolationProblem()).toBe('Phrase B has no notes: an interpolation needs notes at both ends');
  });

  it('makes N in-between phrases as long as the longer end, and inserts them between the sections as one undo step', async () => {
    const t = twoPhrases();
    t.actions.setEnds({ kind: 'phrase', id: t.a }, { kind: 'phrase', id: t.b });
    t.actions.setSteps(3);
    await t.actions.interpolate();
    const result = t.vae.getState().interpolation!;
    expect(result.inBetween).toHaveLength(3);
    expect(result.inBetween.every((p) => p.bars === 4)).toBe(true);
    // The shorter end repeats to the longer one's two windows; all of it in one request.
    expect(t.client.requests.at(-1)).toMatchObject({ kind: 'interpolate', count: 3 });
    const before = t.app.state().song;
    expect(t.actions.insertInterpolation()).toBe(true);
    const song = t.app.state().song;
    const names = song.arrangement.map((s) => song.phrases.find((p) => p.id === s.phraseId)!.name);
    // A new song already plays A once; the in-betweens go between the A that B follows and that B.
    expect(names).toEqual(['A', 'A', 'A→B 1', 'A→B 2', 'A→B 3', 'B']);
    expect(song.phrases.find((p) => p.name === 'A→B 2')!.origin).toMatchObject({
      kind: 'proposed',
      action: 'interpolation 2 of 3 from A to B',
    });
    t.app.actions.undo();
    expect(t.app.state().song.phrases).toEqual(before.phrases);
    expect(t.app.state().song.arrangement).toEqual(before.arrangement);
  });

  it('auditions the path A, in-betweens, B as one phrase, and stops on a second press', async () => {
    const t = twoPhrases();
    t.actions.setEnds({ kind: 'phrase', id: t.a }, { kind: 'phrase', id: t.b });
    t.actions.setSteps(2);
    await t.actions.interpolate();
    await t.actions.auditionPath();
    expect(t.app.engine.played.at(-1)).toEqual({ kind: 'phrase', phraseId: AUDITION_PHRASE_ID });
    const heard = songForPlayback(t.app.state()).phrases.find((p) => p.id === AUDITION_PHRASE_ID)!;
    expect(heard.bars).toBe(2 + 2 * 4 + 4);
    expect(heard.notes.filter((n) => n.start < 32)).toEqual(tune(0));
    expect(t.app.state().proposals.auditioningId).toBe(PATH_AUDITION_ID);
    await t.actions.auditionPath();
    expect(t.app.state().proposals.auditioningId).toBeNull();
    expect(t.app.state().song.phrases.some((p) => p.id === AUDITION_PHRASE_ID)).toBe(false);
  });

  it('between candidates, the in-betweens can go to the Proposals list instead', async () => {
    const t = setup();
    t.write(t.app.phrase().id, tune());
    t.actions.setCount(2);
    await t.actions.similar();
    const [c1, c2] = t.app.state().proposals.candidates;
    t.actions.setEnds({ kind: 'candidate', id: c1.id }, { kind: 'candidate', id: c2.id });
    t.actions.setSteps(2);
    await t.actions.interpolate();
    expect(t.actions.insertInterpolation()).toBe(false);
    t.actions.addInterpolationToProposals();
    expect(
      t.app
        .state()
        .proposals.candidates.map((c) => c.action)
        .slice(2),
    ).toEqual([
      'interpolation 1 of 2 from candidate 1 to candidate 2',
      'interpolation 2 of 2 from candidate 1 to candidate 2',
    ]);
  });
});

describe('latent map', () => {
  it('places one dot per sounding window and proposes the phrase between two dots', async () => {
    const t = setup();
    const a = t.app.phrase().id;
    t.write(a, tune(0, 4), 4);
    const b = t.app.actions.addPhrase();
    t.write(b, tune(5));
    await t.actions.mapLatentSpace();
    const map = t.vae.getState().latentMap!;
    expect(map.dots.map((d) => d.label)).toEqual(['A bars 1-2', 'A bars 3-4', 'B bars 1-2']);
    const [d0, d1] = map.dots;
    await t.actions.proposeAt((d0.x + d1.x) / 2, (d0.y + d1.y) / 2);
    const made = t.app.state().proposals.candidates.at(-1)!;
    expect(made.bars).toBe(2);
    expect(made.action).toMatch(/^latent map: \d+% of the way from A bars/);
  });
});
