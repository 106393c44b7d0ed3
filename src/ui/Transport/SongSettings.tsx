import { useState } from 'react';
import { KEY_TONICS, SCALE_NAMES } from '../../core/scale';
import { LIMITS, type ScaleName } from '../../core/types';
import type { AppActions } from '../../store/types';
import { useActions, useAppState, useServices } from '../AppContext';
import { useAssignmentLocks } from '../Assignment/useAssignment';
import { InstrumentSelect } from '../InstrumentSelect';
import { selectCurrentPhrase } from '../selectors';

/**
 * A slider drag is one undo step, like a drag on the grid. The release is heard on the window because the
 * pointer may leave the slider before it is let go.
 */
function sliderGesture(actions: Pick<AppActions, 'beginGesture' | 'endGesture'>) {
  actions.beginGesture();
  const end = () => {
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    actions.endGesture();
  };
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}

const BAR_CHOICES = Array.from({ length: LIMITS.bars.max - LIMITS.bars.min + 1 }, (_, i) => LIMITS.bars.min + i);

/** Key, scale, swing, phrase length and instrument: the song's settings, each one undo step. */
export function SongSettings() {
  const actions = useActions();
  const { engine } = useServices();
  const key = useAppState((s) => s.song.key);
  const swing = useAppState((s) => s.song.swing);
  const instrument = useAppState((s) => s.song.instruments.melody);
  const bars = useAppState((s) => selectCurrentPhrase(s)?.bars ?? 1);
  const [reason, setReason] = useState('');
  const locks = useAssignmentLocks();
  const tonics = KEY_TONICS.includes(key.tonic) ? KEY_TONICS : [key.tonic, ...KEY_TONICS];

  const show = (r: { ok: true } | { ok: false; reason: string }) => setReason(r.ok ? '' : r.reason);

  return (
    <div className="settings" role="group" aria-label="Song settings">
      <label className="field">
        <span className="field-label">Key</span>
        <select
          value={key.tonic}
          disabled={!!locks.key}
          title={locks.key}
          onChange={(e) => show(actions.setKey(e.target.value))}
        >
          {tonics.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Scale</span>
        <select
          value={key.scale}
          disabled={!!locks.scale}
          title={locks.scale}
          onChange={(e) => show(actions.setScale(e.target.value as ScaleName))}
        >
          {SCALE_NAMES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {/* Not named "Bars": the UI contract gives that name to the length of a proposal. */}
      <label className="field">
        <span className="field-label">Phrase length</span>
        <select
          value={bars}
          disabled={!!locks.bars}
          title={locks.bars}
          onChange={(e) => show(actions.setBars(Number(e.target.value)))}
        >
          {BAR_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? '1 bar' : `${n} bars`}
            </option>
          ))}
        </select>
      </label>
      <label className="field swing-field">
        <span className="field-label">Swing</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={Math.round(swing * 100)}
          aria-valuetext={`${Math.round(swing * 100)}%`}
          onPointerDown={() => sliderGesture(actions)}
          onChange={(e) => show(actions.setSwing(Number(e.target.value) / 100))}
        />
        <output className="swing-value">{Math.round(swing * 100)}%</output>
      </label>
      <InstrumentSelect
        label="Instrument"
        value={instrument}
        onChange={(id) => {
          actions.setInstrument(id);
          engine.previewNote(60);
        }}
      />
      {reason && (
        <span role="status" className="field-reason">
          {reason}
        </span>
      )}
    </div>
  );
}
