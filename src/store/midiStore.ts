/* eslint-disable boundaries/dependencies -- the one room exception left: this MIDI controller (a second
   scheduler) moves to src/midi as one more output of the playback planner, which ends the store -> midi import. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AudioEngine } from '../audio/types';
import { noteStartingAt } from '../core/edit';
import { phraseSteps } from '../core/meter';
import { resolveTimeline, timelineEventsBetween } from '../core/playback';
import { findPhrase } from '../core/song';
import { stepSeconds } from '../core/time';
import type { Note, Steps } from '../core/types';
import { requestMidiAccess, type MidiAccessResult, type MidiConnection, type MidiPort } from '../midi/access';
import { allNotesOff, parseMidiMessage } from '../midi/messages';
import { midiMessagesFor } from '../midi/outputSchedule';
import { quantizeHeldKey, stepAtEvent } from '../midi/recording';
import type { AppStore, AppActions } from './types';

/**
 * The MIDI keyboard and the MIDI output. A MIDI key either writes a note at the step cursor (step input),
 * or, while recording, lands where the looping playhead was when it was pressed (quantized to the grid
 * after a one-bar count-in with the metronome). Either way the notes become the phrase's notes through the
 * same edit actions as the grid, so Propose hears them as the musician's opening. During playback the
 * song is sent to the chosen output, timestamped a little ahead of the playhead.
 * Kept in its own small store: nothing here is song data, undoable or saved.
 */

export type MidiAvailability = 'unknown' | 'connecting' | 'ready' | 'unsupported' | 'denied';
export type RecordingState = { kind: 'off' } | { kind: 'count-in'; beatsLeft: number } | { kind: 'recording' };

export interface MidiState {
  availability: MidiAvailability;
  /** Why MIDI cannot be used, in plain words (for unsupported/denied). */
  reason: string;
  inputs: MidiPort[];
  outputs: MidiPort[];
  /** The input listened to; null = every input. */
  inputId: string | null;
  /** The output playback is sent to; null = none. */
  outputId: string | null;
  stepInput: boolean;
  /** Where the next step-input note goes. */
  cursor: Steps;
  /** Length of each step-input note. */
  stepLength: Steps;
  recording: RecordingState;
  /** The last note heard, for the panel ("C4"). */
  lastPitch: number | null;
}

export interface MidiActions {
  /** Asks the browser for MIDI (call from a gesture or on opening the panel). */
  connect(): Promise<void>;
  setInput(id: string | null): void;
  setOutput(id: string | null): void;
  setStepInput(on: boolean): void;
  setStepLength(steps: Steps): void;
  setCursor(step: Steps): void;
  /** Count-in (one bar of clicks), then loop the phrase with the metronome and record. */
  startRecording(): Promise<void>;
  stopRecording(): void;
  dispose(): void;
}

export interface MidiDeps {
  app: { store: AppStore; actions: AppActions };
  engine: AudioEngine;
  request?: () => Promise<MidiAccessResult>;
  /** performance.now() milliseconds. */
  clock?: () => number;
  /** Output look-ahead; messages are sent this far ahead with timestamps. */
  lookAheadMs?: number;
  tickMs?: number;
}

export type MidiStore = StoreApi<MidiState> & { actions: MidiActions };

const initialMidiState = (): MidiState => ({
  availability: 'unknown',
  reason: '',
  inputs: [],
  outputs: [],
  inputId: null,
  outputId: null,
  stepInput: true,
  cursor: 0,
  stepLength: 2,
  recording: { kind: 'off' },
  lastPitch: null,
});

