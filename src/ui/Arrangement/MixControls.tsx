import { useState } from 'react';
import type { InstrumentId } from '../../core/types';
import type { Result, SongPart } from '../../store/song/types';
import { useActions, useAppState } from '../AppContext';
import { INSTRUMENT_LABELS } from '../Transport/SongSettings';

/** Volume and mute for the melody and the chords, and the chords' own instrument (all saved in the song). */
export function MixControls() {
  const actions = useActions();
  const instruments = useAppState((s) => s.song.instruments);
  const [reason, setReason] = useState('');
  const show = (r: Result) => setReason(r.ok ? '' : r.reason);

  const part = (which: SongPart, label: string, volume: number, muted: boolean) => (
    <div className="mix-part" role="group" aria-label={label}>
      <span className="mix-label">{label}</span>
      <input
        type="range"
        min={-60}
        max={6}
        step={1}
        aria-label={`${label} volume`}
        aria-valuetext={`${volume} dB`}
        value={volume}
        onPointerDown={() => {
          actions.beginGesture();
          const end = () => {
            window.removeEventListener('pointerup', end);
            actions.endGesture();
          };
          window.addEventListener('pointerup', end);
        }}
        onChange={(e) => show(actions.setPartVolume(which, Number(e.target.value)))}
      />
      <output className="mix-db">{volume} dB</output>
      <button type="button" className="toggle small" aria-pressed={muted} onClick={() => actions.setPartMuted(which, !muted)}>
        {`Mute ${label.toLowerCase()}`}
      </button>
    </div>
  );

  return (
    <div className="mix" role="group" aria-label="Mix">
      {part('melody', 'Melody', instruments.melodyVolume, instruments.melodyMuted)}
      {part('chords', 'Chords', instruments.chordsVolume, instruments.chordsMuted)}
      <label className="field">
        <span className="field-label">Chords instrument</span>
        <select value={instruments.chords} onChange={(e) => actions.setChordsInstrument(e.target.value as InstrumentId)}>
          {(Object.keys(INSTRUMENT_LABELS) as InstrumentId[]).map((id) => (
            <option key={id} value={id}>
              {INSTRUMENT_LABELS[id]}
            </option>
          ))}
        </select>
      </label>
      {reason && (
        <span role="status" className="field-reason">
          {reason}
        </span>
      )}
    </div>
  );
}
