import { fromMidiKeySignature } from '../smf/keySignature';
import type { MidiFileNote, MidiMarker, MidiReadResult, MidiTrackPreview } from '../smf/readMidi';
import { MIDI_LIMITS } from '../smf/smfScan';
import type { TimeSignature } from '../types';
import { VALIDATION_LIMITS } from '../validate';
import { harmonySymbol } from './harmony';
import { looksLikeZip, MAX_SCORE_BYTES, unpackMxl } from './mxl';
import { pitchOf } from './pitchSpelling';
import { child, childrenNamed, numberOf, parseXml, textOf, type XmlElement } from './xml';

/**
 * Reading a MusicXML lead sheet (.musicxml, .xml, or compressed .mxl) into the same preview a MIDI file
 * gives, so it goes through the same import dialog, cutting and report. Each part becomes a track: its
 * voice 1 (grace and cue notes left out, tied notes joined, chords kept whole for the importer to take
 * the top note), its `<harmony>` as chord symbols, and the score's key, metre, tempo and rehearsal marks.
 * A short first measure is a pickup.
 */

/** Ticks per quarter note in the preview (divisible by 2, 3, 4, 5, 6 and 8, so common divisions are exact). */
export const MUSICXML_PPQ = 960;

const MODE_SCALE: Record<string, 'major' | 'minor'> = {
  major: 'major',
  minor: 'minor',
  ionian: 'major',
  aeolian: 'minor',
};

interface PartRead {
  notes: MidiFileNote[];
  chords: { ticks: number; symbol: string }[];
  lengthTicks: number;
}

interface ScoreFacts {
  tempo: number | null;
  swing?: number;
  timeSignatures: { ticks: number; ts: TimeSignature }[];
  keys: { ticks: number; fifths: number; mode: string }[];
  markers: MidiMarker[];
  pickupTicks: number;
  unsupportedMeter?: string;
}

/** The bytes as text: UTF-16 when a byte order mark says so, else UTF-8. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The song's swing for a MusicXML `<swing>`: first:second of 2:1 is full swing (1), straight is 0. */
function swingOf(swing: XmlElement): number {
  const first = numberOf(child(swing, 'first')) ?? 0;
  const second = numberOf(child(swing, 'second')) ?? 0;
  if (child(swing, 'straight') || first <= 0 || second <= 0) return 0;
  return Math.min(1, Math.max(0, Math.round(((3 * (first - second)) / (first + second)) * 100) / 100));
}

