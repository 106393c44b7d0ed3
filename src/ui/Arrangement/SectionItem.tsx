import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { Phrase, Section } from '../../core/types';
import { LIMITS } from '../../core/types';
import type { Result } from '../../store/song/types';
import { CloseIcon, CopyIcon } from '../Icons';

interface Props {
  section: Section;
  /** 1-based position in the arrangement. */
  number: number;
  count: number;
  phrase: Pick<Phrase, 'name' | 'color'> | undefined;
  looping: boolean;
  onRepeats(n: number): Result;
  onTranspose(n: number): Result;
  onMove(toIndex: number): void;
  onDuplicate(): void;
  onDelete(): void;
  onLoop(): void;
  onEdit(): void;
  onDragStart(): void;
  onDrop(): void;
}

/** "+3", "-5" or "0" semitones. */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/**
 * One section of the arrangement. Alt+ArrowUp / Alt+ArrowDown on the focused item moves it; it can also be
 * dragged, or moved with its Move up / Move down buttons.
 */
export const SectionItem = memo(function SectionItem(props: Props) {
  const { section, number, count, phrase, looping } = props;
  const label = `section ${number}`;
  const name = phrase?.name ?? '(missing phrase)';

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || !e.altKey) return;
    if (e.key === 'ArrowUp' && number > 1) {
      e.preventDefault();
      props.onMove(number - 2);
    } else if (e.key === 'ArrowDown' && number < count) {
      e.preventDefault();
      props.onMove(number);
    }
  };

  return (
    <li
      className={`section-item${looping ? ' is-looping' : ''}`}
      data-section-id={section.id}
      tabIndex={0}
      aria-label={`Section ${number}: phrase ${name}${section.repeats > 1 ? `, ${section.repeats} times` : ''}${section.transpose ? `, transposed ${signed(section.transpose)}` : ''}`}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      draggable
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', section.id);
        props.onDragStart();
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        props.onDrop();
      }}
      onKeyDown={onKeyDown}
      style={{ ['--phrase-color' as string]: phrase?.color ?? '#666' }}
    >
      <span className="section-grip" aria-hidden="true">
        ⠿
      </span>
      <span className="section-number" aria-hidden="true">
        {number}
      </span>
      <button type="button" className="section-phrase" title={`Edit phrase ${name} in the grid`} onClick={props.onEdit}>
        <span className="phrase-swatch" style={{ background: phrase?.color }} aria-hidden="true" />
        {name}
      </button>
      <label className="mini-field">
        <span aria-hidden="true">×</span>
        <input
          type="number"
          aria-label={`Repeats of ${label}`}
          min={LIMITS.repeats.min}
          max={LIMITS.repeats.max}
          value={section.repeats}
          onChange={(e) => e.target.value !== '' && props.onRepeats(Number(e.target.value))}
        />
      </label>
      <label className="mini-field">
        <span aria-hidden="true">st</span>
        <input
          type="number"
          aria-label={`Transposition of ${label} in semitones`}
          min={LIMITS.transpose.min}
          max={LIMITS.transpose.max}
          value={section.transpose}
          onChange={(e) => e.target.value !== '' && e.target.value !== '-' && props.onTranspose(Number(e.target.value))}
        />
      </label>
      <span className="section-actions">
        <button type="button" className="toggle small" aria-pressed={looping} aria-label={`Loop ${label}`} title="Loop this section" onClick={props.onLoop}>
          ⟳
        </button>
        <button type="button" className="icon" aria-label={`Move ${label} up`} title="Move up (Alt+↑)" disabled={number === 1} onClick={() => props.onMove(number - 2)}>
          ↑
        </button>
        <button type="button" className="icon" aria-label={`Move ${label} down`} title="Move down (Alt+↓)" disabled={number === count} onClick={() => props.onMove(number)}>
          ↓
        </button>
        <button type="button" className="icon" aria-label={`Duplicate ${label}`} title="Duplicate" onClick={props.onDuplicate}>
          <CopyIcon />
        </button>
        <button type="button" className="icon" aria-label={`Delete ${label}`} title="Delete" onClick={props.onDelete}>
          <CloseIcon />
        </button>
      </span>
      <span className="section-progress" aria-hidden="true" />
    </li>
  );
});
