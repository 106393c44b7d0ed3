import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AudioEngine } from '../../../src/audio/types';
import type { MidiConnection } from '../../../src/midi/access';
import { createMidiStore } from '../../../src/store/midiStore';
import { FakeEngine, makeApp } from '../store/fakes';

/** The store tests' fake engine, with a playhead the test sets. */
function playheadEngine(): FakeEngine & { step: number | null } {
  const engine = Object.assign(new FakeEngine(), { step: null as number | null });
  (engine as AudioEngine).playhead = () => ({ step: engine.step, time: 0 });
  return engine;
}

function fakeConnection() {
  let listener: ((data: Uint8Array, t: number, id: string) => void) | null = null;
  const sent: { data: number[]; at?: number }[] = [];
  const connection: MidiConnection = {
    inputs: () => [{ id: 'in-1', name: 'Keys' }],
    outputs: () => [{ id: 'out-1', name: 'Synth' }],
    onMessage: (l) => ((listener = l), () => (listener = null)),
    onPortsChange: () => () => undefined,
    send: (_id, data, at) => void sent.push({ data, at }),
    clear: () => undefined,
  };
  return { connection, sent, play: (data: number[], t: number) => listener?.(Uint8Array.from(data), t, 'in-1') };
}

function setup() {
  const engine = playheadEngine();
  const app = makeApp({ engine });
  const midi = fakeConnection();
  let now = 0;
  const store = createMidiStore({ app, engine, request: async () => ({ ok: true, connection: midi.connection }), clock: () => now });
  return { app, engine, midi, store, setNow: (t: number) => void (now = t) };
}

afterEach(() => vi.useRealTimers());

describe('the MIDI keyboard', () => {
  it('step input writes each key at the cursor with the chosen length and moves on', async () => {
    const { app, midi, store } = setup();
    await store.actions.connect();
    expect(store.getState()).toMatchObject({ availability: 'ready', inputs: [{ name: 'Keys' }], outputs: [{ name: 'Synth' }] });
    midi.play([0x90, 60, 90], 0);
    midi.play([0x80, 60, 0], 0);
    midi.play([0x90, 64, 80], 0);
    expect(app.notes()).toEqual([
      { pitch: 60, start: 0, length: 2, velocity: 90 },
      { pitch: 64, start: 2, length: 2, velocity: 80 },
    ]);
    expect(store.getState().cursor).toBe(4);
    expect(app.phrase().origin.kind).toBe('hand');
  });

  it('says why when the browser has no Web MIDI', async () => {
    const { app, engine } = setup();
    const store = createMidiStore({ app, engine, request: async () => ({ ok: false, unsupported: true, reason: 'This browser has no Web MIDI' }) });
    await store.actions.connect();
    expect(store.getState()).toMatchObject({ availability: 'unsupported', reason: 'This browser has no Web MIDI' });
  });

  it('records after a one-bar count-in, quantized to the playhead, as one undo step', async () => {
    vi.useFakeTimers();
    const { app, engine, midi, store, setNow } = setup();
    await store.actions.connect();
    await store.actions.startRecording();
    expect(store.getState().recording).toEqual({ kind: 'count-in', beatsLeft: 4 });
    await vi.advanceTimersByTimeAsync(4 * 4 * (60_000 / 110 / 4) + 5);
    expect(store.getState().recording).toEqual({ kind: 'recording' });
    expect(engine.played).toEqual([{ kind: 'phrase', phraseId: app.phrase().id }]);
    expect(engine.metronome).toBe(true);

    // A key pressed at step 3.9 and let go at 7.8 (message handled on time) becomes steps 4..8.
    engine.step = 3.9;
    setNow(1000);
    midi.play([0x90, 67, 100], 1000);
    engine.step = 7.8;
    midi.play([0x80, 67, 0], 1000);
    // One handled 2 steps late (lag from the event's timestamp) still lands on step 12.
    const msPerStep = 60_000 / 110 / 4;
    engine.step = 14;
    setNow(2000);
    midi.play([0x90, 69, 100], 2000 - 2 * msPerStep);
    engine.step = 15;
    midi.play([0x80, 69, 0], 2000);
    store.actions.stopRecording();
    expect(app.notes().map((n) => [n.pitch, n.start, n.length])).toEqual([
      [67, 4, 4],
      [69, 12, 3],
    ]);
    expect(engine.metronome).toBe(false);
    app.actions.undo();
    expect(app.notes()).toEqual([]);
  });
});

describe('MIDI output', () => {
  it('sends the playing phrase to the output, timed from the playhead, and silences it on stop', async () => {
    vi.useFakeTimers();
    const { app, engine, midi, store, setNow } = setup();
    await store.actions.connect();
    store.actions.setOutput('out-1');
    app.actions.toggleNote(60, 0);
    app.actions.toggleNote(62, 4);
    engine.step = 0;
    setNow(10_000);
    await app.actions.play();
    const msPerStep = 60_000 / 110 / 4;
    // Ticks every 25 ms; the playhead moves on with the clock.
    for (let i = 1; i <= 40; i += 1) {
      setNow(10_000 + i * 25);
      engine.step = (i * 25) / msPerStep;
      await vi.advanceTimersByTimeAsync(25);
    }
    const ons = midi.sent.filter((m) => m.data[0] === 0x90);
    expect(ons.map((m) => m.data[1])).toEqual([60, 62]);
    expect(ons[1].at! - ons[0].at!).toBeCloseTo(4 * msPerStep, 0);
    app.actions.stop();
    expect(midi.sent.at(-1)).toEqual({ data: [0xb0, 123, 0], at: undefined });
  });
});
