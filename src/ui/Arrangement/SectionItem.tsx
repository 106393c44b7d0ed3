import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { Section } from '../../core/types';
import { LIMITS } from '../../core/types';
import type { Result } from '../../store/song/types';
import { CloseIcon, CopyIcon } from '../Icons';

/** What a section can do, by section id: one object for the whole list, so items stay memoized. */
export interface SectionHandlers {
  repeats(id: string, n: number): Result;
  transpose(id: string, n: number): Result;
  move(id: string, toIndex: number): void;
  duplicate(id: string): void;
  delete(id: string): void;
  /** Loops the section, or stops it when it is the one looping. */
  loop(id: string): void;
  edit(phraseId: string): void;
  dragStart(id: string): void;
  /** Something was dropped on the section at `index`. */
  drop(index: number): void;
}

interface Props {
  section: Section;
  /** 1-based position in the arrangement. */
  number: number;
  count: number;
  /** The phrase's name and colour, or undefined when the phrase is missing. */
  phraseName: string | undefined;
  phraseColor: string | undefined;
  looping: boolean;
  handlers: SectionHandlers;
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
  const { section, number, count, looping, handlers } = props;
  const label = `section ${number}`;
  const name = props.phraseName ?? '(missing phrase)';
  const color = props.phraseColor;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || !e.altKey) return;
    if (e.key === 'ArrowUp' && number > 1) {
      e.preventDefault();
      handlers.move(section.id, number - 2);
    } else if (e.key === 'ArrowDown' && number < count) {
      e.preventDefault();
      handlers.move(section.id, number);
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
        handlers.dragStart(section.id);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        handlers.drop(number - 1);
      }}
      onKeyDown={onKeyDown}
      style={{ ['--phrase-color' as string]: color ?? '#666' }}
    >
      <span className="section-grip" aria-hidden="true">
        ⠿
      </span>
      <span className="section-number" aria-hidden="true">
        {number}
      </span>
      <button type="button" className="section-phrase" title={`Edit phrase ${name} in the grid`} onClick={() => handlers.edit(section.phraseId)}>
        <span className="phrase-swatch" style={{ background: color }} aria-hidden="true" />
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
          onChange={(e) => e.target.value !== '' && handlers.repeats(section.id, Number(e.target.value))}
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
          onChange={(e) => e.target.value !== '' && e.target.value !== '-' && handlers.transpose(section.id, Number(e.target.value))}
        />
      </label>
      <span className="section-actions">
        <button type="button" className="toggle small" aria-pressed={looping} aria-label={`Loop ${label}`} title="Loop this section" onClick={() => handlers.loop(section.id)}>
          ⟳
        </button>
        <button type="button" className="icon" aria-label={`Move ${label} up`} title="Move up (Alt+↑)" disabled={number === 1} onClick={() => handlers.move(section.id, number - 2)}>
          ↑
        </button>
        <button type="button" className="icon" aria-label={`Move ${label} down`} title="Move down (Alt+↓)" disabled={number === count} onClick={() => handlers.move(section.id, number)}>
          ↓
        </button>
        <button type="button" className="icon" aria-label={`Duplicate ${label}`} title="Duplicate" onClick={() => handlers.duplicate(section.id)}>
          <CopyIcon />
        </button>
        <button type="button" className="icon" aria-label={`Delete ${label}`} title="Delete" onClick={() => handlers.delete(section.id)}>
          <CloseIcon />
        </button>
      </span>
      <span className="section-progress" aria-hidden="true" />
    </li>
  );
});
