import { memo, useState } from 'react';
import type { Result, SongPart } from '../../store/song/types';
import { useActions, useAppState } from '../AppContext';
import { InstrumentSelect } from '../InstrumentSelect';

/** Volume and mute for the melody and the chords, and the chords' own instrument (all saved in the song). */
/** Memoized: the Arrangement re-renders on every note edit, the mix only when the instruments change. */
export const MixControls = memo(function MixControls() {
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
      <button
        type="button"
        className="toggle small"
        aria-pressed={muted}
        onClick={() => actions.setPartMuted(which, !muted)}
      >
        {`Mute ${label.toLowerCase()}`}
      </button>
    </div>
  );

  return (
    <div className="mix" role="group" aria-label="Mix">
      {part('melody', 'Melody', instruments.melodyVolume, instruments.melodyMuted)}
      {part('chords', 'Chords', instruments.chordsVolume, instruments.chordsMuted)}
      <InstrumentSelect label="Chords instrument" value={instruments.chords} onChange={actions.setChordsInstrument} />
      {reason && (
        <span role="status" className="field-reason">
          {reason}
        </span>
      )}
    </div>
  );
});
