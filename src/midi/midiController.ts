import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlannedWindow } from '../core/playbackPlanner';
import { stepSeconds } from '../core/time';
import type { Bpm, MidiPitch, Note, Steps, Velocity } from '../core/types';
import type { MidiAccessResult, MidiConnection, MidiPort } from './access';
import { parseMidiMessage } from './messages';
import { createMidiOutput, type MidiSink } from './midiOutput';
import { quantizeHeldKey, stepAtEvent } from './recording';

/**
 * The MIDI keyboard and the MIDI output. A MIDI key either writes a note at the step cursor (step input),
 * or, while recording, lands where the looping playhead was when it was pressed (quantized to the grid,
 * after a one-bar count-in). Either way the notes become the phrase's notes through the same edit actions
 * as the grid (the host's `writeNote`), so Propose hears them as the musician's opening.
 *
 * No timer lives here. The count-in is the planner's (clicks before step 0) and MIDI out is one more output
 * of the windows the engine plays; what this controller follows is those windows and the key messages,
 * with the time they carry. Its state is small and for the panel only: nothing here is song data, undoable
 * or saved.
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
  /** A one-bar count-in, then the phrase loops with the metronome and keys are recorded. */
  startRecording(): Promise<void>;
  stopRecording(): void;
}

/** What the controller needs of the song and the transport; the composition root builds it from the store. */
export interface MidiSongHost {
  /** The phrase MIDI keys write into, with its length in steps; null when there is none. */
  currentPhrase(): { id: string; notes: readonly Note[]; steps: Steps } | null;
  tempo(): Bpm;
  beatsPerBar(): number;
  isPlaying(): boolean;
  /** Puts `note` into the current phrase with the grid's own edit actions (undoable, in the history). */
  writeNote(note: Note): void;
  stop(): void;
  /** Starts a take: one undo step from here, the metronome on, the phrase looping after a one-bar count-in. */
  startTake(phraseId: string): Promise<void>;
  /** Ends a take: closes its undo step, stops playback, puts the metronome back as it was. */
  endTake(): void;
  /** Told when the transport stops (Space, Stop, a song switch); that ends a take. */
  onStop(listener: () => void): () => void;
}

/** What the controller needs of the audio engine (its contract, restated so this room imports core only). */
export interface MidiPlayer {
  playhead(): { step: Steps | null };
  previewNote(pitch: MidiPitch, velocity?: Velocity): void;
  onPlan(listener: (window: PlannedWindow) => void): () => void;
  onPlayingChange?(listener: (playing: boolean) => void): () => void;
}

export interface MidiControllerDeps {
  host: MidiSongHost;
  player: MidiPlayer;
  request(): Promise<MidiAccessResult>;
  /** performance.now() milliseconds: the clock MIDI message timestamps are on. */
  now(): number;
}

export type MidiController = StoreApi<MidiState> & { actions: MidiActions; dispose(): void };

/** The longest step-input note: a whole bar of 4/4. */
const MAX_STEP_LENGTH: Steps = 16;

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

