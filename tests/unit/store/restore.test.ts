import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createSong } from '../../../src/core/song';
import { createAppStore } from '../../../src/store/appStore';
import { FakeEngine, fakeLifecycle, freshIdbRepository, manualClock, sequentialIds } from './fakes';

function appOver(repository: ReturnType<typeof freshIdbRepository>['repository'], idPrefix = 'id') {
  const clock = manualClock();
  return createAppStore({
    repository,
    lifecycle: fakeLifecycle(),
    engine: new FakeEngine(),
    newId: sequentialIds(idPrefix),
    now: clock.now,
  });
}

/** Writes a raw record straight into the songs database, as a damaged earlier version might have left it. */
async function writeRawRecord(dbPrefix: string, id: string, value: unknown) {
  await set(id, value, createStore(`${dbPrefix}-songs`, 'songs'));
}

describe('restoring on start', () => {
  it('the last opened song comes back after a "reload"', async () => {
    const { repository } = freshIdbRepository();
    const first = appOver(repository, 'a');
    await first.actions.init();
    first.actions.toggleNote(64, 4);
    first.actions.setTitle('Before the reload');
    await first.actions.flushSave();
    first.actions.dispose();

    const second = appOver(repository, 'b');
    await second.actions.init();
    const state = second.store.getState();
    expect(state.song.title).toBe('Before the reload');
    expect(state.song.phrases[0].notes).toEqual([{ pitch: 64, start: 4, length: 1, velocity: 96, by: 'student' }]);
    expect(state.editor.currentPhraseId).toBe(state.song.phrases[0].id);
    expect(state.library.currentSongId).toBe(state.song.id);
    expect(state.persistence.status).toBe('saved');
    expect(second.actions.canUndo()).toBe(false); // a restored song starts with a fresh undo history
  });

  it('a first start creates a new song, saves it and lists it', async () => {
    const { repository } = freshIdbRepository();
    const app = appOver(repository);
    expect(app.store.getState().persistence.status).toBe('loading');
    await app.actions.init();
    const { song, library } = app.store.getState();
    expect(library.songs).toEqual([{ id: song.id, title: 'Untitled song', updatedAt: song.updatedAt }]);
    expect(await repository.getLastOpenedId()).toBe(song.id);
  });

  it('init twice does not load twice', async () => {
    const { repository } = freshIdbRepository();
    const app = appOver(repository);
    await app.actions.init();
    const song = app.store.getState().song;
    await app.actions.init();
    expect(app.store.getState().song).toBe(song);
  });

  it('when the last opened song is gone, the most recent song opens', async () => {
    const { repository } = freshIdbRepository();
    await repository.save(createSong({ title: 'Older', updatedAt: 1 }, { now: 1 }));
    const recent = createSong({ title: 'Recent' }, { now: 2 });
    await repository.save({ ...recent, updatedAt: 2 });
    await repository.setLastOpenedId('deleted-song');
    const app = appOver(repository);
    await app.actions.init();
    expect(app.store.getState().song.title).toBe('Recent');
  });
});

describe('an unreadable autosaved record', () => {
  it('is moved to quarantine (not deleted), a new song starts, and the user can download the raw data', async () => {
    const { repository, dbPrefix } = freshIdbRepository();
    const raw = '{"schemaVersion":1,"title":"Half-writ';
    await writeRawRecord(dbPrefix, 'broken-song', raw);
    await repository.setLastOpenedId('broken-song');

    const app = appOver(repository);
    await app.actions.init();
    const state = app.store.getState();

    expect(state.song.id).not.toBe('broken-song');
    expect(state.song.title).toBe('Untitled song');
    const notice = state.notices.find((n) => n.kind === 'error')!;
    expect(notice.message).toMatch(/could not be read/);
    expect(notice.message).toMatch(/not deleted/);
    expect(notice.message).toMatch(/new song was started/);
    expect(notice.action).toMatchObject({ kind: 'download', data: raw });
    expect(notice.action!.filename).toMatch(/broken-song/);

    const quarantined = await repository.listQuarantine();
    expect(quarantined).toEqual([expect.objectContaining({ songId: 'broken-song', raw })]);
    expect((await repository.list()).songs.map((s) => s.id)).toEqual([state.song.id]);
  });

  it("a record that parses but fails validation is quarantined with the validator's reason", async () => {
    const { repository, dbPrefix } = freshIdbRepository();
    const song = createSong({ title: 'Too fast' });
    const bad = JSON.stringify({ ...song, tempo: 9000 });
    await writeRawRecord(dbPrefix, song.id, bad);
    await repository.setLastOpenedId(song.id);

    const app = appOver(repository);
    await app.actions.init();
    const notice = app.store.getState().notices[0];
    expect(notice.message).toMatch(/tempo/);
    expect(notice.action!.data).toBe(bad);
    expect(app.store.getState().song.title).toBe('Untitled song');
    expect(await repository.listQuarantine()).toHaveLength(1);
  });

  it('an unreadable song that was not the last one is also set aside, and the last one still opens', async () => {
    const { repository, dbPrefix } = freshIdbRepository();
    const good = createSong({ title: 'Good' });
    await repository.save(good);
    await repository.setLastOpenedId(good.id);
    await writeRawRecord(dbPrefix, 'other', 42);

    const app = appOver(repository);
    await app.actions.init();
    expect(app.store.getState().song.title).toBe('Good');
    expect(app.store.getState().notices).toHaveLength(1);
    expect(app.store.getState().library.songs.map((s) => s.title)).toEqual(['Good']);
    expect(await repository.listQuarantine()).toEqual([expect.objectContaining({ songId: 'other', raw: '42' })]);
  });

  it('when storage itself is unavailable the app still starts, with a warning', async () => {
    const { repository } = freshIdbRepository();
    const app = appOver({
      ...repository,
      list: () => Promise.reject(new Error('IndexedDB is disabled')),
    });
    await app.actions.init();
    const state = app.store.getState();
    expect(state.persistence.status).toBe('error');
    expect(state.notices[0]).toMatchObject({
      kind: 'warning',
      message: expect.stringMatching(/IndexedDB is disabled/),
    });
    app.actions.toggleNote(60, 0); // editing still works
    expect(app.store.getState().song.phrases[0].notes).toHaveLength(1);
  });
});
