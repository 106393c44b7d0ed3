/**
 * One POP909 song (its MIDI file and three annotation files) read into training tunes:
 * - the melody is the `MELODY` track, placed on the sixteenth grid of the annotated beats (beatGrid.ts),
 *   and made monophonic the way Magenta's melody extraction does it (notes starting together: the highest
 *   wins; a new note cuts the one still held);
 * - bar lines and meter come from the downbeats (the header's time signature is not reliable); the song is
 *   cut into runs of bars of its usual length, an inserted bar of another length ending a run, and two or
 *   more bars without melody (intros, interludes) ending a run too, since the model writes melodies, not
 *   silences; runs shorter than MIN_RUN_BARS bars are left out;
 * - chords from chord_midi.txt (harteChords.ts), keys from key_audio.txt;
 * - the whole song is moved by octaves into the model's range, or refused.
 */
import { barsOf, dominantBeatsPerBar, regularRuns, secondsToStep, STEPS_PER_BEAT, type BeatGrid } from './beatGrid';
import { chordSymbol, NO_CHORD, type GridChord } from './chordSymbols';
import type { ChordReading } from './harteChords';
import { HOLD, RELEASE, notesToEvents, pitchSpan, type GridNote } from './melodyEvents';
import { TuneError } from './midiTune';
import { parseBeats, parseChords, parseKeys } from './pop909Annotations';
import { octaveShiftIntoRange } from './octaveShift';
import { TonejsMidi } from './toneMidi';
import type { Tune, TuneKey } from './tune';

/** Shortest run of bars kept as a tune. */
export const MIN_RUN_BARS = 4;
/** Consecutive bars without melody that end a run (one silent bar is a rest inside a phrase). */
export const SILENT_BARS_SPLIT = 2;
/** A note whose start moved more than this many steps onto the grid counts as moved in the report. */
const MOVED_STEPS = 0.1;

export interface SongFiles {
  midi: Uint8Array;
  beats: string;
  chords: string;
  keys: string;
}

/** What reading one song did, summed over the corpus for the report. */
export interface SongStats {
  beatsPerBar: number;
  bars: number;
  keptBars: number;
  /** Bars of another length than the song's meter (left out). */
  irregularBars: number;
  /** Bars left out as long silences or runs too short to keep. */
  silentOrShortBars: number;
  melodyNotes: number;
  /** Notes whose start moved more than a tenth of a step onto the grid. */
  movedNotes: number;
  /** Sum of |move| in steps over all notes (for the mean). */
  moveSteps: number;
  /** Held notes cut short by a later note (a new note cuts the held one). */
  cutNotes: number;
  /** Notes starting with a higher one on the same step (dropped). */
  chordNotesDropped: number;
  /** Notes outside the kept bars (pickups before the first downbeat, inserted bars, dropped runs). */
  notesOutsideBars: number;
  octaveShift: number;
  chordLabels: Record<ChordReading, number>;
  /** Labels read as another chord: label -> { symbol, count }. */
  mappedLabels: Map<string, { symbol: string; count: number }>;
  keys: { tonic: number; mode: 'major' | 'minor' }[];
}

export interface SongReading {
  tunes: Tune[];
  stats: SongStats;
}

function melodyNotesOf(midi: TonejsMidi): { time: number; duration: number; midi: number }[] {
  const track = midi.tracks.find((t) => t.name.trim().toUpperCase() === 'MELODY');
  if (!track) throw new TuneError('no MELODY track');
  if (track.notes.length === 0) throw new TuneError('the MELODY track has no notes');
  return track.notes;
}

/** Steps where a melody note sounds (from its note-on to the next note-on or note-off). */
function soundingSteps(events: Int16Array): Uint8Array {
  const out = new Uint8Array(events.length);
  let on = false;
  for (let s = 0; s < events.length; s++) {
    if (events[s] >= 0) on = true;
    else if (events[s] === RELEASE) on = false;
    out[s] = on ? 1 : 0;
  }
  return out;
}

