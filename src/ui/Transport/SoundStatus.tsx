import { useAppState, useServices } from '../AppContext';
import { INSTRUMENT_LABELS } from '../InstrumentSelect';

/**
 * What the user must know about sound: the browser blocking audio (with a way to retry from a gesture),
 * the piano still loading, or which synth plays because the piano failed.
 */
export function SoundStatus() {
  const { engine } = useServices();
  const audio = useAppState((s) => s.transport.audio);
  const instrument = useAppState((s) => s.transport.instrument);

  return (
    <div className="sound-status">
      {audio.kind === 'blocked' && (
        <p className="status-line warn" role="status">
          Sound is blocked by the browser{audio.message ? ` (${audio.message})` : ''}.{' '}
          <button type="button" className="link" onClick={() => void engine.unlock()}>
            Enable sound
          </button>
        </p>
      )}
      {instrument?.kind === 'loading' && (
        <p className="status-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {instrument.message || `Loading ${INSTRUMENT_LABELS[instrument.instrument]}…`}
        </p>
      )}
      {instrument?.kind === 'failed' && (
        // The store also raises a notice with the reason; this stays visible after it is dismissed.
        <p className="status-line warn">
          {INSTRUMENT_LABELS[instrument.fallback]} plays: {INSTRUMENT_LABELS[instrument.instrument]} unavailable
        </p>
      )}
    </div>
  );
}
