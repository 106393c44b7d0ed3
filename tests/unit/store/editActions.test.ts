import { describe, expect, it } from 'vitest';
import { HAND_EDIT_PAUSE_MS, HAND_VERSION_MAX_SPAN_MS } from '../../../src/store/actions/phraseEdits';
import { makeApp } from './fakes';

describe('editing the current phrase', () => {
  it('toggleNote adds a one-step note and a second click on its first cell removes it', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 3);
    expect(app.notes()).toEqual([{ pitch: 60, start: 3, length: 1, velocity: 96 }]);
    app.actions.toggleNote(60, 3);
    expect(app.notes()).toEqual([]);
  });

  it('keeps the phrase monophonic: a note at a taken step replaces the one there', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.actions.toggleNote(64, 0);
    expect(app.notes()).toEqual([{ pitch: 64, start: 0, length: 1, velocity: 96 }]);
  });

  it('setNoteLength lengthens a note but never past the next note', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.actions.toggleNote(62, 4);
    app.actions.setNoteLength(0, 10);
    expect(app.notes().map((n) => [n.start, n.length])).toEqual([
      [0, 4],
      [4, 1],
    ]);
  });

  it('moveNote moves a note in time and pitch', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.actions.setNoteLength(0, 2);
    app.actions.moveNote(0, 8, 67);
    expect(app.notes()).toEqual([{ pitch: 67, start: 8, length: 2, velocity: 96 }]);
  });

  it('an edit outside the phrase changes nothing and makes no undo step', () => {
    const app = makeApp();
    const before = app.state().song;
    app.actions.toggleNote(60, 999); // 2 bars of 4/4 = 32 steps
    expect(app.state().song).toBe(before);
    expect(app.actions.canUndo()).toBe(false);
  });

  it('stamps the song with the time of the edit', () => {
    const app = makeApp();
    app.clock.advance(5_000);
    app.actions.toggleNote(60, 0);
    expect(app.state().song.updatedAt).toBe(app.clock.now());
  });

  it('edits the phrase selected in the editor, not the first one', () => {
    const app = makeApp();
    const song = app.state().song;
    const second = { ...song.phrases[0], id: 'second', name: 'B', notes: [] };
    app.store.setState({ song: { ...song, phrases: [...song.phrases, second] } });
    app.actions.selectPhrase('second');
    app.actions.toggleNote(72, 1);
    expect(app.state().song.phrases[0].notes).toEqual([]);
    expect(app.state().song.phrases[1].notes).toHaveLength(1);
  });

  it('ignores selecting a phrase the song does not have', () => {
    const app = makeApp();
    const current = app.state().editor.currentPhraseId;
    app.actions.selectPhrase('nope');
    expect(app.state().editor.currentPhraseId).toBe(current);
  });
});

describe('phrase history of hand edits', () => {
  it('the first hand edit of an empty phrase records the empty version with origin "empty"', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    const phrase = app.phrase();
    expect(phrase.origin.kind).toBe('hand');
    expect(phrase.history).toHaveLength(1);
    expect(phrase.history[0]).toMatchObject({ notes: [], origin: { kind: 'empty' } });
  });

  it('a burst of clicks becomes one hand version, not one version per click', () => {
    const app = makeApp();
    for (let step = 0; step < 8; step++) {
      app.clock.advance(500);
      app.actions.toggleNote(60 + step, step);
    }
    expect(app.phrase().history).toHaveLength(1);
    expect(app.notes()).toHaveLength(8);
  });

  it('a pause longer than the coalescing window starts a new version', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.clock.advance(HAND_EDIT_PAUSE_MS + 1);
    app.actions.toggleNote(62, 1);
    const { history } = app.phrase();
    expect(history).toHaveLength(2);
    expect(history[1].notes).toEqual([{ pitch: 60, start: 0, length: 1, velocity: 96, by: 'student' }]);
  });

  it('continuous editing still leaves a version every so often', () => {
    const app = makeApp();
    const steps = Math.ceil(HAND_VERSION_MAX_SPAN_MS / 1_000) + 5;
    for (let i = 0; i < steps; i++) {
      app.clock.advance(1_000);
      app.actions.toggleNote(60 + (i % 12), i % 32);
    }
    expect(app.phrase().history.length).toBeGreaterThanOrEqual(2);
  });

  it('a hand edit after a proposal always starts a new version so the proposal stays in history', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    const song = app.state().song;
    const proposed = { ...song.phrases[0], origin: { kind: 'proposed' as const, modelId: 'm', temperature: 1 } };
    app.store.setState({ song: { ...song, phrases: [proposed] } });
    app.clock.advance(100);
    app.actions.toggleNote(62, 2);
    const last = app.phrase().history.at(-1)!;
    expect(last.origin.kind).toBe('proposed');
    expect(app.phrase().origin.kind).toBe('hand');
  });
});

describe('hand edits in the phrase history', () => {
  it('are described in a musician’s words', () => {
    const app = makeApp();
    app.actions.toggleNote(64, 0);
    app.actions.toggleNote(67, 4, undefined, 2);
    app.actions.setNoteLength(0, 3);
    expect(app.phrase().origin).toMatchObject({ kind: 'hand', action: 'added E4, added G4, made E4 longer' });
  });
});