/** Creates the MIDI store and wires it to the app store and engine. */
export function createMidiStore(deps: MidiDeps): MidiStore {
  const { app, engine } = deps;
  const clock = deps.clock ?? (() => performance.now());
  const lookAheadMs = deps.lookAheadMs ?? 150;
  const tickMs = deps.tickMs ?? 25;
  const store = createStore<MidiState>()(initialMidiState);
  const set = (patch: Partial<MidiState>) => store.setState(patch);
  let connection: MidiConnection | null = null;
  const offs: (() => void)[] = [];
  const held = new Map<number, { onStep: Steps; velocity: number }>();
  let countInTimers: ReturnType<typeof setTimeout>[] = [];
  let metronomeWasOn = false;

  const msPerStep = () => stepSeconds(app.store.getState().song.tempo) * 1000;
  const currentPhrase = () => {
    const s = app.store.getState();
    const phrase = findPhrase(s.song, s.editor.currentPhraseId);
    return phrase ? { phrase, steps: phraseSteps(phrase, s.song.timeSignature) } : null;
  };

  /** Puts `note` into the current phrase with the grid's own edit actions (so it is undoable and in history). */
  function writeNote(note: Note): void {
    const current = currentPhrase();
    if (!current) return;
    const existing = noteStartingAt(current.phrase.notes, note.start);
    if (!existing || existing.pitch !== note.pitch) app.actions.toggleNote(note.pitch, note.start, note.velocity);
    app.actions.setNoteLength(note.start, note.length);
  }

  function playheadStepAt(timeStamp: number, steps: Steps): Steps | null {
    const step = engine.playhead().step;
    if (step === null) return null;
    return stepAtEvent(step, clock() - timeStamp, msPerStep(), steps);
  }

  function onMessage(data: Uint8Array, timeStamp: number, inputId: string): void {
    const { inputId: wanted, stepInput, recording, cursor, stepLength } = store.getState();
    if (wanted !== null && wanted !== inputId) return;
    const message = parseMidiMessage(data);
    const current = currentPhrase();
    if (!message || !current) return;
    if (message.kind === 'note-on') {
      set({ lastPitch: message.pitch });
      if (!app.store.getState().transport.playing) engine.previewNote(message.pitch, message.velocity);
      if (recording.kind === 'recording') {
        const onStep = playheadStepAt(timeStamp, current.steps);
        if (onStep !== null) held.set(message.pitch, { onStep, velocity: message.velocity });
      } else if (stepInput && recording.kind === 'off') {
        const start = cursor % current.steps;
        const length = Math.min(stepLength, current.steps - start);
        writeNote({ pitch: message.pitch, start, length, velocity: message.velocity });
        set({ cursor: (start + length) % current.steps });
      }
      return;
    }
    const key = held.get(message.pitch);
    if (!key || recording.kind !== 'recording') return;
    held.delete(message.pitch);
    const offStep = playheadStepAt(timeStamp, current.steps) ?? key.onStep + 1;
    writeNote(quantizeHeldKey({ pitch: message.pitch, velocity: key.velocity, onStep: key.onStep, offStep }, current.steps));
  }

  // --- output: a look-ahead loop against the engine's playhead while the transport plays ---
  // The playhead is read once to anchor "absolute step 0 sounds at anchorMs" on the performance.now clock;
  // every message is then timed from that anchor, so tick-to-tick jitter of the playhead reading never
  // reaches the instrument. The anchor is renewed on a tempo change or if the clocks drift apart.
  let outputTimer: ReturnType<typeof setInterval> | null = null;
  let observed = 0; // absolute step from the playhead, loops unrolled
  let lastLocal = 0;
  let sentUntil = 0;
  let anchor = { step: 0, ms: 0, msPerStep: 1 };
  // Generous: on a loaded machine the audio clock's reading jitters by tens of ms, and re-anchoring on
  // every wobble would make the instrument's tempo wobble with it.
  const DRIFT_MS = 100;
  const CATCH_UP_MS = 100;
  function stopOutput(): void {
    if (outputTimer !== null) clearInterval(outputTimer);
    outputTimer = null;
    const { outputId } = store.getState();
    if (connection && outputId) {
      connection.clear(outputId);
      connection.send(outputId, allNotesOff());
    }
  }
  function outputTick(first: boolean): void {
    const { outputId } = store.getState();
    const { song, transport } = app.store.getState();
    const step = engine.playhead().step;
    if (!connection || !outputId || !transport.target || step === null) return;
    const timeline = resolveTimeline(song, transport.target);
    if (!timeline) return;
    const now = clock();
    const perStep = msPerStep();
    if (first) {
      observed = step;
      // The first reading comes a tick after playback began: catch up on notes due a moment ago (sent at
      // once) rather than drop the downbeat.
      sentUntil = Math.max(0, step - CATCH_UP_MS / perStep);
    } else {
      let delta = step - lastLocal;
      if (delta < 0 && timeline.loop) delta += timeline.length;
      observed += Math.max(0, delta);
    }
    lastLocal = step;
    const predicted = anchor.step + (now - anchor.ms) / anchor.msPerStep;
    if (first || perStep !== anchor.msPerStep || Math.abs(predicted - observed) * perStep > DRIFT_MS) {
      anchor = { step: observed, ms: now, msPerStep: perStep };
    }
    const nowStep = anchor.step + (now - anchor.ms) / perStep;
    const horizon = nowStep + lookAheadMs / perStep;
    if (horizon <= sentUntil) return;
    const events = timelineEventsBetween(timeline, sentUntil, horizon);
    for (const m of midiMessagesFor(events, anchor.step, anchor.ms, perStep)) connection.send(outputId, m.data, Math.max(now, m.at));
    sentUntil = horizon;
  }
  function startOutput(): void {
    stopOutput();
    if (!connection || !store.getState().outputId) return;
    let first = true;
    const tick = () => {
      // The playhead reads null until the engine has really started; wait for it before anchoring.
      if (first && engine.playhead().step === null) return;
      outputTick(first);
      first = false;
    };
    tick();
    outputTimer = setInterval(tick, tickMs);
  }
  offs.push(
    app.store.subscribe((state, previous) => {
      const playing = state.transport.playing;
      const changed = playing !== previous.transport.playing || state.transport.target !== previous.transport.target;
      if (changed) (playing ? startOutput : stopOutput)();
      // Stopping the transport (Space, Stop, a song switch) ends a take.
      if (!playing && previous.transport.playing && store.getState().recording.kind === 'recording') actions.stopRecording();
    }),
  );

  const refreshPorts = () => {
    if (!connection) return;
    const inputs = connection.inputs();
    const outputs = connection.outputs();
    const { inputId, outputId } = store.getState();
    set({
      inputs,
      outputs,
      inputId: inputs.some((p) => p.id === inputId) ? inputId : null,
      outputId: outputs.some((p) => p.id === outputId) ? outputId : null,
    });
  };

  const actions: MidiActions = {
    async connect() {
      if (connection || store.getState().availability === 'connecting') return;
      set({ availability: 'connecting' });
      const result = await (deps.request ?? (() => requestMidiAccess(navigator)))();
      if (!result.ok) {
        set({ availability: result.unsupported ? 'unsupported' : 'denied', reason: result.reason });
        return;
      }
      connection = result.connection;
      offs.push(connection.onMessage(onMessage), connection.onPortsChange(refreshPorts));
      set({ availability: 'ready', reason: '' });
      refreshPorts();
    },
    setInput: (inputId) => set({ inputId }),
    setOutput(outputId) {
      stopOutput();
      set({ outputId });
      if (app.store.getState().transport.playing) startOutput();
    },
    setStepInput: (stepInput) => set({ stepInput }),
    setStepLength: (stepLength) => set({ stepLength: Math.max(1, Math.min(16, Math.round(stepLength))) }),
    setCursor: (cursor) => set({ cursor: Math.max(0, Math.round(cursor)) }),
    async startRecording() {
      if (store.getState().recording.kind !== 'off') return;
      const current = currentPhrase();
      if (!current) return;
      await engine.unlock();
      app.actions.stop();
      const { song } = app.store.getState();
      const beats = song.timeSignature.beats;
      const stepsPerBeat = 16 / song.timeSignature.beatUnit;
      const beatMs = stepsPerBeat * msPerStep();
      set({ recording: { kind: 'count-in', beatsLeft: beats } });
      // The count-in: one bar of clicks on the instrument (accent on the first), then the loop starts.
      for (let i = 0; i < beats; i += 1) {
        countInTimers.push(
          setTimeout(() => {
            engine.previewNote(i === 0 ? 84 : 79, i === 0 ? 110 : 80);
            set({ recording: { kind: 'count-in', beatsLeft: beats - i } });
          }, i * beatMs),
        );
      }
      countInTimers.push(
        setTimeout(() => {
          countInTimers = [];
          metronomeWasOn = app.store.getState().transport.metronome;
          if (!metronomeWasOn) app.actions.toggleMetronome();
          held.clear();
          // The whole take is one undo step.
          app.actions.beginGesture();
          set({ recording: { kind: 'recording' } });
          void app.actions.play({ kind: 'phrase', phraseId: current.phrase.id });
        }, beats * beatMs),
      );
    },
    stopRecording() {
      const { recording } = store.getState();
      if (recording.kind === 'off') return;
      countInTimers.forEach(clearTimeout);
      countInTimers = [];
      set({ recording: { kind: 'off' } });
      if (recording.kind === 'recording') {
        held.clear();
        app.actions.endGesture();
        if (app.store.getState().transport.playing) app.actions.stop();
        if (!metronomeWasOn && app.store.getState().transport.metronome) app.actions.toggleMetronome();
      }
    },
    dispose() {
      actions.stopRecording();
      stopOutput();
      offs.forEach((off) => off());
    },
  };
  return Object.assign(store, { actions });
}

const stores = new WeakMap<AppStore, MidiStore>();

/** The page's MIDI store for this app store, made on first use. */
export function getMidiStore(deps: MidiDeps): MidiStore {
  let midi = stores.get(deps.app.store);
  if (!midi) {
    midi = createMidiStore(deps);
    stores.set(deps.app.store, midi);
  }
  return midi;
}
