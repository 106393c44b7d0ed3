import { useCallback, useMemo, useState } from 'react';
import { notationToAbc } from '../../core/notation/abc';
import { buildNotation, type NotationInput } from '../../core/notation/notationModel';
import { phraseNotationInput, songNotationInput, transposeChordSymbol } from '../../core/notation/songNotation';
import type { Song } from '../../core/types';
import { useAppState } from '../AppContext';
import { staffAnnotations } from '../Notation/staffAnnotations';
import { useTheorySettings, type TheorySettings } from '../Theory/theorySettings';
import { abcKeyField } from '../../core/notation/abc';
import { useAbcStaff } from './abcStaff';
import { PrintPortal } from './PrintPortal';

export type HandoutPages = 'section' | 'song';

export interface HandoutOptions {
  pages: HandoutPages;
  emptyStaves: number;
  chords: boolean;
}

interface HandoutPage {
  key: string;
  title: string;
  subtitle: string;
  input: NotationInput;
}

/** The pages of a handout: one a section of the arrangement (its phrase written once, as it sounds), or one for the song. */
export function handoutPages(song: Song, pages: HandoutPages): HandoutPage[] {
  if (pages === 'song' || song.arrangement.length === 0) {
    return [
      {
        key: 'song',
        title: song.title,
        subtitle: `${song.arrangement.length} section${song.arrangement.length === 1 ? '' : 's'}`,
        input: songNotationInput(song),
      },
    ];
  }
  return song.arrangement.flatMap((section, i) => {
    const phrase = song.phrases.find((p) => p.id === section.phraseId);
    if (!phrase) return [];
    const base = phraseNotationInput(song, phrase);
    const input: NotationInput = {
      ...base,
      notes: base.notes.map((n) => ({ ...n, pitch: n.pitch + section.transpose })),
      chords: base.chords?.map((c) => ({ ...c, symbol: transposeChordSymbol(c.symbol, section.transpose) })),
    };
    const extras = [
      section.repeats > 1 ? `played ${section.repeats} times` : '',
      section.transpose
        ? `${section.transpose > 0 ? 'up' : 'down'} ${Math.abs(section.transpose)} semitone${Math.abs(section.transpose) === 1 ? '' : 's'}`
        : '',
    ].filter(Boolean);
    return [
      {
        key: section.id,
        title: song.title,
        subtitle: `Section ${i + 1}: phrase ${phrase.name}${extras.length ? `, ${extras.join(', ')}` : ''}`,
        input,
      },
    ];
  });
}

/** ABC of `count` empty staves in the song's key and metre (invisible rests), for the students' answers. */
function emptyStavesAbc(song: Song, count: number): string {
  const bar = `x${song.timeSignature.beats * (16 / song.timeSignature.beatUnit)}`;
  const line = `${bar} | ${bar} | ${bar} | ${bar} |`;
  return (
    [
      'X:1',
      `M:${song.timeSignature.beats}/${song.timeSignature.beatUnit}`,
      'L:1/16',
      `K:${abcKeyField(song.key)}`,
      ...Array.from({ length: count }, () => line),
    ].join('\n') + '\n'
  );
}

function Staff({ abc, label, onDrawn }: { abc: string; label: string; onDrawn(): void }) {
  const after = useCallback(() => onDrawn(), [onDrawn]);
  // A full-width staff with its last line stretched too: room to write, and empty staves as long as the tune's.
  const { ref, failed } = useAbcStaff(abc.replace(/^X:1\n/, 'X:1\n%%stretchlast true\n'), label, after, 700);
  return (
    <>
      <div ref={ref} className="handout-staff" />
      {failed && <p>The staff could not be drawn: {failed}</p>}
    </>
  );
}