/** Creates the controller and follows the player's windows; `dispose` lets go of everything. */
export function createMidiController({ host, player, request, now }: MidiControllerDeps): MidiController {
  const store = createStore<MidiState>()(initialMidiState);
  const set = (patch: Partial<MidiState>) => store.setState(patch);
  const output = createMidiOutput();
  const held = new Map<MidiPitch, { onStep: Steps; velocity: Velocity }>();
  const offs: (() => void)[] = [];
  let connection: MidiConnection | null = null;

  const msPerStep = () => stepSeconds(host.tempo()) * 1000;
  const sink = (outputId: string | null): MidiSink | null =>
    connection && outputId
      ? { send: (data, at) => connection?.send(outputId, data, at), clear: () => connection?.clear(outputId) }
      : null;

  /** The playhead when a message stamped `timeStamp` was sent: a late callback does not make a late note. */
  function playheadStepAt(timeStamp: number, steps: Steps): Steps | null {
    const step = player.playhead().step;
    return step === null ? null : stepAtEvent(step, now() - timeStamp, msPerStep(), steps);
  }

  function onMessage(data: Uint8Array, timeStamp: number, inputId: string): void {
    const { inputId: wanted, stepInput, recording, cursor, stepLength } = store.getState();
    if (wanted !== null && wanted !== inputId) return;
    const message = parseMidiMessage(data);
    const current = host.currentPhrase();
    if (!message || !current) return;
    if (message.kind === 'note-on') {
      set({ lastPitch: message.pitch });
      if (!host.isPlaying()) player.previewNote(message.pitch, message.velocity);
      if (recording.kind === 'recording') {
        const onStep = playheadStepAt(timeStamp, current.steps);
        if (onStep !== null) held.set(message.pitch, { onStep, velocity: message.velocity });
      } else if (stepInput && recording.kind === 'off') {
        const start = cursor % current.steps;
        const length = Math.min(stepLength, current.steps - start);
        host.writeNote({ pitch: message.pitch, start, length, velocity: message.velocity });
        set({ cursor: (start + length) % current.steps });
      }
      return;
    }
    const key = held.get(message.pitch);
    if (!key || recording.kind !== 'recording') return;
    held.delete(message.pitch);
    const offStep = playheadStepAt(timeStamp, current.steps) ?? key.onStep + 1;
    host.writeNote(
      quantizeHeldKey({ pitch: message.pitch, velocity: key.velocity, onStep: key.onStep, offStep }, current.steps),
    );
  }

  /**
   * Each planned window: its notes to the MIDI output, and the count-in followed. The count-in label moves
   * as each click is planned, a look-ahead (about 0.15 s) before it sounds; recording begins with the window
   * that reaches the phrase's first step, so a key played a hair early still lands on it.
   */
  function onPlan(window: PlannedWindow): void {
    const target = sink(store.getState().outputId);
    if (target) output.play(window, target);
    const { recording } = store.getState();
    if (recording.kind !== 'count-in') return;
    if (window.until > 0) {
      held.clear();
      set({ recording: { kind: 'recording' } });
      return;
    }
    for (const { event } of window.events) {
      if (event.kind === 'click' && event.countIn !== undefined && event.countIn < recording.beatsLeft) {
        set({ recording: { kind: 'count-in', beatsLeft: event.countIn } });
      }
    }
  }

  function silenceOutput(outputId: string | null): void {
    const target = sink(outputId);
    if (target) output.stop(target);
  }

  function refreshPorts(): void {
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
  }

  offs.push(
    player.onPlan(onPlan),
    player.onPlayingChange?.((playing) => {
      if (!playing) silenceOutput(store.getState().outputId);
    }) ?? (() => {}),
    host.onStop(() => {
      if (store.getState().recording.kind !== 'off') actions.stopRecording();
    }),
  );

  const actions: MidiActions = {
    async connect() {
      if (connection || store.getState().availability === 'connecting') return;
      set({ availability: 'connecting' });
      const result = await request();
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
      silenceOutput(store.getState().outputId);
      set({ outputId });
    },
    setStepInput: (stepInput) => set({ stepInput }),
    setStepLength: (stepLength) => set({ stepLength: Math.max(1, Math.min(MAX_STEP_LENGTH, Math.round(stepLength))) }),
    setCursor: (cursor) => set({ cursor: Math.max(0, Math.round(cursor)) }),
    async startRecording() {
      if (store.getState().recording.kind !== 'off') return;
      const current = host.currentPhrase();
      if (!current) return;
      // Stopped first, so the stop is not taken for the end of the take about to begin.
      if (host.isPlaying()) host.stop();
      held.clear();
      set({ recording: { kind: 'count-in', beatsLeft: host.beatsPerBar() } });
      await host.startTake(current.id);
    },
    stopRecording() {
      if (store.getState().recording.kind === 'off') return;
      held.clear();
      set({ recording: { kind: 'off' } });
      host.endTake();
    },
  };

  return Object.assign(store, {
    actions,
    dispose() {
      actions.stopRecording();
      silenceOutput(store.getState().outputId);
      offs.splice(0).forEach((off) => off());
    },
  });
}
