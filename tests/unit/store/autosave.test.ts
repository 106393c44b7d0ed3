import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import type { Song } from '../../../src/core/types';
import type { SongRepository } from '../../../src/store/types';
import { FakeEngine, fakeLifecycle, freshIdbRepository, sequentialIds } from './fakes';

/** Records when each save reached the (real, fake-indexeddb) repository. */
function recordingRepository(inner: SongRepository) {
  const saves: { at: number; song: Song }[] = [];
  const repository: SongRepository = {
    ...inner,
    async save(song) {
      await inner.save(song);
      saves.push({ at: Date.now(), song });
    },
  };
  return { repository, saves };
}

async function setUp() {
  const { repository: idb } = freshIdbRepository(() => Date.now());
  const { repository, saves } = recordingRepository(idb);
  const lifecycle = fakeLifecycle();
  const app = createAppStore({
    repository,
    lifecycle,
    engine: new FakeEngine(),
    newId: sequentialIds(),
    now: () => Date.now(),
  });
  await app.actions.init();
  saves.length = 0; // init saves the new song once; the tests are about edits
  return { app, idb, saves, lifecycle };
}

/** Lets IndexedDB (which runs on real setImmediate) finish the write a timer started. */
async function settle(app: { actions: { flushSave(): Promise<void> } }, pendingFlushAllowed = false) {
  if (!pendingFlushAllowed) await new Promise((r) => setImmediate(r));
  await app.actions.flushSave();
}

describe('autosave', () => {
  beforeEach(() => {
    // Only the clock and timeouts are faked: fake-indexeddb schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves a change within one second, after a short quiet time', async () => {
    const { app, idb, saves } = await setUp();
    const editedAt = Date.now();
    app.actions.toggleNote(60, 0);
    expect(app.store.getState().persistence.status).toBe('saving');
    await vi.advanceTimersByTimeAsync(200);
    expect(saves).toHaveLength(0); // still debouncing
    await vi.advanceTimersByTimeAsync(300);
    await settle(app);
    expect(saves).toHaveLength(1);
    expect(saves[0].at - editedAt).toBeLessThanOrEqual(1_000);
    const stored = await idb.load(app.store.getState().song.id);
    expect(stored.status === 'ok' && stored.song.phrases[0].notes).toEqual([
      { pitch: 60, start: 0, length: 1, velocity: 96, by: 'student' },
    ]);
    expect(app.store.getState().persistence).toMatchObject({ status: 'saved', lastSavedAt: saves[0].at });
  });

  it('a burst of edits is written once, with the last state', async () => {
    const { app, idb, saves } = await setUp();
    for (let step = 0; step < 5; step++) {
      app.actions.toggleNote(60 + step, step);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    expect(saves).toHaveLength(1);
    const stored = await idb.load(app.store.getState().song.id);
    expect(stored.status === 'ok' && stored.song.phrases[0].notes).toHaveLength(5);
  });

  it('edits that never pause are still saved within one second (maximum wait)', async () => {
    const { app, saves } = await setUp();
    const firstEditAt = Date.now();
    // A drag sending a change every 100 ms for 3 s: the quiet-time debounce alone would never fire.
    app.actions.beginGesture();
    for (let i = 0; i < 30; i++) {
      app.actions.setNoteLength(0, 1);
      app.actions.toggleNote(60 + (i % 12), i % 32);
      await vi.advanceTimersByTimeAsync(100);
      if (saves.length > 0) break;
    }
    app.actions.endGesture();
    expect(saves.length).toBeGreaterThan(0);
    expect(saves[0].at - firstEditAt).toBeLessThanOrEqual(1_000);
  });

  it('writes at once when the page is hidden', async () => {
    const { app, saves, lifecycle } = await setUp();
    app.actions.setTempo(133);
    lifecycle.hide();
    await settle(app);
    expect(saves).toHaveLength(1);
    expect(saves[0].song.tempo).toBe(133);
  });

  it('undo is saved like any other change', async () => {
    const { app, idb } = await setUp();
    app.actions.setTempo(90);
    await vi.advanceTimersByTimeAsync(1_000);
    app.actions.undo();
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    const stored = await idb.load(app.store.getState().song.id);
    expect(stored.status === 'ok' && stored.song.tempo).toBe(110);
  });

  it('transport changes are not saved', async () => {
    const { app, saves } = await setUp();
    await app.actions.play();
    app.actions.toggleMetronome();
    await vi.advanceTimersByTimeAsync(2_000);
    await settle(app);
    expect(saves).toHaveLength(0);
  });

  it('a failed write (storage full) tells the user, offers the song, and keeps what was saved', async () => {
    const { app, idb } = await setUp();
    app.actions.setTempo(100);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    // The storage fills up from now on.
    const full = new DOMException('quota', 'QuotaExceededError');
    const save = vi.spyOn(idb, 'save').mockRejectedValue(full);
    app.actions.setTempo(180);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    const state = app.store.getState();
    expect(state.persistence.status).toBe('error');
    const notice = state.notices.find((n) => n.kind === 'error')!;
    expect(notice.message).toMatch(/storage is full/);
    expect(notice.action?.kind).toBe('download');
    expect(JSON.parse(notice.action!.data).tempo).toBe(180);
    save.mockRestore();
    const stored = await idb.load(state.song.id);
    expect(stored.status === 'ok' && stored.song.tempo).toBe(100);
    // Once writing works again the next save clears the error.
    app.actions.setTempo(181);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(app);
    expect(app.store.getState().persistence.status).toBe('saved');
    expect(app.store.getState().notices.some((n) => n.id === 'autosave-failed')).toBe(false);
  });
});
