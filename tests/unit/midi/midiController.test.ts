import { describe, expect, it } from 'vitest';
import { midiSongHost } from '../../../src/app/midiHost';
import { planWindow, startPlanner, type PlannerState } from '../../../src/core/playbackPlanner';
import type { MidiConnection } from '../../../src/midi/access';
import { createMidiController } from '../../../src/midi/midiController';
import { FakeEngine, makeApp } from '../store/fakes';

// The controller with the app's real host over a real store; the engine is a fake whose planned windows the
// test makes with the real planner, at times the test chooses. No timers run: time is passed in.

/** The store tests' fake engine, with a playhead the test sets. */
function playheadEngine(): FakeEngine & { step: number | null } {
  const engine = Object.assign(new FakeEngine(), { step: null as number | null });
  engine.playhead = () => ({ step: engine.step, time: 0 });
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
  const controller = createMidiController({
    host: midiSongHost(app),
    player: engine,
    request: async () => ({ ok: true, connection: midi.connection }),
    now: () => now,
  });
  /** Plays the engine's part: plans windows from `from` to `to` seconds (audio clock = performance clock / 1000). */
  function planUntil(state: PlannerState, from: number, to: number): PlannerState {
    let planner = state;
    for (let t = from; t < to; t += 0.025) {
      const result = planWindow(
        planner,
        app.store.getState().song,
        { kind: 'phrase', phraseId: app.phrase().id },
        t,
        0.15,
        {
          metronome: engine.metronome,
        },
      );
      planner = result.state;
      engine.emitPlan({
        events: result.events,
        until: planner.horizon,
        clock: { audioTime: t, performanceMs: t * 1000 },
      });
    }
    return planner;
  }
  return { app, engine, midi, controller, planUntil, setNow: (t: number) => void (now = t) };
}

const msPerStep = 60_000 / 110 / 4; // the default song is at 110 BPM

describe('the MIDI keyboard', () => {
  it('step input writes each key at the cursor with the chosen length and moves on', async () => {
    const { app, midi, controller } = setup();
    await controller.actions.connect();
    expect(controller.getState()).toMatchObject({
      availability: 'ready',
      inputs: [{ name: 'Keys' }],
      outputs: [{ name: 'Synth' }],
    });
    midi.play([0x90, 60, 90], 0);
    midi.play([0x80, 60, 0], 0);
    midi.play([0x90, 64, 80], 0);
    expect(app.notes()).toEqual([
      { pitch: 60, start: 0, length: 2, velocity: 90 },
      { pitch: 64, start: 2, length: 2, velocity: 80 },
    ]);
    expect(controller.getState().cursor).toBe(4);
    expect(app.phrase().origin.kind).toBe('hand');
  });

  it('says why when the browser has no Web MIDI', async () => {
    const { app, engine } = setup();
    const controller = createMidiController({
      host: midiSongHost(app),
      player: engine,
      request: async () => ({ ok: false, unsupported: true, reason: 'This browser has no Web MIDI' }),
      now: () => 0,
    });
    await controller.actions.connect();
    expect(controller.getState()).toMatchObject({
      availability: 'unsupported',
      reason: 'This browser has no Web MIDI',
    });
  });

  it('records after the planner’s one-bar count-in, quantized to the playhead, as one undo step', async () => {
    const { app, engine, midi, controller, planUntil, setNow } = setup();
    await controller.actions.connect();
    await controller.actions.startRecording();
    expect(controller.getState().recording).toEqual({ kind: 'count-in', beatsLeft: 4 });
    expect(engine.played).toEqual([{ kind: 'phrase', phraseId: app.phrase().id }]);
    expect(engine.playOptions).toEqual([{ countInBars: 1 }]);
    expect(engine.metronome).toBe(true);

    // The count-in is the planner's: four clicks before step 0, counted down as they are planned.
    const counted: number[] = [];
    const off = controller.subscribe((s) => s.recording.kind === 'count-in' && counted.push(s.recording.beatsLeft));
    const beatSeconds = (4 * msPerStep) / 1000;
    let planner = planUntil(startPlanner(0, 110, 16), 0, 3.5 * beatSeconds);
    expect(counted).toEqual([3, 2, 1]);
    expect(controller.getState().recording.kind).toBe('count-in');
    planner = planUntil(planner, 3.5 * beatSeconds, 4 * beatSeconds);
    expect(controller.getState().recording).toEqual({ kind: 'recording' });
    off();

    // A key pressed at step 3.9 and let go at 7.8 (message handled on time) becomes steps 4..8.
    engine.step = 3.9;
    setNow(1000);
    midi.play([0x90, 67, 100], 1000);
    engine.step = 7.8;
    midi.play([0x80, 67, 0], 1000);
    // One handled 2 steps late (lag from the event's timestamp) still lands on step 12.
    engine.step = 14;
    setNow(2000);
    midi.play([0x90, 69, 100], 2000 - 2 * msPerStep);
    engine.step = 15;
    midi.play([0x80, 69, 0], 2000);
    controller.actions.stopRecording();
    expect(app.notes().map((n) => [n.pitch, n.start, n.length])).toEqual([
      [67, 4, 4],
      [69, 12, 3],
    ]);
    expect(engine.metronome).toBe(false);
    expect(app.store.getState().transport.playing).toBe(false);
    app.actions.undo();
    expect(app.notes()).toEqual([]);
    expect(planner.horizon).toBeGreaterThan(0);
  });

  it('stopping the transport ends a take', async () => {
    const { app, controller } = setup();
    await controller.actions.connect();
    await controller.actions.startRecording();
    app.actions.stop();
    expect(controller.getState().recording).toEqual({ kind: 'off' });
  });
});

describe('MIDI output', () => {
  it('sends the notes of each planned window, timed on the performance clock, and silences the output on stop', async () => {
    const { app, midi, controller, planUntil } = setup();
    await controller.actions.connect();
    controller.actions.setOutput('out-1');
    app.actions.toggleNote(60, 0);
    app.actions.toggleNote(62, 4);
    await app.actions.play();
    planUntil(startPlanner(10, 110), 10, 11);
    const ons = midi.sent.filter((m) => m.data[0] === 0x90);
    expect(ons.map((m) => m.data[1])).toEqual([60, 62]);
    expect(ons[0].at).toBeCloseTo(10_000, 6);
    expect(ons[1].at! - ons[0].at!).toBeCloseTo(4 * msPerStep, 6);
    app.actions.stop();
    expect(midi.sent.at(-1)).toEqual({ data: [0xb0, 123, 0], at: undefined });
  });

  it('lets go of the engine and the transport when disposed', async () => {
    const { app, engine, midi, controller, planUntil } = setup();
    await controller.actions.connect();
    controller.actions.setOutput('out-1');
    app.actions.toggleNote(60, 0);
    controller.dispose();
    const sentBefore = midi.sent.length;
    await app.actions.play();
    planUntil(startPlanner(0, 110), 0, 1);
    expect(midi.sent.length).toBe(sentBefore);
    expect(engine.isPlaying()).toBe(true);
  });
});
