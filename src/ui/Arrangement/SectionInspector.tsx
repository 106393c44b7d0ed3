import type { Section } from '../../core/types';
import { LIMITS } from '../../core/types';
import type { Result } from '../../store/song/types';
import { useActions } from '../AppContext';
import { CloseIcon, CopyIcon } from '../Icons';

interface Props {
  section: Section;
  /** 1-based position in the arrangement. */
  number: number;
  count: number;
  show(r: Result): void;
  onMoved(id: string): void;
}

/** The selected section's controls, in the timeline's bar: repeats, transposition, move, duplicate, delete. */
export function SectionInspector({ section, number, count, show, onMoved }: Props) {
  const actions = useActions();
  const label = `section ${number}`;
  const move = (to: number) => {
    onMoved(section.id);
    actions.moveSection(section.id, to);
  };
  return (
    <div className="section-inspector" role="group" aria-label={`Section ${number}`}>
      <span className="inspector-title">Section {number}</span>
      <label className="mini-field" title="Repeats">
        <span aria-hidden="true">×</span>
        <input
          type="number"
          aria-label={`Repeats of ${label}`}
          min={LIMITS.repeats.min}
          max={LIMITS.repeats.max}
          value={section.repeats}
          onChange={(e) => e.target.value !== '' && show(actions.setSectionRepeats(section.id, Number(e.target.value)))}
        />
      </label>
      <label className="mini-field" title="Transposition in semitones">
        <span aria-hidden="true">st</span>
        <input
          type="number"
          aria-label={`Transposition of ${label} in semitones`}
          min={LIMITS.transpose.min}
          max={LIMITS.transpose.max}
          value={section.transpose}
          onChange={(e) =>
            e.target.value !== '' &&
            e.target.value !== '-' &&
            show(actions.setSectionTranspose(section.id, Number(e.target.value)))
          }
        />
      </label>
      <button
        type="button"
        className="icon"
        aria-label={`Move ${label} earlier`}
        title="Earlier (Alt+←)"
        disabled={number === 1}
        onClick={() => move(number - 2)}
      >
        ←
      </button>
      <button
        type="button"
        className="icon"
        aria-label={`Move ${label} later`}
        title="Later (Alt+→)"
        disabled={number === count}
        onClick={() => move(number)}
      >
        →
      </button>
      <button
        type="button"
        className="icon"
        aria-label={`Duplicate ${label}`}
        title="Duplicate"
        onClick={() => actions.duplicateSection(section.id)}
      >
        <CopyIcon />
      </button>
      <button
        type="button"
        className="icon"
        aria-label={`Delete ${label}`}
        title="Delete (Undo brings it back)"
        onClick={() => actions.deleteSection(section.id)}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
