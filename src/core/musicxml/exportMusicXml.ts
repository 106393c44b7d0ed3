import { chordPitches, isNoChord } from '../chords';
import { stepsPerBar } from '../meter';
import { resolveTimeline, timelineEventsBetween } from '../playback';
import type { Song, Steps } from '../types';
import { GM_PROGRAMS, sectionStarts } from '../smf/exportMidi';
import { toMidiKeySignature } from '../smf/keySignature';
import { harmonyElement, transposeChordSymbol } from './harmony';
import { keyAlterations, MeasureAccidentals, spellPitch } from './pitchSpelling';
import { el, xmlDocument, type XmlElement } from './xml';

/**
 * The song as a MusicXML 4.0 partwise score that notation programs (MuseScore, Noteflight, Flat, Finale,
 * Sibelius) open: the melody with the title, key, metre, tempo (and swing), chord symbols as `<harmony>`,
 * each section's name as a rehearsal mark, rests, and notes tied across bar lines; on request the chords
 * as a second part. The arrangement is played out (repeats written out, transpositions applied), as in
 * the MIDI export, and the rehearsal marks use the same text ("Verse x2 +3") so an import rebuilds it.
 * One division is one sixteenth step.
 */

export interface MusicXmlExportOptions {
  /** Add the chords, voiced as they play, as a second part "Chords". */
  chordsPart?: boolean;
}

export const MUSICXML_DOCTYPE =
  '<!DOCTYPE score-partwise PUBLIC "-//Recordare//DTD MusicXML 4.0 Partwise//EN" "http://www.musicxml.org/dtds/partwise.dtd">';

/** Written note values by length in steps (sixteenths), longest first: [steps, type, dots]. */
const NOTE_VALUES: [Steps, string, number][] = [
  [24, 'whole', 1],
  [16, 'whole', 0],
  [12, 'half', 1],
  [8, 'half', 0],
  [6, 'quarter', 1],
  [4, 'quarter', 0],
  [3, 'eighth', 1],
  [2, 'eighth', 0],
  [1, '16th', 0],
];

/** A length cut into written note values, longest first (tied when more than one). */
function noteValues(length: Steps): [Steps, string, number][] {
  const values: [Steps, string, number][] = [];
  let left = length;
  while (left > 0) {
    const value = NOTE_VALUES.find(([steps]) => steps <= left) as [Steps, string, number];
    values.push(value);
    left -= value[0];
  }
  return values;
}

/** Something that sounds (or rests) inside one measure: pitches (none = rest) from `start` for `length`. */
interface Event {
  start: Steps;
  length: Steps;
  pitches: number[];
  velocity?: number;
  /** Tied from before the measure / on past it. */
  tiedIn: boolean;
  tiedOut: boolean;
}

/** A part's events split at bar lines, with rests filling the gaps. */
function measuresOf(
  spans: { start: Steps; length: Steps; pitches: number[]; velocity?: number }[],
  bar: Steps,
  measures: number,
): Event[][] {
  const out: Event[][] = Array.from({ length: measures }, () => []);
  for (const s of spans) {
    for (let m = Math.floor(s.start / bar); m < measures && m * bar < s.start + s.length; m++) {
      const from = Math.max(s.start, m * bar);
      const to = Math.min(s.start + s.length, (m + 1) * bar);
      if (to > from)
        out[m].push({
          start: from - m * bar,
          length: to - from,
          pitches: s.pitches,
          velocity: s.velocity,
          tiedIn: from > s.start,
          tiedOut: to < s.start + s.length,
        });
    }
  }
  return out.map((events) => {
    const filled: Event[] = [];
    let at = 0;
    for (const e of events.sort((a, b) => a.start - b.start)) {
      if (e.start > at) filled.push({ start: at, length: e.start - at, pitches: [], tiedIn: false, tiedOut: false });
      filled.push(e);
      at = e.start + e.length;
    }
    if (at < bar) filled.push({ start: at, length: bar - at, pitches: [], tiedIn: false, tiedOut: false });
    return filled;
  });
}

