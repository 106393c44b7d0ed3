import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { PlaybackTarget } from '../../store/types';
import { notationToAbc } from '../../core/notation/abc';
import { buildNotation } from '../../core/notation/notationModel';
import { phraseNotationInput, songNotationInput } from '../../core/notation/songNotation';
import { useAppState } from '../AppContext';
import { selectCurrentPhrase } from '../selectors';
import { useTheorySettings } from '../Theory/theorySettings';
import { withCssomStyles } from './cssomStyles';
import { staffAnnotations } from './staffAnnotations';
import { useNotationPlayhead } from './useNotationPlayhead';
import './notation.css';

type AbcModule = typeof import('abcjs');
let abcjsLoading: Promise<AbcModule> | null = null;

/**
 * How long edits must pause before the staff is redrawn. abcjs rebuilds the whole SVG (60-180 ms for an
 * 8-bar phrase here), and a click that lands during that waits for it: at 150 ms, clicking notes in at a
 * steady pace kept colliding with redraws (median input-to-paint 100 ms in a large song).
 */
const STAFF_REDRAW_DELAY_MS = 400;

/** Resolves after the next painted frame and then `ms` more, so a heavy redraw never delays an edit's paint. */
function afterPaintAndPause(ms: number): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, ms)));
}

/** abcjs is ~300 kB: fetched the first time a staff is drawn, not with the first paint. */
function loadAbcjs(): Promise<AbcModule> {
  abcjsLoading ??= import('abcjs').then((m) => (m as unknown as { default?: AbcModule }).default ?? m);
  return abcjsLoading;
}

/**
 * The staff view of the current phrase or, toggled, of the whole song: clef, key signature, meter, bar lines,
 * chord symbols, ties and rests, with the theory overlay's labels under the notes. Redrawn after edits pause;
 * the sounding note is lit on animation frames. Handouts are printed from the Classroom panel (Classroom/Handout).
 */
export function NotationPanel() {
  // Deferred: a note edit paints the grid first; the staff's model and ABC text follow in a background render.
  const phrase = useDeferredValue(useAppState(selectCurrentPhrase));
  const song = useDeferredValue(useAppState((s) => s.song));
  const theory = useTheorySettings();
  const [wholeSong, setWholeSong] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [renderVersion, setRenderVersion] = useState(0);
  const staffRef = useRef<HTMLDivElement>(null);

  const input = useMemo(
    () => (wholeSong ? songNotationInput(song) : phrase ? phraseNotationInput(song, phrase) : null),
    [wholeSong, song, phrase],
  );
  const model = useMemo(() => (input ? buildNotation(input) : null), [input]);
  const overlay = useMemo(
    () => (input ? staffAnnotations(input.notes, input.key, input.chords, theory) : null),
    [input, theory],
  );
  const title = wholeSong ? song.title : `${song.title} — phrase ${phrase?.name ?? ''}`;
  const abc = useMemo(
    () => (model ? notationToAbc(model, { title, annotations: overlay?.annotations }) : ''),
    [model, title, overlay],
  );
  const events = useMemo(() => model?.bars.flatMap((b) => b.events) ?? null, [model]);

  useEffect(() => {
    let cancelled = false;
    const target = staffRef.current;
    if (!target || !abc) return;
    // Drawing a staff costs far more than a grid edit (abcjs rebuilds the whole SVG), so it waits until the
    // edit's own frame has been painted and edits have paused: a run of clicks or a drag redraws once.
    const drawn = afterPaintAndPause(STAFF_REDRAW_DELAY_MS).then(loadAbcjs);
    drawn
      .then((abcjs) => {
        if (cancelled) return;
        withCssomStyles(() =>
          abcjs.renderAbc(target, abc, {
            add_classes: true,
            responsive: 'resize',
            paddingleft: 8,
            paddingright: 8,
            ariaLabel: `Staff: ${title}`,
          }),
        );
        markChordTones(target, events, overlay?.theory ?? null, theory.chordTones);
        setFailed(null);
        setRenderVersion((v) => v + 1);
      })
      .catch((e: unknown) => !cancelled && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [abc, title, events, overlay, theory.chordTones]);

  const phraseId = phrase?.id;
  const follows = useCallback(
    (t: PlaybackTarget | null) => (wholeSong ? t?.kind === 'song' : t?.kind === 'phrase' && t.phraseId === phraseId),
    [wholeSong, phraseId],
  );
  useNotationPlayhead(staffRef, events, follows, renderVersion);

  const name = wholeSong ? 'Notation of the song' : `Notation of phrase ${phrase?.name ?? ''}`;
  return (
    <section className="notation-panel" role="region" aria-label={name}>
      <div className="notation-toolbar">
        <h2 className="notation-title">{wholeSong ? 'Song notation' : `Phrase ${phrase?.name ?? ''} notation`}</h2>
        <button type="button" aria-pressed={wholeSong} onClick={() => setWholeSong((w) => !w)}>
          Whole song
        </button>
      </div>
      {failed && <p role="alert">The staff could not be drawn: {failed}</p>}
      <div ref={staffRef} className="notation-staff" data-testid="notation-staff" />
    </section>
  );
}

/** Colours chord tones and non-chord tones on the staff (by class; the legend explains the colours). */
function markChordTones(
  root: HTMLElement,
  events: readonly { kind: string; noteIndex?: number }[] | null,
  theory: readonly { chordTone: string | null; chord?: string }[] | null,
  on: boolean,
): void {
  if (!on || !events || !theory) return;
  const symbols = root.querySelectorAll<SVGElement>('.abcjs-note, .abcjs-rest');
  if (symbols.length !== events.length) return;
  events.forEach((e, i) => {
    const t = e.noteIndex !== undefined ? theory[e.noteIndex] : undefined;
    if (!t?.chord) return;
    symbols[i].classList.add(t.chordTone ? 'chord-tone' : 'non-chord-tone');
  });
}