function Page({
  song,
  page,
  options,
  theory,
  onDrawn,
}: {
  song: Song;
  page: HandoutPage;
  options: HandoutOptions;
  theory: TheorySettings;
  onDrawn(): void;
}) {
  const abc = useMemo(() => {
    const input = options.chords ? page.input : { ...page.input, chords: undefined };
    const overlay = staffAnnotations(input.notes, input.key, input.chords, theory);
    return notationToAbc(buildNotation(input), { annotations: overlay.annotations });
  }, [page.input, options.chords, theory]);
  return (
    <section className="handout-page">
      <h1 className="handout-title">{page.title}</h1>
      <p className="handout-subtitle">{page.subtitle}</p>
      <p className="handout-name">
        Name: <span className="handout-line" /> Date: <span className="handout-line short" />
      </p>
      <Staff abc={abc} label={`Staff: ${page.subtitle}`} onDrawn={onDrawn} />
      {options.emptyStaves > 0 && (
        <>
          <p className="handout-subtitle">Your answer</p>
          <Staff abc={emptyStavesAbc(song, options.emptyStaves)} label="Empty staves" onDrawn={onDrawn} />
        </>
      )}
    </section>
  );
}

/**
 * "Print handout": one page per section (or one for the song) with the title, a line for the student's name,
 * the staff with the theory labels chosen in the overlay and the chord symbols, and optional empty staves.
 * The pages are drawn into the print portal, and the print dialog opens once every staff is drawn.
 */
export function HandoutControls() {
  const song = useAppState((s) => s.song);
  const theory = useTheorySettings();
  const [options, setOptions] = useState<HandoutOptions>({ pages: 'section', emptyStaves: 0, chords: true });
  const [printing, setPrinting] = useState<{ song: Song; options: HandoutOptions } | null>(null);
  const [drawn, setDrawn] = useState(0);
  const pages = useMemo(() => (printing ? handoutPages(printing.song, printing.options.pages) : []), [printing]);
  const staves = pages.length * (printing && printing.options.emptyStaves > 0 ? 2 : 1);
  const onDrawn = useCallback(() => setDrawn((n) => n + 1), []);
  const done = useCallback(() => setPrinting(null), []);
  const labels = [
    theory.labels === 'degrees' ? 'scale degrees' : theory.labels === 'solfege' ? 'solfège' : '',
    theory.intervals ? 'intervals' : '',
  ].filter(Boolean);
  return (
    <section className="classroom-card handout-controls" aria-labelledby="handout-title">
      <h3 id="handout-title" className="classroom-card-title">
        Handout
      </h3>
      <div className="assignment-form" role="group" aria-label="Handout settings">
        <label className="form-row">
          <span>Pages</span>
          <select
            value={options.pages}
            onChange={(e) => setOptions({ ...options, pages: e.target.value as HandoutPages })}
          >
            <option value="section">One page per section</option>
            <option value="song">One page for the whole song</option>
          </select>
        </label>
        <label className="form-row">
          <span>Empty staves</span>
          <input
            type="number"
            min={0}
            max={6}
            value={options.emptyStaves}
            onChange={(e) =>
              setOptions({ ...options, emptyStaves: Math.max(0, Math.min(6, Math.round(Number(e.target.value) || 0))) })
            }
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={options.chords}
            onChange={(e) => setOptions({ ...options, chords: e.target.checked })}
          />
          Chord symbols
        </label>
        <p className="classroom-hint form-wide">
          Labels under the notes: {labels.length ? labels.join(' and ') : 'none'} (choose them in the theory overlay).
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setDrawn(0);
              setPrinting({ song, options });
            }}
          >
            Print handout
          </button>
        </div>
      </div>
      {printing && (
        <PrintPortal kind="handout" ready={drawn >= staves} onDone={done}>
          <div className="handout" data-pages={pages.length}>
            {pages.map((page) => (
              <Page
                key={page.key}
                song={printing.song}
                page={page}
                options={printing.options}
                theory={theory}
                onDrawn={onDrawn}
              />
            ))}
          </div>
        </PrintPortal>
      )}
    </section>
  );
}
