import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { Note, Section, Steps } from '../../core/types';
import { LIMITS } from '../../core/types';
import { MutateIcon } from '../Icons';
import { MiniRoll } from './MiniRoll';

/** What a section can do, by section id: one object for the whole timeline, so blocks stay memoized. */
export interface SectionHandlers {
  repeats(id: string, n: number): void;
  move(id: string, toIndex: number): void;
  delete(id: string): void;
  /** Loops the section, or stops it when it is the one looping. */
  loop(id: string): void;
  /** Shows the section's phrase in the grid and the section's controls in the timeline. */
  open(id: string, phraseId: string): void;
  dragStart(id: string): void;
  /** Something was dropped on the section at `index`. */
  drop(index: number): void;
}

interface Props {
  section: Section;
  /** 1-based position in the arrangement. */
  number: number;
  count: number;
  phraseName: string | undefined;
  phraseColor: string | undefined;
  notes: readonly Note[];
  /** Steps of the phrase. */
  steps: Steps;
  looping: boolean;
  selected: boolean;
  handlers: SectionHandlers;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/**
 * One section of the song timeline: a block as wide as its bars times its repeats, in the phrase's colour,
 * with a mini piano roll. Click to edit its phrase; drag to reorder; on the focused block Alt+Arrow moves it,
 * + / - change its repeats, Enter edits its phrase and Delete removes it (Undo brings it back).
 */
export const SectionBlock = memo(function SectionBlock(props: Props) {
  const { section, number, count, looping, selected, handlers, notes, steps } = props;
  const name = props.phraseName ?? '(missing phrase)';

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey) return;
    const earlier = e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowUp');
    const later = e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowDown');
    let handled = true;
    if (earlier) {
      if (number > 1) handlers.move(section.id, number - 2);
    } else if (later) {
      if (number < count) handlers.move(section.id, number);
    } else if (e.altKey) handled = false;
    else if (e.key === '+' || e.key === '=')
      handlers.repeats(section.id, Math.min(LIMITS.repeats.max, section.repeats + 1));
    else if (e.key === '-') handlers.repeats(section.id, Math.max(LIMITS.repeats.min, section.repeats - 1));
    else if (e.key === 'Enter') handlers.open(section.id, section.phraseId);
    else if (e.key === 'Delete' || e.key === 'Backspace') handlers.delete(section.id);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <li
      className={`section-block${looping ? ' is-looping' : ''}${selected ? ' is-selected' : ''}`}
      data-section-id={section.id}
      tabIndex={0}
      aria-label={`Section ${number}: phrase ${name}${section.repeats > 1 ? `, ${section.repeats} times` : ''}${section.transpose ? `, transposed ${signed(section.transpose)}` : ''}`}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown"
      draggable
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button')) handlers.open(section.id, section.phraseId);
      }}
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
      style={{
        ['--phrase-color' as string]: props.phraseColor ?? '#888888',
        ['--units' as string]: Math.max(1, (steps / 16) * section.repeats),
      }}
    >
      <span className="block-head">
        <span className="block-name">{name}</span>
        {section.repeats > 1 && <span className="block-badge">×{section.repeats}</span>}
        {section.transpose !== 0 && <span className="block-badge">{signed(section.transpose)}</span>}
        <button
          type="button"
          className="icon toggle block-loop"
          aria-pressed={looping}
          aria-label={`Loop section ${number}`}
          title="Loop this section"
          onClick={() => handlers.loop(section.id)}
        >
          <MutateIcon />
        </button>
      </span>
      <MiniRoll notes={notes} steps={steps} repeats={section.repeats} />
      <span className="section-progress" aria-hidden="true" />
    </li>
  );
});
