import { useEffect, useLayoutEffect, useRef } from 'react';
import { phraseSteps } from '../../core/meter';
import { pitchName } from '../../core/pitch';
import { LIMITS } from '../../core/types';
import { useAppState, useServices } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';
import { theorySettings, useTheorySettings } from '../Theory/theorySettings';
import { nextStepAfter, pianoKeyIntent, PIANO_KEY_LETTERS } from './pianoKeys';
import { pianoKeyState, usePianoKeyState } from './pianoKeyState';

const BASE_C = 60; // the A key plays C4 at octave 0

function typingInto(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'range' && type !== 'button';
}

/**
 * The computer keyboard as a piano, always listening (mounted by the app, whether or not the Keyboard panel
 * is open): the keys are heard, and with "Step input" on they write a note at the grid's focused step (or
 * the step input cursor) and move on by the note length.
 */
export function usePianoKeys(): void {
  const { actions, engine, store } = useServices();
  const settings = useTheorySettings();
  const phrase = useAppState(selectCurrentPhrase);
  const timeSignature = useAppState((s) => s.song.timeSignature);
  const total = phrase ? phraseSteps(phrase, timeSignature) : 16;
  const latest = useRef({ total, settings });
  useLayoutEffect(() => {
    latest.current = { total, settings };
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typingInto(e.target)) return;
      const intent = pianoKeyIntent(e);
      if (intent.kind === 'none') return;
      e.preventDefault();
      const { total: steps, settings: s } = latest.current;
      const { octave: oct, cursor: cur } = pianoKeyState.get();
      if (intent.kind === 'octave') {
        pianoKeyState.set({ octave: Math.max(-3, Math.min(3, oct + intent.delta)) });
        return;
      }
      const pitch = Math.max(LIMITS.pitch.min, Math.min(LIMITS.pitch.max, BASE_C + 12 * oct + intent.semitone));
      engine.previewNote(pitch);
      if (!s.stepInput) return;
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const focusedStep = focused?.getAttribute('role') === 'gridcell' ? Number(focused.dataset.step) : NaN;
      const step = Number.isFinite(focusedStep) ? focusedStep : Math.min(cur, steps - 1);
      const here = selectCurrentPhrase(store.getState())?.notes.find((n) => n.start === step);
      actions.beginGesture();
      if (!(here && here.pitch === pitch)) actions.toggleNote(pitch, step);
      actions.setNoteLength(step, s.stepLength);
      actions.endGesture();
      const next = nextStepAfter(step, s.stepLength, steps);
      pianoKeyState.set({ cursor: next });
      // Keep the grid's roving focus with the cursor when the grid had it and the row is on screen.
      if (Number.isFinite(focusedStep)) {
        document.querySelector<HTMLElement>(`[role="grid"] [data-pitch="${pitch}"] [data-step="${next}"]`)?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, engine, store]);
}

/** The Keyboard panel: step input on or off, the note length it writes, and which keys play what. */
export function StepInput() {
  const settings = useTheorySettings();
  const phrase = useAppState(selectCurrentPhrase);
  const timeSignature = useAppState((s) => s.song.timeSignature);
  const total = phrase ? phraseSteps(phrase, timeSignature) : 16;
  const { octave, cursor } = usePianoKeyState();

  return (
    <fieldset className="step-input">
      <legend>Computer keyboard</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.stepInput}
          onChange={(e) => theorySettings.set({ stepInput: e.target.checked })}
        />{' '}
        Step input
      </label>
      <label>
        Note length{' '}
        <select
          value={settings.stepLength}
          onChange={(e) => theorySettings.set({ stepLength: Number(e.target.value) })}
        >
          <option value={1}>Sixteenth</option>
          <option value={2}>Eighth</option>
          <option value={4}>Quarter</option>
          <option value={8}>Half</option>
        </select>
      </label>
      <span className="step-input-hint" aria-live="polite">
        Keys {PIANO_KEY_LETTERS} play {pitchName(BASE_C + 12 * octave)} up; Z / X octave
        {settings.stepInput ? `; next step ${Math.min(cursor, total - 1) + 1}` : ''}
      </span>
    </fieldset>
  );
}
