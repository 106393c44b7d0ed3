import { useSyncExternalStore } from 'react';
import { pitchName } from '../../core/pitch';
import type { MidiController, MidiState } from '../../store/types';
import { useServices } from '../AppContext';
import './midi.css';

function useMidi<T>(midi: MidiController, select: (s: MidiState) => T): T {
  return useSyncExternalStore(
    midi.subscribe,
    () => select(midi.getState()),
    () => select(midi.getState()),
  );
}

const STEP_LENGTHS = [
  { steps: 1, label: 'Sixteenth' },
  { steps: 2, label: 'Eighth' },
  { steps: 4, label: 'Quarter' },
  { steps: 8, label: 'Half' },
];

/**
 * The MIDI keyboard and MIDI output controls, after the musician asks for MIDI (or at once where it was
 * allowed before). Where the browser has no Web MIDI (or it was refused) the panel says so instead of
 * offering controls that cannot work.
 */
export function MidiPanel() {
  const { midi } = useServices();
  const state = useMidi(midi, (s) => s);
  const { actions } = midi;

  const recording = state.recording;
  return (
    <section className="midi-panel" aria-label="MIDI keyboard">
      <h2 className="panel-title">MIDI keyboard</h2>
      {state.availability === 'unsupported' || state.availability === 'denied' ? (
        <p role="status" className="midi-unavailable">
          {state.reason}
        </p>
      ) : state.availability === 'unknown' ? (
        <button type="button" onClick={() => void actions.connect()}>
          Connect MIDI keyboard
        </button>
      ) : state.availability !== 'ready' ? (
        <p role="status">Looking for MIDI devices…</p>
      ) : (
        <div className="midi-controls">
          <label className="field">
            <span className="field-label">MIDI input</span>
            <select value={state.inputId ?? ''} onChange={(e) => actions.setInput(e.target.value || null)}>
              <option value="">{state.inputs.length ? 'All inputs' : 'No input connected'}</option>
              {state.inputs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">MIDI output</span>
            <select value={state.outputId ?? ''} onChange={(e) => actions.setOutput(e.target.value || null)}>
              <option value="">None</option>
              {state.outputs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={state.stepInput} onChange={(e) => actions.setStepInput(e.target.checked)} />
            <span>Step input</span>
          </label>
          <label className="field">
            <span className="field-label">Step note length</span>
            <select
              value={state.stepLength}
              onChange={(e) => actions.setStepLength(Number(e.target.value))}
              disabled={!state.stepInput}
            >
              {STEP_LENGTHS.map((l) => (
                <option key={l.steps} value={l.steps}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <span className="midi-cursor" aria-live="polite">
            Next step {state.cursor + 1}
            {state.lastPitch !== null ? ` · last note ${pitchName(state.lastPitch)}` : ''}
          </span>
          <button type="button" onClick={() => actions.setCursor(0)} disabled={state.cursor === 0}>
            Cursor to start
          </button>
          {recording.kind === 'off' ? (
            <button type="button" onClick={() => void actions.startRecording()}>
              Record
            </button>
          ) : (
            <button type="button" aria-pressed="true" onClick={() => actions.stopRecording()}>
              Stop recording
            </button>
          )}
          {recording.kind !== 'off' && (
            <span role="status" className="midi-recording">
              {recording.kind === 'count-in'
                ? `Count-in: ${recording.beatsLeft}`
                : 'Recording: play along, notes snap to the grid'}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
