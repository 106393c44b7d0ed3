import { afterEach, describe, expect, it } from 'vitest';
import { getContext, getDestination } from 'tone';
import { createAudioEngine } from '../../../src/audio/engine';
import { loadPianoSamples } from '../../../src/audio/pianoSamples';
import type { AudioEngine, InstrumentStatus } from '../../../src/audio/types';
import type { Song } from '../../../src/core/types';
import { phraseWith, songWith } from '../../fixtures/playbackFixtures';

// The live engine in real Chromium, on the real audio clock: these tests wait in wall-clock time.
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loop = { kind: 'phrase', phraseId: 'a' } as const;
const everyOtherStep = (bars = 1) =>
  phraseWith(
    Array.from({ length: 8 * bars }, (_, i) => ({ start: i * 2, pitch: 64 + (i % 5), length: 1 })),
    bars,
  );

/**
 * The loudest sample leaving the speakers, listened to for `ms` milliseconds, or (with `enough`) until a
 * sample that loud is heard. A loaded machine may take a while to start the audio clock, so the positive
 * checks wait for sound instead of sampling a fixed window.
 */
async function peakOutput(ms: number, enough = Infinity): Promise<number> {
  const analyser = getContext().createAnalyser();
  analyser.fftSize = 2048;
  getDestination().connect(analyser);
  const data = new Float32Array(analyser.fftSize);
  let peak = 0;
  const until = performance.now() + ms;
  while (performance.now() < until && peak < enough) {
    analyser.getFloatTimeDomainData(data);
    for (const x of data) peak = Math.max(peak, Math.abs(x));
    await wait(15);
  }
  getDestination().disconnect(analyser);
  return peak;
}

/** True once something at least 0.02 loud leaves the speakers within three seconds. */
const soundIsHeard = async () => (await peakOutput(3000, 0.02)) >= 0.02;

/** Steps per audio-clock second the playhead moves over at least `seconds` of audio time (undoing a loop wrap). */
async function playheadSpeed(engine: AudioEngine, loopLength: number, seconds = 0.25): Promise<number> {
  const a = engine.playhead();
  let b = a;
  for (let i = 0; i < 300 && b.time - a.time < seconds; i++) {
    await wait(10);
    b = engine.playhead();
  }
  const moved = (((b.step! - a.step!) % loopLength) + loopLength) % loopLength;
  return moved / (b.time - a.time);
}

let engine: AudioEngine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

describe('the live audio engine', () => {
  it('unlocks the context, loops a phrase from the audio clock, follows a tempo change, and stops', async () => {
    let song: Song = songWith([everyOtherStep()], {
      tempo: 120,
      instruments: { ...songWith([everyOtherStep()]).instruments, melody: 'square-lead' },
    });
    engine = createAudioEngine(() => song);
    await expect(engine.unlock()).resolves.toEqual({ kind: 'ready' });

    await engine.play(loop);
    expect(engine.isPlaying()).toBe(true);
    expect(await soundIsHeard()).toBe(true);
    const slow = await playheadSpeed(engine, 16);
    expect(slow).toBeGreaterThan(7.5);
    expect(slow).toBeLessThan(8.5);

    song = { ...song, tempo: 240 };
    await playheadSpeed(engine, 16, 0.2); // the change is heard from the next look-ahead window on
    const fast = await playheadSpeed(engine, 16);
    expect(fast).toBeGreaterThan(15);
    expect(fast).toBeLessThan(17);
    const step = engine.playhead().step!;
    expect(step).toBeGreaterThanOrEqual(0);
    expect(step).toBeLessThan(16);

    engine.stop();
    expect(engine.isPlaying()).toBe(false);
    expect(engine.playhead().step).toBeNull();
    await wait(250); // the fade, and any note that was already scheduled, must be gone
    expect(await peakOutput(300)).toBeLessThan(0.001);
  });

  it('plays a synth while the piano loads, then reports the piano ready', async () => {
    const song = songWith([everyOtherStep()], { tempo: 150 });
    expect(song.instruments.melody).toBe('piano');
    const statuses: InstrumentStatus['kind'][] = [];
    engine = createAudioEngine(() => song);
    engine.onInstrumentStatus((s) => statuses.push(s.kind));
    await engine.unlock();
    await engine.play(loop);
    expect(statuses[0]).toBe('loading');
    expect(await soundIsHeard()).toBe(true);
    for (let i = 0; i < 100 && !statuses.includes('ready'); i++) await wait(200);
    expect(statuses).toEqual(['loading', 'ready']);
    expect(await soundIsHeard()).toBe(true);
  });

  it('keeps playing on the synth and says why when the piano fails to load', async () => {
    const song = songWith([everyOtherStep()], { tempo: 150 });
    const statuses: InstrumentStatus[] = [];
    engine = createAudioEngine(() => song, { loadPiano: () => loadPianoSamples('/samples/not-there/') });
    engine.onInstrumentStatus((s) => statuses.push(s));
    await engine.play(loop);
    for (let i = 0; i < 50 && statuses.length < 2; i++) await wait(100);
    expect(statuses[1]).toMatchObject({ kind: 'failed', instrument: 'piano', fallback: 'triangle-synth' });
    expect(statuses[1].kind === 'failed' && statuses[1].message).toMatch(
      /piano sounds could not be loaded.*A synth plays instead\.$/,
    );
    expect(await soundIsHeard()).toBe(true);
  });

  it('plays the song once and stops by itself at its end', async () => {
    const base = songWith([everyOtherStep()], { tempo: 240 }); // one bar: 1 s
    const song = { ...base, instruments: { ...base.instruments, melody: 'fm-bell' as const } };
    engine = createAudioEngine(() => song);
    const changes: boolean[] = [];
    engine.onPlayingChange?.((playing) => changes.push(playing));
    await engine.play({ kind: 'song' });
    const startedAt = getContext().currentTime;
    expect(changes).toEqual([true]);
    let midway: number | null = null;
    for (let i = 0; i < 500 && engine.isPlaying(); i++) {
      await wait(10);
      if (getContext().currentTime - startedAt > 0.5) midway ??= engine.playhead().step;
    }
    const endedAfter = getContext().currentTime - startedAt;
    expect(midway).toBeGreaterThan(4);
    // 60 ms start delay + 1 s of music; the audio clock is read in blocks, so allow a little either way.
    expect(endedAfter).toBeGreaterThan(0.9);
    expect(endedAfter).toBeLessThan(1.4);
    expect(engine.playhead().step).toBeNull();
    expect(changes).toEqual([true, false]);
  });

  it('previews a single note at once', async () => {
    const base = songWith([phraseWith([])]);
    engine = createAudioEngine(() => ({ ...base, instruments: { ...base.instruments, melody: 'triangle-synth' } }));
    await engine.unlock();
    expect(engine.outputLevel!()).toBe(0);
    engine.previewNote(69, 110);
    // outputLevel() is the engine's own meter on the master output (what end-to-end tests can read).
    let level = 0;
    for (let i = 0; i < 300 && level < 0.02; i++) {
      level = Math.max(level, engine.outputLevel!());
      await wait(10);
    }
    expect(level).toBeGreaterThan(0.02);
  });
});