/** Reads one part; score-wide facts (tempo, metre, key, marks) are collected from the first part only. */
function readPart(part: XmlElement, facts: ScoreFacts | null, budget: { notes: number }): PartRead {
  const notes: MidiFileNote[] = [];
  const chords: { ticks: number; symbol: string }[] = [];
  let divisions = 1;
  let measureStart = 0;
  let barTicks = MUSICXML_PPQ * 4;
  const tied = new Map<number, MidiFileNote>(); // notes waiting for their tie to continue, by pitch
  const measures = childrenNamed(part, 'measure');
  measures.forEach((measure, index) => {
    let cursor = 0; // in divisions from the measure start
    let furthest = 0;
    let chordStart = 0; // where the last note began: a <chord/> note starts with it
    const toTicks = (divs: number) => measureStart + Math.round((divs / divisions) * MUSICXML_PPQ);
    for (const item of childrenNamed(measure)) {
      if (item.name === 'attributes') {
        const d = numberOf(child(item, 'divisions'));
        if (d !== undefined && d > 0) divisions = d;
        const time = child(item, 'time');
        const beats = Number(textOf(child(time, 'beats')));
        const beatType = Number(textOf(child(time, 'beat-type')));
        if (time && Number.isInteger(beats) && beats > 0 && Number.isInteger(beatType) && beatType > 0) {
          barTicks = (MUSICXML_PPQ * 4 * beats) / beatType;
          facts?.timeSignatures.push({ ticks: toTicks(cursor), ts: { beats, beatUnit: beatType } });
        }
        const key = child(item, 'key');
        const fifths = numberOf(child(key, 'fifths'));
        if (fifths !== undefined)
          facts?.keys.push({ ticks: toTicks(cursor), fifths, mode: textOf(child(key, 'mode')) || 'major' });
      } else if (item.name === 'backup' || item.name === 'forward') {
        const duration = Math.max(0, numberOf(child(item, 'duration')) ?? 0);
        cursor = item.name === 'backup' ? Math.max(0, cursor - duration) : cursor + duration;
        furthest = Math.max(furthest, cursor);
      } else if (item.name === 'harmony') {
        const symbol = harmonySymbol(item);
        const offset = numberOf(child(item, 'offset')) ?? 0;
        if (symbol)
          chords.push({
            ticks: Math.max(0, toTicks(cursor + offset)),
            symbol: symbol.slice(0, VALIDATION_LIMITS.chordSymbolLength),
          });
      } else if (item.name === 'direction' && facts) {
        const offset = numberOf(child(item, 'offset')) ?? 0;
        for (const type of childrenNamed(item, 'direction-type')) {
          for (const mark of childrenNamed(type, 'rehearsal')) {
            const text = textOf(mark).slice(0, VALIDATION_LIMITS.textLength);
            if (text) facts.markers.push({ ticks: Math.max(0, toTicks(cursor + offset)), text });
          }
          const perMinute = numberOf(child(type, 'metronome', 'per-minute'));
          const unit = textOf(child(type, 'metronome', 'beat-unit'));
          const dotted = child(type, 'metronome', 'beat-unit-dot') !== undefined;
          const quarters = ({ half: 2, quarter: 1, eighth: 0.5, whole: 4 } as Record<string, number>)[unit];
          if (facts.tempo === null && perMinute && quarters) facts.tempo = perMinute * quarters * (dotted ? 1.5 : 1);
        }
        const swing = child(item, 'sound', 'swing');
        if (swing && facts.swing === undefined) facts.swing = swingOf(swing);
        const soundTempo = Number(child(item, 'sound')?.attributes.tempo);
        if (soundTempo > 0 && Number.isFinite(soundTempo)) facts.tempo = soundTempo;
      } else if (item.name === 'sound' && facts) {
        const soundTempo = Number(item.attributes.tempo);
        if (soundTempo > 0 && Number.isFinite(soundTempo) && facts.tempo === null) facts.tempo = soundTempo;
      } else if (item.name === 'note') {
        const isChordTone = child(item, 'chord') !== undefined;
        const duration = Math.max(0, numberOf(child(item, 'duration')) ?? 0);
        if (!isChordTone) {
          chordStart = cursor;
          cursor += duration;
          furthest = Math.max(furthest, cursor);
        }
        const start = toTicks(chordStart) - measureStart;
        const voice = textOf(child(item, 'voice')) || '1';
        if (child(item, 'grace') || child(item, 'cue') || voice !== '1') continue;
        const pitch = child(item, 'pitch');
        if (!pitch) continue; // rests and unpitched notes
        const midi = pitchOf(
          textOf(child(pitch, 'step')),
          Math.round(numberOf(child(pitch, 'alter')) ?? 0),
          Math.round(numberOf(child(pitch, 'octave')) ?? 4),
        );
        if (!Number.isFinite(midi) || midi < 0 || midi > 127) continue;
        const ticks = measureStart + start;
        const durationTicks = Math.round((duration / divisions) * MUSICXML_PPQ);
        const ties = childrenNamed(item, 'tie').map((t) => t.attributes.type);
        const continued = ties.includes('stop') ? tied.get(midi) : undefined;
        if (continued && continued.ticks + continued.durationTicks === ticks) {
          continued.durationTicks += durationTicks;
          if (!ties.includes('start')) tied.delete(midi);
          continue;
        }
        const dynamics = Number(item.attributes.dynamics);
        const velocity =
          Number.isFinite(dynamics) && dynamics > 0 ? Math.min(127, Math.max(1, Math.round(dynamics * 0.9))) : 90;
        if (--budget.notes < 0) throw new RangeError('too many notes');
        const note: MidiFileNote = { pitch: midi, ticks, durationTicks: Math.max(1, durationTicks), velocity };
        notes.push(note);
        if (ties.includes('start')) tied.set(midi, note);
      }
    }
    const written = Math.round((furthest / divisions) * MUSICXML_PPQ);
    const implicit = measure.attributes.implicit === 'yes';
    const short = index === 0 && written > 0 && written < barTicks;
    if (facts && index === 0 && (implicit || short) && written > 0 && written < barTicks) facts.pickupTicks = written;
    measureStart += implicit || short ? written : Math.max(written, barTicks);
  });
  return { notes, chords, lengthTicks: measureStart };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The score in a parsed document as a preview, or why it cannot be imported. */
function previewOf(root: XmlElement): MidiReadResult {
  if (root.name === 'score-timewise')
    return {
      ok: false,
      reason: 'this is a timewise MusicXML score; save it as a partwise score (the usual kind) and import that',
    };
  if (root.name !== 'score-partwise') return { ok: false, reason: 'this XML file is not a MusicXML score' };
  const partNames = new Map(
    childrenNamed(child(root, 'part-list'), 'score-part').map((p) => [p.attributes.id, textOf(child(p, 'part-name'))]),
  );
  const facts: ScoreFacts = { tempo: null, timeSignatures: [], keys: [], markers: [], pickupTicks: 0 };
  const budget = { notes: MIDI_LIMITS.notes };
  const tracks: MidiTrackPreview[] = [];
  let lengthTicks = 0;
  const parts = childrenNamed(root, 'part');
  if (parts.length === 0) return { ok: false, reason: 'the score has no parts' };
  parts.forEach((part, i) => {
    const read = readPart(part, i === 0 ? facts : null, budget);
    lengthTicks = Math.max(lengthTicks, read.lengthTicks);
    if (read.notes.length === 0) return;
    const pitches = read.notes.map((n) => n.pitch);
    const name = (partNames.get(part.attributes.id) || `Part ${i + 1}`).slice(0, VALIDATION_LIMITS.nameLength);
    tracks.push({
      index: tracks.length,
      name,
      label: `${name}${i === 0 ? ' (first part)' : ''}`,
      channel: 0,
      program: 0,
      isDrums: false,
      noteCount: read.notes.length,
      lowest: pitches.reduce((a, b) => Math.min(a, b), 127),
      highest: pitches.reduce((a, b) => Math.max(a, b), 0),
      notes: read.notes.sort((a, b) => a.ticks - b.ticks),
      ...(read.chords.length > 0 ? { chords: read.chords } : {}),
    });
  });
  if (tracks.length === 0) return { ok: false, reason: 'the score has no notes to import' };
  if (lengthTicks / MUSICXML_PPQ > MIDI_LIMITS.quarterNotes)
    return { ok: false, reason: 'the score is hours long; its measures look damaged' };

  const warnings: string[] = [];
  const meters = facts.timeSignatures.filter(
    (m, i, all) => i === 0 || m.ts.beats !== all[i - 1].ts.beats || m.ts.beatUnit !== all[i - 1].ts.beatUnit,
  );
  const first = meters[0]?.ts;
  const supported =
    first &&
    first.beats <= VALIDATION_LIMITS.beats.max &&
    (VALIDATION_LIMITS.beatUnits as readonly number[]).includes(first.beatUnit);
  if (first && !supported)
    warnings.push(`the time signature ${first.beats}/${first.beatUnit} is not one the song can use; it keeps its own`);
  if (meters.length > 1)
    warnings.push(
      `the time signature changes ${plural(meters.length - 1, 'time')}; the song stays in ${first?.beats}/${first?.beatUnit} throughout`,
    );
  const keys = facts.keys.filter(
    (k, i, all) => i === 0 || k.fifths !== all[i - 1].fifths || k.mode !== all[i - 1].mode,
  );
  const firstKey = keys[0];
  const scale = firstKey ? (MODE_SCALE[firstKey.mode] ?? 'major') : 'major';
  const key =
    firstKey && Math.abs(firstKey.fifths) <= 7
      ? fromMidiKeySignature({ sharps: Math.round(firstKey.fifths), minor: scale === 'minor' })
      : null;
  const titleElement = child(root, 'work', 'work-title') ?? child(root, 'movement-title');
  return {
    ok: true,
    preview: {
      source: 'musicxml',
      name: textOf(titleElement).slice(0, VALIDATION_LIMITS.titleLength),
      format: 0,
      ppq: MUSICXML_PPQ,
      tempo: facts.tempo,
      ...(facts.swing !== undefined ? { swing: facts.swing } : {}),
      timeSignature: supported ? first : null,
      pickupTicks: facts.pickupTicks,
      key,
      keyChangeTicks: keys[1]?.ticks ?? null,
      markers: facts.markers.sort((a, b) => a.ticks - b.ticks),
      tracks,
      lengthTicks,
      warnings,
    },
  };
}

/**
 * Reads MusicXML (text, or an .mxl zip) into an import preview, or says in plain words why not; never
 * throws, never fetches anything (a DOCTYPE's address is not followed).
 * @example const read = readMusicXmlFile(new Uint8Array(await file.arrayBuffer()))
 */
export function readMusicXmlFile(bytes: Uint8Array): MidiReadResult {
  try {
    if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
    if (bytes.length > MAX_SCORE_BYTES)
      return { ok: false, reason: 'the file is larger than 20 MB, too large for a score' };
    let text: string;
    if (looksLikeZip(bytes)) {
      const unpacked = unpackMxl(bytes);
      if (!unpacked.ok) return unpacked;
      text = unpacked.xml;
    } else text = decode(bytes);
    if (!/^\s*</.test(text.replace(/^\uFEFF/, '')))
      return { ok: false, reason: 'this is not a MusicXML file (it is not XML)' };
    const parsed = parseXml(text.replace(/^\uFEFF/, ''));
    if (!parsed.ok) return { ok: false, reason: `this is not a readable MusicXML file: ${parsed.reason}` };
    return previewOf(parsed.root);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: `the score has more than ${MIDI_LIMITS.notes} notes` };
    return { ok: false, reason: 'the file could not be read as MusicXML' };
  }
}
