import { describe, expect, it } from 'vitest';
import { createSong } from '../../../src/core/song';
import type { Song } from '../../../src/core/types';
import { counterIds } from '../../fixtures/songFixtures';
import type { SongRepository } from '../../../src/store/types';
import { freshIdbRepository, makeApp } from './fakes';

/** A real (fake-indexeddb) repository whose writes fail with the browser's quota error while `full` is set. */
function fillableRepository() {
  const { repository: inner } = freshIdbRepository();
  const disk = { full: false };
  const repository: SongRepository = {
    ...inner,
    async save(song: Song) {
      if (disk.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      await inner.save(song);
    },
  };
  return { repository, inner, disk };
}

async function setUp() {
  const storage = fillableRepository();
  const app = makeApp({ repository: storage.repository, autosaveDelayMs: 0, autosaveMaxWaitMs: 0 });
  await app.actions.init();
  return { ...storage, app };
}

describe('storage full (QuotaExceededError)', () => {
  it('an edit that cannot be written is offered as a download and the saved version stays as it was', async () => {
    const { app, inner, disk } = await setUp();
    app.actions.toggleNote(60, 0);
    await app.actions.flushSave();
    disk.full = true;
    app.actions.toggleNote(62, 4);
    await app.actions.flushSave();

    const notice = app.state().notices.find((n) => n.id === 'autosave-failed');
    expect(notice?.kind).toBe('error');
    expect(notice?.message).toMatch(/storage is full/);
    const offered = JSON.parse(notice!.action!.data) as Song;
    expect(offered.phrases[0].notes.map((n) => n.pitch)).toEqual([60, 62]);
    const stored = await inner.load(app.state().song.id);
    expect(stored.status === 'ok' && stored.song.phrases[0].notes.map((n) => n.pitch)).toEqual([60]);
    // The app keeps working on the unsaved state.
    expect(app.notes().map((n) => n.pitch)).toEqual([60, 62]);
  });

  it('a song added while the storage is full is shown, offered as a download, and the other songs are untouched', async () => {
    const { app, inner, disk } = await setUp();
    app.actions.setTempo(96);
    await app.actions.flushSave();
    const first = app.state().song;
    disk.full = true;
    const incoming = createSong({ title: 'From a file', tempo: 150 }, { now: 1, newId: counterIds('file') });
    await app.actions.addSong(incoming);

    expect(app.state().song.title).toBe('From a file');
    const notice = app.state().notices.find((n) => n.id === 'autosave-failed');
    expect(JSON.parse(notice!.action!.data).title).toBe('From a file');
    expect(app.state().persistence.status).toBe('error');
    const kept = await inner.load(first.id);
    expect(kept.status === 'ok' && kept.song.tempo).toBe(96);
    expect((await inner.list()).songs.map((s) => s.id)).toEqual([first.id]);
  });

  it('renaming another song while the storage is full fails with a reason and leaves it as it was', async () => {
    const { app, inner, disk } = await setUp();
    const first = app.state().song;
    await app.actions.newSong();
    disk.full = true;
    const result = await app.actions.renameSong(first.id, 'Renamed');
    expect(result.ok).toBe(false);
    const kept = await inner.load(first.id);
    expect(kept.status === 'ok' && kept.song.title).toBe(first.title);
    expect(app.state().library.songs.find((s) => s.id === first.id)?.title).toBe(first.title);
  });

  it('once space is free again the next edit is saved and the warning goes away', async () => {
    const { app, inner, disk } = await setUp();
    disk.full = true;
    app.actions.setTempo(70);
    await app.actions.flushSave();
    expect(app.state().persistence.status).toBe('error');
    disk.full = false;
    app.actions.setTempo(71);
    await app.actions.flushSave();
    expect(app.state().persistence.status).toBe('saved');
    expect(app.state().notices.some((n) => n.id === 'autosave-failed')).toBe(false);
    const stored = await inner.load(app.state().song.id);
    expect(stored.status === 'ok' && stored.song.tempo).toBe(71);
  });
});