interface MeasureExtras {
  /** Chord symbols starting in the measure, at positions inside it. */
  harmonies: { start: Steps; symbol: string }[];
  /** Directions at the start of the measure (rehearsal mark, tempo). */
  directions: XmlElement[];
}

function noteElements(
  e: Event,
  bar: Steps,
  key: { fifths: number; minor: boolean },
  accidentals: MeasureAccidentals,
  extras: MeasureExtras,
): XmlElement[] {
  const out: XmlElement[] = [];
  if (e.pitches.length === 0 && e.length === bar && e.start === 0) {
    for (const h of extras.harmonies) out.push(harmonyElement(h.symbol, h.start));
    out.push(el('note', {}, el('rest', { measure: 'yes' }), el('duration', {}, bar), el('voice', {}, 1)));
    return out;
  }
  let at = e.start;
  const values = noteValues(e.length);
  values.forEach(([steps, type, dots], i) => {
    for (const h of extras.harmonies)
      if (h.start >= at && h.start < at + steps) out.push(harmonyElement(h.symbol, h.start - at));
    const tieStart = i < values.length - 1 || e.tiedOut;
    const tieStop = i > 0 || e.tiedIn;
    const dotElements = Array.from({ length: dots }, () => el('dot'));
    if (e.pitches.length === 0) {
      out.push(
        el('note', {}, el('rest'), el('duration', {}, steps), el('voice', {}, 1), el('type', {}, type), ...dotElements),
      );
    }
    e.pitches.forEach((pitch, p) => {
      const spelled = spellPitch(pitch, key.fifths, key.minor);
      const accidental = tieStop ? null : accidentals.accidentalFor(spelled);
      const dynamics = e.velocity === undefined ? undefined : Math.round((e.velocity / 90) * 10_000) / 100;
      out.push(
        el(
          'note',
          { dynamics },
          p > 0 ? el('chord') : null,
          el(
            'pitch',
            {},
            el('step', {}, spelled.step),
            spelled.alter !== 0 ? el('alter', {}, spelled.alter) : null,
            el('octave', {}, spelled.octave),
          ),
          el('duration', {}, steps),
          tieStop ? el('tie', { type: 'stop' }) : null,
          tieStart ? el('tie', { type: 'start' }) : null,
          el('voice', {}, 1),
          el('type', {}, type),
          ...dotElements,
          accidental ? el('accidental', {}, accidental) : null,
          tieStart || tieStop
            ? el(
                'notations',
                {},
                tieStop ? el('tied', { type: 'stop' }) : null,
                tieStart ? el('tied', { type: 'start' }) : null,
              )
            : null,
        ),
      );
    });
    at += steps;
  });
  return out;
}

