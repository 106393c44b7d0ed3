import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import { createIdbSongRepository } from '../../../src/store/persistence/idbSongRepository';
import { sharedMemorySongClaims, type SongClaims } from '../../../src/store/persistence/songClaims';
import { defaultTabMemory, type TabMemory } from '../../../src/store/persistence/tabMemory';
import { validateSong } from '../../../src/core/validate';
import { FakeEngine, fakeLifecycle, freshIdbRepository, sequentialIds } from './fakes';

/** Two "tabs": two stores, each with its own repository object over the SAME IndexedDB databases. */
async function twoTabs() {
  const { dbPrefix } = freshIdbRepository();
  const claimsFor = sharedMemorySongClaims();
  const open = async (name: string, tab: { claims?: SongClaims; tabMemory?: TabMemory } = {}) => {
    const repository = createIdbSongRepository({ validate: validateSong, dbPrefix });
    const claims = tab.claims ?? claimsFor();
    const tabMemory = tab.tabMemory ?? defaultTabMemory();
    const app = createAppStore({
      repository,
      claims,
      tabMemory,
      engine: new FakeEngine(),
      lifecycle: fakeLifecycle(),
      newId: sequentialIds(name),
      autosaveDelayMs: 0,
      autosaveMaxWaitMs: 0,
    });
    await app.actions.init();
    return { ...app, repository, claims, tabMemory, state: () => app.store.getState() };
  };
  return { open, dbPrefix };
}

const notesOf = (song: { phrases: { notes: unknown[] }[] }) => song.phrases.flatMap((p) => p.notes);

describe('two tabs on one song', () => {
  it('the second tab is told and works on a copy; both tabs keep their own edits', async () => {
    const { open } = await twoTabs();
    const first = await open('a');
    first.actions.toggleNote(60, 0);
    await first.actions.flushSave();
    const original = first.state().song;

    const second = await open('b');
    // The second tab reopens the last song, sees it is held, and shows a copy with a notice.
    expect(second.state().song.id).not.toBe(original.id);
    expect(second.state().song.title).toBe(`${original.title} (copy)`);
    expect(notesOf(second.state().song)).toEqual(notesOf(original));
    expect(second.state().notices.find((n) => n.kind === 'warning')?.message).toMatch(/open in another tab/);

    second.actions.toggleNote(72, 4);
    first.actions.toggleNote(64, 8);
    await Promise.all([first.actions.flushSave(), second.actions.flushSave()]);

    const stored = await first.repository.load(original.id);
    expect(stored.status === 'ok' && notesOf(stored.song)).toEqual([
      { pitch: 60, start: 0, length: 1, velocity: 96, by: 'student' },
      { pitch: 64, start: 8, length: 1, velocity: 96, by: 'student' },
    ]);
    const copy = await first.repository.load(second.state().song.id);
    expect(copy.status === 'ok' && notesOf(copy.song)).toEqual([
      { pitch: 60, start: 0, length: 1, velocity: 96, by: 'student' },
      { pitch: 72, start: 4, length: 1, velocity: 96, by: 'student' },
    ]);
  });

  it('opening from the song list a song another tab edits also gives a copy', async () => {
    const { open } = await twoTabs();
    const first = await open('a');
    const held = first.state().song.id;
    const second = await open('b');
    await second.actions.newSong();
    const secondOwn = second.state().song.id;
    await second.actions.openSong(held);
    expect(second.state().song.id).not.toBe(held);
    expect(second.state().song.id).not.toBe(secondOwn);
    // The song the second tab left is free again: the first tab may open it directly.
    await first.actions.openSong(secondOwn);
    expect(first.state().song.id).toBe(secondOwn);
  });

  it('a song is free for another tab once its tab moves to another song', async () => {
    const { open } = await twoTabs();
    const first = await open('a');
    const songId = first.state().song.id;
    await first.actions.newSong();
    const second = await open('b');
    await second.actions.openSong(songId);
    expect(second.state().song.id).toBe(songId);
    expect(second.state().notices.some((n) => n.id === `open-elsewhere-${songId}`)).toBe(false);
  });

  it('a song open in another tab can be neither renamed nor deleted from here', async () => {
    const { open } = await twoTabs();
    const first = await open('a');
    const held = first.state().song;
    const second = await open('b');
    expect(await second.actions.renameSong(held.id, 'Hijacked')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/another tab/),
    });
    await second.actions.deleteSong(held.id);
    const stored = await second.repository.load(held.id);
    expect(stored.status === 'ok' && stored.song.title).toBe(held.title);
    expect(second.state().library.songs.some((s) => s.id === held.id)).toBe(true);
  });

  it('a reloaded second tab returns to its own copy instead of making another one', async () => {
    const { open } = await twoTabs();
    const first = await open('a');
    const second = await open('b');
    const copyId = second.state().song.id;
    expect(copyId).not.toBe(first.state().song.id);
    // Reload: the page goes away (its claim with it) and comes back with the same tab memory.
    second.actions.dispose();
    second.claims.release(copyId);
    const reloaded = await open('b2', { tabMemory: second.tabMemory });
    expect(reloaded.state().song.id).toBe(copyId);
    expect((await reloaded.repository.list()).songs).toHaveLength(2);
  });
});
