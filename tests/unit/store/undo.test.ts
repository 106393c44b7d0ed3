import { describe, expect, it } from 'vitest';
import { UNDO_LIMIT } from '../../../src/store/undoHistory';
import { shownPitchRange } from '../../../src/store/selectors';
import { makeApp } from './fakes';

describe('undo and redo over the song', () => {
  it('undo takes back the last edit and redo brings it again', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.actions.toggleNote(62, 1);
    app.actions.undo();
    expect(app.notes().map((n) => n.pitch)).toEqual([60]);
    app.actions.redo();
    expect(app.notes().map((n) => n.pitch)).toEqual([60, 62]);
  });

  it('keeps the Undo/Redo flags in state so the buttons can render them', () => {
    const app = makeApp();
    expect(app.state().undo).toEqual({ canUndo: false, canRedo: false });
    app.actions.toggleNote(60, 0);
    expect(app.state().undo).toEqual({ canUndo: true, canRedo: false });
    app.actions.undo();
    expect(app.state().undo).toEqual({ canUndo: false, canRedo: true });
    expect(app.actions.canRedo()).toBe(true);
  });

  it('a new edit after undo drops the redo steps', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.actions.undo();
    app.actions.toggleNote(64, 0);
    expect(app.actions.canRedo()).toBe(false);
  });

  it('a whole drag (gesture) is ONE undo step', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.actions.beginGesture();
    for (let length = 2; length <= 8; length++) app.actions.setNoteLength(0, length);
    app.actions.moveNote(0, 4, 65);
    app.actions.endGesture();
    expect(app.notes()).toEqual([{ pitch: 65, start: 4, length: 8, velocity: 96 }]);
    app.actions.undo();
    expect(app.notes()).toEqual([{ pitch: 60, start: 0, length: 1, velocity: 96 }]);
    app.actions.redo();
    expect(app.notes()).toEqual([{ pitch: 65, start: 4, length: 8, velocity: 96 }]);
  });

  it('a gesture that changes nothing makes no undo step', () => {
    const app = makeApp();
    app.actions.beginGesture();
    app.actions.endGesture();
    expect(app.actions.canUndo()).toBe(false);
  });

  it('edits after a gesture are separate steps again', () => {
    const app = makeApp();
    app.actions.beginGesture();
    app.actions.toggleNote(60, 0);
    app.actions.setNoteLength(0, 3);
    app.actions.endGesture();
    app.actions.toggleNote(67, 8);
    app.actions.undo();
    expect(app.notes().map((n) => n.pitch)).toEqual([60]);
    app.actions.undo();
    expect(app.notes()).toEqual([]);
    expect(app.actions.canUndo()).toBe(false);
  });

  it('undo is ignored in the middle of a drag', () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    app.actions.beginGesture();
    app.actions.setNoteLength(0, 4);
    app.actions.undo();
    expect(app.notes()[0].length).toBe(4);
    app.actions.endGesture();
  });

  it('keeps at least 200 steps', () => {
    const app = makeApp();
    expect(UNDO_LIMIT).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 250; i++) app.actions.setTempo(40 + i * 0.5);
    for (let i = 0; i < 250; i++) app.actions.undo();
    expect(app.state().song.tempo).toBe(110); // the new song's tempo, before any of the 250 edits
    for (let i = 0; i < 250; i++) app.actions.redo();
    expect(app.state().song.tempo).toBe(40 + 249 * 0.5);
  });

  it('forgets the oldest steps beyond the limit', () => {
    const app = makeApp();
    for (let i = 0; i < UNDO_LIMIT + 10; i++) app.actions.setTempo(i % 2 === 0 ? 100 : 120);
    expect(app.store.temporal.getState().pastStates).toHaveLength(UNDO_LIMIT);
  });

  it('transport, selection, notices and library changes never become undo steps', async () => {
    const app = makeApp();
    await app.actions.play();
    app.actions.toggleMetronome();
    app.actions.stop();
    app.actions.setPitchRange({ low: 40, high: 80 });
    app.actions.notify({ kind: 'info', message: 'hello' });
    app.engine.emitAudio({ kind: 'ready' });
    expect(app.actions.canUndo()).toBe(false);
    expect(app.store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('revealing pitches moves the default window only when they leave it, and never makes an undo step', () => {
    const app = makeApp();
    app.actions.revealPitches([64, 72]);
    expect(app.state().editor.pitchRange).toBeUndefined();
    // The default key is C major: the window shows C4-C6 until a previewed note sits at A3.
    app.actions.revealPitches([57, 67]);
    expect(app.state().editor.pitchRange).toEqual({ low: 57, high: 81 });
    expect(app.actions.canUndo()).toBe(false);
  });

  it('a candidate wider than the window grows it, and clearing the chosen window goes back to two octaves', () => {
    const app = makeApp();
    app.actions.revealPitches([53, 79]);
    expect(app.state().editor.pitchRange).toEqual({ low: 53, high: 79 });
    app.actions.setPitchRange(undefined);
    expect(shownPitchRange(app.state())).toEqual({ low: 60, high: 84 });
  });

  it('undo does not stop or change the transport', async () => {
    const app = makeApp();
    app.actions.toggleNote(60, 0);
    await app.actions.play();
    app.actions.undo();
    expect(app.state().transport.playing).toBe(true);
    expect(app.engine.calls).not.toContain('stop');
  });

  it('settings changes are undoable too (tempo, key, title)', () => {
    const app = makeApp();
    app.actions.setTempo(140);
    app.actions.setKey('D');
    app.actions.setTitle('Morning');
    app.actions.undo();
    app.actions.undo();
    app.actions.undo();
    const song = app.state().song;
    expect([song.tempo, song.key.tonic, song.title]).toEqual([110, 'C', 'Untitled song']);
  });

  it('when undo removes the phrase in the grid, the grid falls back to the first phrase', () => {
    const app = makeApp();
    const song = app.state().song;
    const first = song.phrases[0].id;
    app.store.setState({
      song: { ...song, phrases: [...song.phrases, { ...song.phrases[0], id: 'added', name: 'B' }] },
    });
    app.actions.selectPhrase('added');
    app.actions.undo();
    expect(app.state().editor.currentPhraseId).toBe(first);
  });
});
