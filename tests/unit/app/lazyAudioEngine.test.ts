import { expect, test } from 'vitest';
import { createLazyAudioEngine } from '../../../src/app/lazyAudioEngine';
import type { AudioEngine, AudioStatus, InstrumentStatus, PlaybackTarget, PlayOptions } from '../../../src/audio/types';
import type { PlannedWindow } from '../../../src/core/playbackPlanner';

/** A recording engine standing in for the Tone one (the subject here is the lazy wrapper, not Tone). */
function recordingEngine() {
  const calls: string[] = [];
  const audio = new Set<(s: AudioStatus) => void>();
  const instrument = new Set<(s: InstrumentStatus) => void>();
  const plans = new Set<(w: PlannedWindow) => void>();
  let playing = false;
  const engine: AudioEngine = {
    async unlock() {
      calls.push('unlock');
      const s: AudioStatus = { kind: 'ready' };
      audio.forEach((l) => l(s));
      return s;
    },
    async play(t: PlaybackTarget, options?: PlayOptions) {
      calls.push(`play ${t.kind}${options?.countInBars ? ` count-in ${options.countInBars}` : ''}`);
      playing = true;
    },
    stop() {
      calls.push('stop');
      playing = false;
    },
    isPlaying: () => playing,
    setMetronome: (on) => calls.push(`metronome ${on}`),
    playhead: () => ({ step: 3.5, time: 1 }),
    previewNote: (p) => calls.push(`preview ${p}`),
    onAudioStatus(l) {
      audio.add(l);
      return () => audio.delete(l);
    },
    onInstrumentStatus(l) {
      instrument.add(l);
      return () => instrument.delete(l);
    },
    onPlan(l) {
      plans.add(l);
      return () => plans.delete(l);
    },
    dispose: () => calls.push('dispose'),
  };
  return {
    engine,
    calls,
    emitInstrument: (s: InstrumentStatus) => instrument.forEach((l) => l(s)),
    emitPlan: (w: PlannedWindow) => plans.forEach((l) => l(w)),
  };
}

test('nothing loads until the engine is needed; before that it reports stopped', () => {
  let loads = 0;
  const lazy = createLazyAudioEngine(async () => {
    loads++;
    return recordingEngine().engine;
  });
  expect(lazy.isPlaying()).toBe(false);
  expect(lazy.playhead().step).toBeNull();
  lazy.stop();
  expect(loads).toBe(0);
});

test('listeners and the metronome set before loading reach the real engine', async () => {
  const real = recordingEngine();
  const lazy = createLazyAudioEngine(async () => real.engine);
  const heard: string[] = [];
  lazy.onAudioStatus((s) => heard.push(`audio ${s.kind}`));
  lazy.onInstrumentStatus((s) => heard.push(`instrument ${s.kind}`));
  lazy.setMetronome(true);

  await expect(lazy.unlock()).resolves.toEqual({ kind: 'ready' });
  await lazy.play({ kind: 'phrase', phraseId: 'p' });
  real.emitInstrument({ kind: 'ready', instrument: 'piano' });
  expect(heard).toEqual(['audio ready', 'instrument ready']);
  expect(real.calls).toEqual(['metronome true', 'unlock', 'play phrase']);
  expect(lazy.isPlaying()).toBe(true);
  expect(lazy.playhead().step).toBe(3.5);
});

test('planned windows and play options pass through to a listener added before loading', async () => {
  const real = recordingEngine();
  const lazy = createLazyAudioEngine(async () => real.engine);
  const windows: PlannedWindow[] = [];
  lazy.onPlan((w) => windows.push(w));
  await lazy.play({ kind: 'phrase', phraseId: 'p' }, { countInBars: 1 });
  const window: PlannedWindow = { events: [], until: 4, clock: { audioTime: 1, performanceMs: 1000 } };
  real.emitPlan(window);
  expect(windows).toEqual([window]);
  expect(real.calls).toEqual(['play phrase count-in 1']);
});

test('an unsubscribed listener hears nothing after loading', async () => {
  const real = recordingEngine();
  const lazy = createLazyAudioEngine(async () => real.engine);
  const heard: string[] = [];
  const off = lazy.onAudioStatus((s) => heard.push(s.kind));
  off();
  await lazy.unlock();
  expect(heard).toEqual([]);
});

test('the engine loads once however often it is asked for', async () => {
  let loads = 0;
  const lazy = createLazyAudioEngine(async () => {
    loads++;
    return recordingEngine().engine;
  });
  await Promise.all([lazy.preload(), lazy.unlock(), lazy.preload()]);
  expect(loads).toBe(1);
});

test('when the engine cannot load, unlock reports blocked audio with the reason', async () => {
  const lazy = createLazyAudioEngine(async () => {
    throw new Error('chunk failed');
  });
  const heard: AudioStatus[] = [];
  lazy.onAudioStatus((s) => heard.push(s));
  const status = await lazy.unlock();
  expect(status.kind).toBe('blocked');
  expect(status.kind === 'blocked' && status.message).toContain('chunk failed');
  expect(heard).toEqual([status]);
  await expect(lazy.play({ kind: 'song' })).rejects.toThrow('chunk failed');
});

test('an engine that arrives after dispose is disposed at once', async () => {
  const real = recordingEngine();
  let resolve!: (e: AudioEngine) => void;
  const lazy = createLazyAudioEngine(() => new Promise((r) => (resolve = r)));
  const loading = lazy.preload();
  lazy.dispose();
  resolve(real.engine);
  await expect(loading).resolves.toBeNull();
  expect(real.calls).toEqual(['dispose']);
});
