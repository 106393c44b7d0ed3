import { useActions, useAppState } from '../AppContext';

/** Play/Stop (one toggle whose name follows the state), metronome, Undo and Redo. */
export function TransportControls() {
  const actions = useActions();
  const playing = useAppState((s) => s.transport.playing);
  const metronome = useAppState((s) => s.transport.metronome);
  const canUndo = useAppState((s) => s.undo.canUndo);
  const canRedo = useAppState((s) => s.undo.canRedo);

  return (
    <div className="transport-controls" role="group" aria-label="Transport">
      <button
        type="button"
        className={`play-button${playing ? ' is-playing' : ''}`}
        onClick={() => void actions.togglePlay()}
        aria-keyshortcuts="Space"
      >
        <span className="glyph" aria-hidden="true">
          {playing ? '■' : '▶'}
        </span>
        {playing ? 'Stop' : 'Play'}
      </button>
      <button type="button" className="toggle" aria-pressed={metronome} onClick={() => actions.toggleMetronome()}>
        Metronome
      </button>
      <span className="divider" aria-hidden="true" />
      <button type="button" onClick={() => actions.undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z">
        Undo
      </button>
      <button
        type="button"
        onClick={() => actions.redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        Redo
      </button>
    </div>
  );
}
