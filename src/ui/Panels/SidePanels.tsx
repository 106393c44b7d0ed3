import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { useAppState } from '../AppContext';
import { useActiveAssignment, useAssignmentStore } from '../Assignment/useAssignment';
import { panelMemory, type PanelId } from './panelMemory';
import { PANELS } from './panelList';
import './panels.css';

/**
 * Everything that is not the writing loop, one tab away: a vertical tablist named "Panels" at the right edge
 * and the open panel beside it. A tab opens its panel (and closes it again), so the grid keeps the room when
 * nothing is open. Which panel is open is remembered per song; a song seen for the first time keeps the panel
 * already open (an assignment opens on Classroom). Only the open panel is in the page.
 */
export function SidePanels({ onOpenChange }: { onOpenChange(open: boolean): void }) {
  const songId = useAppState((s) => s.song.id);
  const teachingId = useAppState((s) => s.proposals.teachingId);
  const assignment = useActiveAssignment();
  const assignments = useAssignmentStore();
  const reportOpen = useSyncExternalStore(assignments.subscribe, () => assignments.getState().reportOpen);
  const [open, setOpen] = useState<PanelId | null>(() => panelMemory.get(songId) ?? null);
  const [focusIndex, setFocusIndex] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // The panel follows what happened since the last render (React's "adjust state when a prop changes"):
  // another song opens its remembered panel, else the one open now (an assignment's song: Classroom);
  // asking why a candidate was written opens Theory, where the teaching view is; a hand-back's "who wrote
  // what" report opens Classroom.
  const [seen, setSeen] = useState({ songId, assignment, teachingId, reportOpen });
  if (
    seen.songId !== songId ||
    seen.assignment !== assignment ||
    seen.teachingId !== teachingId ||
    seen.reportOpen !== reportOpen
  ) {
    let next = open;
    if (seen.songId !== songId || seen.assignment !== assignment) {
      const remembered = panelMemory.get(songId);
      next = remembered !== undefined ? remembered : assignment ? 'classroom' : next;
    }
    if (teachingId && seen.teachingId !== teachingId) next = 'theory';
    if (reportOpen && seen.reportOpen !== reportOpen) next = 'classroom';
    setSeen({ songId, assignment, teachingId, reportOpen });
    if (next !== open) setOpen(next);
  }

  useEffect(() => onOpenChange(open !== null), [open, onOpenChange]);

  const choose = (id: PanelId) => {
    const next = open === id ? null : id;
    setOpen(next);
    panelMemory.set(songId, next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const jump = e.key === 'Home' ? 0 : e.key === 'End' ? PANELS.length - 1 : -1;
    if (!delta && jump < 0) return;
    e.preventDefault();
    const next = jump >= 0 ? jump : (focusIndex + delta + PANELS.length) % PANELS.length;
    setFocusIndex(next);
    tabRefs.current[next]?.focus();
  };

  const current = PANELS.find((p) => p.id === open);
  return (
    <>
      <div className="panel-tabs" role="tablist" aria-label="Panels" aria-orientation="vertical" onKeyDown={onKeyDown}>
        {PANELS.map((p, i) => (
          <button
            key={p.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={open === p.id}
            aria-controls={open === p.id ? `panel-${p.id}` : undefined}
            tabIndex={i === focusIndex ? 0 : -1}
            title={open === p.id ? `Close the ${p.label} panel` : p.hint}
            className="panel-tab"
            onFocus={() => setFocusIndex(i)}
            onClick={() => choose(p.id)}
          >
            <span className="panel-tab-icon" aria-hidden="true">
              {p.icon}
            </span>
            {p.label}
          </button>
        ))}
      </div>
      {/* After the tabs in the page (Tab goes from a tab into its panel), before them on screen. */}
      {current && (
        <div
          className="side-panel card"
          role="tabpanel"
          id={`panel-${current.id}`}
          aria-labelledby={`tab-${current.id}`}
        >
          <PanelBody>{current.render()}</PanelBody>
        </div>
      )}
    </>
  );
}

function PanelBody({ children }: { children: ReactNode }) {
  return <div className="side-panel-body">{children}</div>;
}