/** The song as MusicXML 4.0 text (partwise, uncompressed). */
export function songToMusicXml(song: Song, options: MusicXmlExportOptions = {}): string {
  const ts = song.timeSignature;
  const bar = stepsPerBar(ts);
  const timeline = resolveTimeline(song, { kind: 'song' });
  const total = timeline?.length ?? 0;
  const measures = Math.max(1, Math.ceil(total / bar));
  const events = timeline ? timelineEventsBetween(timeline, 0, total) : [];
  const melody: { start: Steps; length: Steps; pitches: number[]; velocity: number }[] = [];
  const chords: { start: Steps; length: Steps; symbol: string; transpose: number }[] = [];
  for (const event of events) {
    if (event.kind === 'note')
      melody.push({ start: event.step, length: event.length, pitches: [event.pitch], velocity: event.velocity });
    else if (event.kind === 'chord')
      chords.push({
        start: event.step,
        length: event.length,
        symbol: transposeChordSymbol(event.symbol, event.transpose),
        transpose: event.transpose,
      });
  }
  melody.sort((a, b) => a.start - b.start);
  // One line: a note ends where the next begins (phrases are monophonic; this guards the seams).
  melody.forEach((n, i) => {
    const next = melody[i + 1];
    n.length = Math.max(1, Math.min(n.length, (next ? next.start : total) - n.start));
  });

  const signature = toMidiKeySignature(song.key);
  const key = { fifths: signature?.sharps ?? 0, minor: signature?.minor ?? false };
  const modeByScale: Partial<Record<string, string>> = {
    dorian: 'dorian',
    phrygian: 'phrygian',
    lydian: 'lydian',
    mixolydian: 'mixolydian',
    locrian: 'locrian',
    chromatic: 'none',
  };
  const mode = modeByScale[song.key.scale] ?? (key.minor ? 'minor' : 'major');
  const attributes = (clef: [string, number]) =>
    el(
      'attributes',
      {},
      el('divisions', {}, 4),
      el('key', {}, el('fifths', {}, key.fifths), el('mode', {}, mode)),
      el('time', {}, el('beats', {}, ts.beats), el('beat-type', {}, ts.beatUnit)),
      el('clef', {}, el('sign', {}, clef[0]), el('line', {}, clef[1])),
    );
  const swing =
    song.swing > 0
      ? el(
          'swing',
          {},
          el('first', {}, Math.round((3 + song.swing) * 20)),
          el('second', {}, Math.round((3 - song.swing) * 20)),
          el('swing-type', {}, '16th'),
        )
      : null;
  const tempo = el(
    'direction',
    { placement: 'above' },
    el('direction-type', {}, el('metronome', {}, el('beat-unit', {}, 'quarter'), el('per-minute', {}, song.tempo))),
    el('sound', { tempo: song.tempo }, swing),
  );
  const marks = new Map<number, string>();
  for (const start of sectionStarts(song))
    if (start.step % bar === 0 && !marks.has(start.step / bar)) marks.set(start.step / bar, start.text);

  const part = (id: string, spans: Event[][], clef: [string, number], withHarmony: boolean) => {
    const measureElements = spans.map((events, m) => {
      const harmonies = withHarmony
        ? chords
            .filter((c) => c.start >= m * bar && c.start < (m + 1) * bar)
            .map((c) => ({ start: c.start - m * bar, symbol: c.symbol }))
        : [];
      const directions: XmlElement[] = [];
      const mark = marks.get(m);
      if (withHarmony && mark !== undefined)
        directions.push(el('direction', { placement: 'above' }, el('direction-type', {}, el('rehearsal', {}, mark))));
      if (m === 0) directions.push(tempo);
      const accidentals = new MeasureAccidentals(keyAlterations(key.fifths));
      const notes = events.flatMap((e) => noteElements(e, bar, key, accidentals, { harmonies, directions }));
      return el('measure', { number: m + 1 }, m === 0 ? attributes(clef) : null, ...directions, ...notes);
    });
    return el('part', { id }, ...measureElements);
  };

  const melodyMeasures = measuresOf(melody, bar, measures);
  const scorePart = (id: string, name: string, channel: number, program: number) =>
    el(
      'score-part',
      { id },
      el('part-name', {}, name),
      el('score-instrument', { id: `${id}-I1` }, el('instrument-name', {}, name)),
      el('midi-instrument', { id: `${id}-I1` }, el('midi-channel', {}, channel), el('midi-program', {}, program + 1)),
    );
  const parts = [part('P1', melodyMeasures, ['G', 2], true)];
  const partList = [scorePart('P1', 'Melody', 1, GM_PROGRAMS[song.instruments.melody])];
  if (options.chordsPart) {
    const voiced = chords
      .filter((c) => !isNoChord(c.symbol))
      .map((c) => ({ start: c.start, length: c.length, pitches: chordPitches(c.symbol) }))
      .filter((c) => c.pitches.length > 0);
    parts.push(part('P2', measuresOf(voiced, bar, measures), ['F', 4], false));
    partList.push(scorePart('P2', 'Chords', 2, GM_PROGRAMS[song.instruments.chords]));
  }
  const title = song.title.trim() || 'Untitled song';
  const root = el(
    'score-partwise',
    { version: '4.0' },
    el('work', {}, el('work-title', {}, title)),
    el('movement-title', {}, title),
    el('identification', {}, el('encoding', {}, el('software', {}, 'Phrasewright'))),
    el('part-list', {}, ...partList),
    ...parts,
  );
  return xmlDocument(root, MUSICXML_DOCTYPE);
}