/** Reads one song; throws TuneError or AnnotationError (the reason it is skipped). */
export function readPop909Song(
  name: string,
  files: SongFiles,
  range: { minPitch: number; maxPitch: number },
): SongReading {
  const grid: BeatGrid = parseBeats(files.beats);
  const chordSpans = parseChords(files.chords);
  const keySpans = parseKeys(files.keys);
  let midi: TonejsMidi;
  try {
    midi = new TonejsMidi(files.midi);
  } catch (e) {
    throw new TuneError(`not a MIDI file (${(e as Error).message})`);
  }
  const performed = melodyNotesOf(midi);
  const stats: SongStats = {
    beatsPerBar: 4,
    bars: 0,
    keptBars: 0,
    irregularBars: 0,
    silentOrShortBars: 0,
    melodyNotes: performed.length,
    movedNotes: 0,
    moveSteps: 0,
    cutNotes: 0,
    chordNotesDropped: 0,
    notesOutsideBars: 0,
    octaveShift: 0,
    chordLabels: { exact: 0, inversion: 0, mapped: 0 },
    mappedLabels: new Map(),
    keys: keySpans.map(({ tonic, mode }) => ({ tonic, mode })),
  };

  // Melody notes on the beat grid.
  const notes: GridNote[] = [];
  const movedStarts = new Set<number>();
  for (const n of performed) {
    const exact = secondsToStep(grid, n.time);
    const start = Math.round(exact);
    stats.moveSteps += Math.abs(exact - start);
    if (Math.abs(exact - start) > MOVED_STEPS) {
      stats.movedNotes++;
      movedStarts.add(start);
    }
    const end = Math.max(start + 1, Math.round(secondsToStep(grid, n.time + n.duration)));
    if (start >= 0) notes.push({ pitch: n.midi, start, end });
    else stats.notesOutsideBars++;
  }
  notes.sort((a, b) => a.start - b.start || b.pitch - a.pitch);
  const kept = notes.filter((n, i) => i === 0 || notes[i - 1].start !== n.start);
  stats.chordNotesDropped = notes.length - kept.length;
  kept.forEach((n, i) => {
    if (i + 1 < kept.length && n.end > kept[i + 1].start) stats.cutNotes++;
  });
  const totalSteps = grid.times.length * STEPS_PER_BEAT;
  const events = notesToEvents(kept, totalSteps);
  const sounding = soundingSteps(events);

  // Chords per step.
  const chords: GridChord[] = new Array<GridChord>(events.length).fill(NO_CHORD);
  for (const span of chordSpans) {
    const read = span.read;
    stats.chordLabels[read.reading]++;
    if (read.reading === 'mapped') {
      const entry = stats.mappedLabels.get(span.label) ?? { symbol: '', count: 0 };
      stats.mappedLabels.set(span.label, { symbol: chordSymbol(read.chord), count: entry.count + 1 });
    }
    const from = Math.max(0, Math.round(secondsToStep(grid, span.start)));
    const to = Math.min(chords.length, Math.round(secondsToStep(grid, span.end)));
    for (let s = from; s < to; s++) chords[s] = read.chord;
  }
  const keys: TuneKey[] = keySpans.map((k) => ({
    start: Math.round(secondsToStep(grid, k.start)),
    tonic: k.tonic,
    mode: k.mode,
  }));

  // Runs of regular bars, split at long silences.
  const bars = barsOf(grid);
  stats.bars = bars.length;
  stats.beatsPerBar = dominantBeatsPerBar(bars);
  stats.irregularBars = bars.filter((b) => b.beats !== stats.beatsPerBar).length;
  const stepsPerBar = stats.beatsPerBar * STEPS_PER_BEAT;
  const barHasMelody = (i: number) => {
    const from = bars[i].beat * STEPS_PER_BEAT;
    for (let s = from; s < from + stepsPerBar; s++) if (sounding[s]) return true;
    return false;
  };
  const pieces: { first: number; count: number }[] = [];
  for (const run of regularRuns(bars, stats.beatsPerBar)) {
    let start = -1;
    let silent = 0;
    for (let i = run.first; i <= run.first + run.count; i++) {
      const end = i === run.first + run.count;
      const has = !end && barHasMelody(i);
      if (has) {
        if (start < 0) start = i;
        silent = 0;
      } else if (!end) silent++;
      if (start >= 0 && (end || silent >= SILENT_BARS_SPLIT)) {
        const last = (end ? i : i + 1) - silent; // the first silent bar after the piece, or the run's end
        if (last - start >= MIN_RUN_BARS) pieces.push({ first: start, count: last - start });
        start = -1;
      }
    }
  }
  stats.keptBars = pieces.reduce((s, p) => s + p.count, 0);
  stats.silentOrShortBars = bars.length - stats.irregularBars - stats.keptBars;

  const tunes: Tune[] = pieces.map((p) => {
    const from = bars[p.first].beat * STEPS_PER_BEAT;
    const to = from + p.count * stepsPerBar;
    const slice = events.slice(from, to);
    const tuneChords = chords.slice(from, to);
    const covering = keys.filter((k) => k.start <= from).pop();
    const tuneKeys = [
      ...(covering ? [{ ...covering, start: 0 }] : []),
      ...keys.filter((k) => k.start > from && k.start < to).map((k) => ({ ...k, start: k.start - from })),
    ];
    return {
      name: pieces.length > 1 ? `${name} bars ${p.first + 1}-${p.first + p.count}` : name,
      events: slice,
      chords: tuneChords,
      hasChords: tuneChords.some((c) => c.root >= 0),
      stepsPerBar,
      offGridNotes: slice.reduce((n, e, i) => n + (e >= 0 && movedStarts.has(from + i) ? 1 : 0), 0),
      melodyNotes: slice.reduce((n, e) => n + (e >= 0 ? 1 : 0), 0),
      keys: tuneKeys,
    };
  });
  const inTunes = tunes.reduce((n, t) => n + t.melodyNotes, 0);
  stats.notesOutsideBars += kept.length - inTunes;
  if (tunes.length === 0)
    throw new TuneError(`no run of ${MIN_RUN_BARS} or more ${stats.beatsPerBar}-beat bars with melody`);

  // One octave shift for the whole song, so its sections stay in their register against each other.
  let low = Infinity;
  let high = -Infinity;
  for (const t of tunes) {
    const span = pitchSpan(t.events);
    if (span) {
      low = Math.min(low, span.low);
      high = Math.max(high, span.high);
    }
  }
  const shift = octaveShiftIntoRange(low, high, range.minPitch, range.maxPitch);
  if (shift === null)
    throw new TuneError(`melody spans ${low}..${high}, which fits no octave of ${range.minPitch}..${range.maxPitch}`);
  stats.octaveShift = shift;
  if (shift !== 0) for (const t of tunes) t.events = t.events.map((e) => (e === HOLD || e === RELEASE ? e : e + shift));
  return { tunes, stats };
}
