import { useCallback, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { stepsPerBar as barSteps, stepsPerBeat as beatSteps } from '../../core/meter';
import { pitchName } from '../../core/pitch';
import { isInScale, isTonic, pitchesOutside, shiftRange } from '../../core/scale';
import { LIMITS, type MidiPitch, type Note, type Steps } from '../../core/types';
import { selectedSpan, shownPitchRange } from '../../store/selectors';
import { useAppState, useServices } from '../AppContext';
import { gridLabelSignatures } from '../Theory/gridLabels';
import { useTheorySettings } from '../Theory/theorySettings';
import { selectCurrentPhrase, selectVisiblePreview } from '../selectors';
import { authorOf } from '../../core/authorship';
import { useAuthorView } from '../Classroom/authorStyles';
import { BarRuler } from './BarRuler';
import { GridHeatMap } from './GridHeatMap';
import { GridRow, type RowTone } from './GridRow';
import { gridKeyIntent } from './gridKeys';
import { noteOfPitchAt, rowPitches, rowSignatures } from './gridModel';
import { GridToolbar } from './GridToolbar';
import { pencil } from './pencil';
import { Playhead } from './Playhead';
import { previewAfterPaint } from './previewAfterPaint';
import { keyboardAnchor, selectionKey, spanBetween } from './selectionModel';
import { useGridPointer } from './useGridPointer';
import { useRowFit } from './useRowFit';
import { useWheelPitchScroll } from './useWheelPitchScroll';
import './grid.css';

interface Focus {
  pitch: MidiPitch;
  step: Steps;
}

const NO_NOTES: readonly Note[] = [];

/**
 * The step grid of the current phrase: pitch rows (a window of the piano, two octaves from the tonic by
 * default, moved with the buttons, the wheel or the arrow keys) by sixteenth-step columns, with the previewed
 * candidate drawn over it as ghost notes and the selected steps tinted. Only the rows in the window are in the
 * DOM, so even 8 bars stay light; rows are memoized on strings so an edit or a preview switch re-renders only
 * the rows it changes.
 */
export function PhraseGrid() {
  const { actions, engine, store } = useServices();
  const phrase = useAppState(selectCurrentPhrase);
  const key = useAppState((s) => s.song.key);
  const timeSignature = useAppState((s) => s.song.timeSignature);
  const chosenRange = useAppState((s) => s.editor.pitchRange);
  const selection = useAppState(selectedSpan);
  const preview = useAppState(selectVisiblePreview);
  const heatMapOn = useAppState((s) => s.proposals.settings.heatMap);
  // The candidate whose probabilities the teaching view shows, drawn over the cells too.
  const teaching = useAppState((s) =>
    s.proposals.teachingId ? s.proposals.candidates.find((c) => c.id === s.proposals.teachingId) : undefined,
  );
  // The store's rule, fed the two fields read above (the selector itself would hand back a new object each read).
  const range = shownPitchRange({ song: { key }, editor: { pitchRange: chosenRange } });

  const perBar = barSteps(timeSignature);
  const perBeat = beatSteps(timeSignature);
  const steps = (phrase?.bars ?? 1) * perBar;
  const notes = phrase?.notes;
  const signatures = useMemo(() => rowSignatures(notes ?? []), [notes]);
  const ghostNotes = useMemo(
    () => (preview ? preview.notes.map((n) => ({ ...n, start: n.start + preview.span.start })) : NO_NOTES),
    [preview],
  );
  const ghosts = useMemo(() => rowSignatures(ghostNotes), [ghostNotes]);
  // A previewed candidate is always drawn: the window moves to its notes when they leave it.
  useLayoutEffect(() => {
    if (ghostNotes.length > 0) actions.revealPitches(ghostNotes.map((n) => n.pitch));
  }, [actions, ghostNotes]);
  const outside = useMemo(
    () =>
      pitchesOutside(
        { low: range.low, high: range.high },
        (notes ?? []).map((n) => n.pitch),
      ),
    [range.low, range.high, notes],
  );
  // A phrase that comes into the grid with none of its notes in the window (an imported bass line, a phrase
  // written an octave up) brings the window to them, rather than showing an empty grid.
  const arrivedPhrase = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (arrivedPhrase.current === phrase?.id) return;
    arrivedPhrase.current = phrase?.id;
    const count = notes?.length ?? 0;
    if (count > 0 && outside.above.length + outside.below.length === count) {
      actions.revealPitches([...outside.above, ...outside.below]);
    }
  }, [actions, phrase?.id, notes, outside]);
  const selected = selectionKey(selection);
  const theory = useTheorySettings();
  const chords = phrase?.chords;
  const theoryRows = useMemo(() => gridLabelSignatures(notes ?? [], key, chords, theory), [notes, key, chords, theory]);
  // While "Who wrote what" is open the cells say who wrote each note (colour and pattern, see classroom.css).
  const showAuthors = useAuthorView();
  const authorRows = useMemo(() => (showAuthors ? authorSignatures(notes ?? []) : null), [showAuthors, notes]);
  const pitches = useMemo(() => rowPitches(range.low, range.high), [range.low, range.high]);
  const tones = useMemo(() => {
    const map = new Map<MidiPitch, RowTone>();
    for (const p of pitches) map.set(p, isTonic(p, key) ? 'tonic' : isInScale(p, key) ? 'scale' : 'off');
    return map;
  }, [pitches, key]);
  const heat =
    teaching?.probabilities && teaching.phraseId === phrase?.id
      ? teaching
      : heatMapOn && preview?.probabilities
        ? preview
        : undefined;

  const [focus, setFocus] = useState<Focus>(() => ({ pitch: range.high, step: 0 }));
  const wantDomFocus = useRef(false);
  const gridRef = useRef<HTMLDivElement>(null);
  // Keep the roving tabindex on a cell that exists after the window or the bar count changes.
  const shown: Focus = {
    pitch: Math.max(range.low, Math.min(range.high, focus.pitch)),
    step: Math.max(0, Math.min(steps - 1, focus.step)),
  };

  // Keyboard moves scroll the focused cell into view; a click is already where the pointer is.
  const keyboardMove = useRef(false);
  const focusCell = useCallback((pitch: MidiPitch, step: Steps) => {
    wantDomFocus.current = true;
    setFocus({ pitch, step });
  }, []);

  useLayoutEffect(() => {
    if (!wantDomFocus.current) return;
    wantDomFocus.current = false;
    const cell = gridRef.current?.querySelector<HTMLElement>(
      `[data-pitch="${shown.pitch}"] [data-step="${shown.step}"]`,
    );
    cell?.focus({ preventScroll: !keyboardMove.current });
    keyboardMove.current = false;
  });

  const moveWindow = useCallback(
    (delta: number) => {
      const next = shiftRange(range.low, range.high, delta, LIMITS.pitch.min, LIMITS.pitch.max);
      if (next.low !== range.low) actions.setPitchRange(next);
    },
    [actions, range.low, range.high],
  );

  useGridPointer(gridRef, steps, focusCell);
  useWheelPitchScroll(gridRef, moveWindow);
  useRowFit(gridRef, pitches.length);

  // Focus that arrives from outside our handlers (a click elsewhere, Tab, a script) moves the roving tabindex.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const cellEl = (e.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    const rowEl = cellEl?.closest<HTMLElement>('[data-pitch]');
    if (!cellEl || !rowEl) return;
    const pitch = Number(rowEl.dataset.pitch);
    const step = Number(cellEl.dataset.step);
    if (pitch !== shown.pitch || step !== shown.step) setFocus({ pitch, step });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const intent = gridKeyIntent(e);
    if (intent.kind === 'none') return;
    const state = store.getState();
    // While ghost notes are shown, Enter accepts them, Space auditions and Delete discards: the app's
    // shortcuts take these keys (see app/shortcuts.ts), so they leave the grid untouched here.
    if ((intent.kind === 'toggle' || intent.kind === 'remove') && selectVisiblePreview(state)) return;
    e.preventDefault();
    e.stopPropagation(); // Space here toggles a note; it must not also start playback
    const current = selectCurrentPhrase(state)?.notes ?? [];
    const here = noteOfPitchAt(current, shown.pitch, shown.step);
    switch (intent.kind) {
      case 'focus': {
        keyboardMove.current = true;
        const pitch = Math.max(LIMITS.pitch.min, Math.min(LIMITS.pitch.max, shown.pitch + intent.dPitch));
        if (pitch > range.high) moveWindow(pitch - range.high);
        if (pitch < range.low) moveWindow(pitch - range.low);
        focusCell(pitch, Math.max(0, Math.min(steps - 1, shown.step + intent.dStep)));
        return;
      }
      case 'focusStep':
        keyboardMove.current = true;
        focusCell(shown.pitch, intent.to === 'first' ? 0 : steps - 1);
        return;
      case 'select': {
        keyboardMove.current = true;
        const anchor = keyboardAnchor(selectedSpan(state), shown.step);
        const to = Math.max(0, Math.min(steps - 1, shown.step + intent.delta));
        actions.setSelection(spanBetween(anchor, to));
        focusCell(shown.pitch, to);
        return;
      }
      case 'toggle':
        // On any cell of a note, toggling removes that note; on an empty cell it adds one of the pencil's length.
        actions.toggleNote(shown.pitch, here ? here.start : shown.step, undefined, here ? undefined : pencil.length());
        if (!here) previewAfterPaint(engine, shown.pitch);
        return;
      case 'remove':
        if (here) actions.toggleNote(here.pitch, here.start);
        return;
      case 'resize':
        if (here) {
          actions.setNoteLength(here.start, Math.max(1, here.length + intent.delta));
          pencil.remember(
            noteOfPitchAt(selectCurrentPhrase(store.getState())?.notes ?? [], here.pitch, here.start)?.length ?? 1,
          );
        }
        return;
    }
  };

  const name = phrase?.name ?? 'A';
  return (
    <section className="grid-panel card" aria-label="Step grid">
      <GridToolbar
        phrase={phrase}
        range={range}
        moveWindow={moveWindow}
        selection={selection}
        previewing={!!preview}
        outside={outside}
      />
      <div className="grid-scroll">
        <BarRuler bars={phrase?.bars ?? 1} steps={steps} selection={selection} />
        <div
          ref={gridRef}
          role="grid"
          aria-label={`Phrase ${name} grid`}
          aria-multiselectable="true"
          aria-rowcount={pitches.length}
          aria-colcount={steps + 1}
          className="grid"
          style={{ ['--cols' as string]: steps, ['--rows' as string]: pitches.length }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          {pitches.map((p) => (
            <GridRow
              key={p}
              pitch={p}
              name={pitchName(p)}
              signature={signatures.get(p) ?? ''}
              steps={steps}
              stepsPerBeat={perBeat}
              stepsPerBar={perBar}
              tone={tones.get(p) ?? 'off'}
              focusStep={p === shown.pitch ? shown.step : -1}
              theory={theoryRows.get(p)}
              authors={authorRows?.get(p)}
              ghost={ghosts.get(p) ?? ''}
              selection={selected}
            />
          ))}
          {heat?.probabilities && (
            <GridHeatMap
              probabilities={heat.probabilities}
              notes={heat.notes}
              offset={heat.span.start}
              low={range.low}
              high={range.high}
              steps={steps}
            />
          )}
          <Playhead steps={steps} phraseId={phrase?.id ?? ''} />
        </div>
      </div>
    </section>
  );
}

/** Who wrote each row's notes as "start:author,..." by pitch (GridRowProps.authors). */
function authorSignatures(notes: readonly Note[]): Map<MidiPitch, string> {
  const rows = new Map<MidiPitch, string>();
  for (const n of notes) {
    const part = `${n.start}:${authorOf(n)}`;
    const previous = rows.get(n.pitch);
    rows.set(n.pitch, previous ? `${previous},${part}` : part);
  }
  return rows;
}
