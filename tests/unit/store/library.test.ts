import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import { FakeEngine, fakeLifecycle, freshIdbRepository, manualClock, sequentialIds } from './fakes';

async function startApp() {
  const { repository } = freshIdbRepository();
  const clock = manualClock();
  const engine = new FakeEngine();
  const app = createAppStore({
    repository,
    lifecycle: fakeLifecycle(),
    engine,
    newId: sequentialIds(),
    now: clock.now,
  });
  await app.actions.init();
  return { ...app, repository, clock, engine, state: () => app.store.getState() };
}

describe('the song list', () => {
  it('newSong saves the current song, starts an empty one and lists both', async () => {
    const app = await startApp();
    app.actions.setTitle('First');
    app.actions.toggleNote(60, 0);
    const firstId = app.state().song.id;
    app.clock.advance(1_000);
    await app.actions.newSong();
    const state = app.state();
    expect(state.song.id).not.toBe(firstId);
    expect(state.song.phrases[0].notes).toEqual([]);
    expect(state.library.songs.map((s) => s.title)).toEqual(['Untitled song', 'First']);
    expect(state.library.currentSongId).toBe(state.song.id);
    const saved = await app.repository.load(firstId);
    expect(saved.status === 'ok' && saved.song.phrases[0].notes).toHaveLength(1);
  });

  it('a new song has its own undo history: undo cannot bring the previous song back', async () => {
    const app = await startApp();
    app.actions.toggleNote(60, 0);
    await app.actions.newSong();
    expect(app.actions.canUndo()).toBe(false);
    app.actions.undo();
    expect(app.state().song.phrases[0].notes).toEqual([]);
  });

  it('openSong switches songs and remembers the choice for the next start', async () => {
    const app = await startApp();
    app.actions.setTitle('One');
    const oneId = app.state().song.id;
    await app.actions.newSong();
    app.actions.setTitle('Two');
    const twoId = app.state().song.id;
    await app.actions.openSong(oneId);
    expect(app.state().song.title).toBe('One');
    expect(await app.repository.getLastOpenedId()).toBe(oneId);
    // The edit to "Two" made just before switching was written first.
    const two = await app.repository.load(twoId);
    expect(two.status === 'ok' && two.song.title).toBe('Two');
  });

  it('opening a song stops playback of the previous one', async () => {
    const app = await startApp();
    const oneId = app.state().song.id;
    await app.actions.newSong();
    await app.actions.play();
    await app.actions.openSong(oneId);
    expect(app.state().transport.playing).toBe(false);
    expect(app.engine.calls.at(-1)).toBe('stop');
  });

  it('renameSong renames the open song (undoably) or a stored one', async () => {
    const app = await startApp();
    const firstId = app.state().song.id;
    await app.actions.newSong();
    expect(await app.actions.renameSong(firstId, 'Renamed in the list')).toEqual({ ok: true });
    const stored = await app.repository.load(firstId);
    expect(stored.status === 'ok' && stored.song.title).toBe('Renamed in the list');
    expect(app.state().library.songs.find((s) => s.id === firstId)?.title).toBe('Renamed in the list');

    expect(await app.actions.renameSong(app.state().song.id, 'Current')).toEqual({ ok: true });
    expect(app.state().song.title).toBe('Current');
    app.actions.undo();
    expect(app.state().song.title).toBe('Untitled song');
    expect((await app.actions.renameSong(firstId, '  ')).ok).toBe(false);
  });

  it('duplicateSong makes an independent copy and opens it', async () => {
    const app = await startApp();
    app.actions.setTitle('Theme');
    app.actions.toggleNote(67, 2);
    const originalId = app.state().song.id;
    await app.actions.duplicateSong(originalId);
    const copy = app.state().song;
    expect(copy.id).not.toBe(originalId);
    expect(copy.title).toBe('Theme (copy)');
    expect(copy.phrases[0].notes).toEqual([{ pitch: 67, start: 2, length: 1, velocity: 96, by: 'student' }]);
    app.actions.toggleNote(67, 2); // editing the copy...
    await app.actions.flushSave();
    const original = await app.repository.load(originalId);
    expect(original.status === 'ok' && original.song.phrases[0].notes).toHaveLength(1); // ...leaves the original
    expect(
      app
        .state()
        .library.songs.map((s) => s.title)
        .sort(),
    ).toEqual(['Theme', 'Theme (copy)']);
  });

  it('deleteSong removes a song that is not open', async () => {
    const app = await startApp();
    const firstId = app.state().song.id;
    await app.actions.newSong();
    await app.actions.deleteSong(firstId);
    expect(app.state().library.songs.map((s) => s.id)).toEqual([app.state().song.id]);
    expect(await app.repository.load(firstId)).toEqual({ status: 'missing' });
  });

  it('deleting the open song opens the most recent other song, and a pending autosave does not bring it back', async () => {
    const app = await startApp();
    app.actions.setTitle('Keep');
    const keepId = app.state().song.id;
    app.clock.advance(1_000);
    await app.actions.newSong();
    const doomedId = app.state().song.id;
    app.actions.toggleNote(60, 0); // pending autosave of the song about to go
    await app.actions.deleteSong(doomedId);
    await app.actions.flushSave();
    expect(app.state().song.id).toBe(keepId);
    expect(await app.repository.load(doomedId)).toEqual({ status: 'missing' });
    expect(app.state().library.songs.map((s) => s.id)).toEqual([keepId]);
  });

  it('deleting the only song leaves a fresh new one', async () => {
    const app = await startApp();
    const onlyId = app.state().song.id;
    await app.actions.deleteSong(onlyId);
    const state = app.state();
    expect(state.song.id).not.toBe(onlyId);
    expect(state.library.songs.map((s) => s.id)).toEqual([state.song.id]);
  });

  it('the list follows autosaved title changes', async () => {
    const app = await startApp();
    app.actions.setTitle('Draft 2');
    await app.actions.flushSave();
    expect(app.state().library.songs[0]).toMatchObject({ id: app.state().song.id, title: 'Draft 2' });
  });
});
