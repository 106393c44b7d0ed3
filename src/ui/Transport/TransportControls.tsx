import { useActions, useAppState } from '../AppContext';
import { MetronomeIcon, RedoIcon, UndoIcon } from '../Icons';

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
      <button
        type="button"
        className="toggle icon-button"
        aria-pressed={metronome}
        aria-label="Metronome"
        title="Metronome"
        onClick={() => actions.toggleMetronome()}
      >
        <MetronomeIcon />
      </button>
      <span className="divider" aria-hidden="true" />
      <button
        type="button"
        className="icon-button"
        aria-label="Undo"
        title="Undo (Ctrl/⌘+Z)"
        onClick={() => actions.undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Redo"
        title="Redo (Ctrl/⌘+Shift+Z)"
        onClick={() => actions.redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        <RedoIcon />
      </button>
    </div>
  );
}
