import { pitchName } from '../../core/pitch';
import { DEFAULT_WINDOW_SEMITONES } from '../../core/scale';
import { LIMITS, type MidiPitch, type Phrase } from '../../core/types';
import type { PitchRange, StepSpan } from '../../store/types';
import { useActions, useAppState } from '../AppContext';

interface Props {
  phrase: Phrase | undefined;
  range: PitchRange;
  moveWindow(semitones: number): void;
  selection: StepSpan | null;
  previewing: boolean;
  /** The phrase's note pitches the window does not show (pitchesOutside). */
  outside: { above: MidiPitch[]; below: MidiPitch[] };
}

/**
 * Above the grid: the phrase's name, the selection (and how to clear it), the heat-map switch, the pitch window
 * and, when some of the phrase's notes lie outside it, how many and a way to them.
 */
export function GridToolbar({ phrase, range, moveWindow, selection, previewing, outside }: Props) {
  const actions = useActions();
  const heatMap = useAppState((s) => s.proposals.settings.heatMap);
  return (
    <div className="grid-toolbar">
      <h2 className="grid-title">
        <span className="phrase-swatch" style={{ background: phrase?.color }} aria-hidden="true" />
        Phrase {phrase?.name ?? 'A'}
      </h2>
      {selection && (
        <span className="grid-hint selection-hint">
          Steps {selection.start + 1}–{selection.end} selected: Propose writes there.{' '}
          <button type="button" className="link" onClick={() => actions.setSelection(null)}>
            Clear
          </button>{' '}
          <kbd>Esc</kbd>
        </span>
      )}
      {previewing && (
        <button
          type="button"
          className="ghost toggle small"
          aria-pressed={heatMap}
          title="Draw the model's probability of every pitch under the ghost notes"
          onClick={() => actions.setProposalSettings({ heatMap: !heatMap })}
        >
          Heat map
        </button>
      )}
      <span className="grid-hint">
        {pitchName(range.low)}–{pitchName(range.high)}
      </span>
      <button
        type="button"
        className="ghost small"
        onClick={() => moveWindow(12)}
        disabled={range.high >= LIMITS.pitch.max}
      >
        Show higher notes
      </button>
      <button
        type="button"
        className="ghost small"
        onClick={() => moveWindow(-12)}
        disabled={range.low <= LIMITS.pitch.min}
      >
        Show lower notes
      </button>
      <OutsideNotes side="above" pitches={outside.above} reveal={actions.revealPitches} />
      <OutsideNotes side="below" pitches={outside.below} reveal={actions.revealPitches} />
      {range.high - range.low > DEFAULT_WINDOW_SEMITONES && (
        // A candidate wider than the window grew it (windowShowing); this takes it back to two octaves.
        <button
          type="button"
          className="ghost small"
          title="Shrink the pitch window back to two octaves from the key's tonic"
          onClick={() => actions.setPitchRange(undefined)}
        >
          Two octaves
        </button>
      )}
    </div>
  );
}

/** "Show 3 notes above": moves the window just far enough to draw them (it grows if they span more than it). */
function OutsideNotes({
  side,
  pitches,
  reveal,
}: {
  side: 'above' | 'below';
  pitches: MidiPitch[];
  reveal(pitches: readonly MidiPitch[]): void;
}) {
  if (pitches.length === 0) return null;
  return (
    <button
      type="button"
      className="small"
      title={`Some of this phrase's notes are ${side} the pitch window; move the window to them`}
      onClick={() => reveal(pitches)}
    >
      Show {pitches.length} {pitches.length === 1 ? 'note' : 'notes'} {side}
    </button>
  );
}
