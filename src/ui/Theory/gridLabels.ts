import { analyzeNotes } from '../../core/theory/labels';
import type { ChordEvent, KeySignature, MidiPitch, Note } from '../../core/types';
import type { TheorySettings } from './theorySettings';

/** One note's overlay on the grid: text in its first cell and whether it is a chord tone. */
export interface GridNoteLabel {
  start: number;
  text: string;
  tone: 'chord' | 'other' | '';
}

/**
 * The overlay per grid row as a string ("start|text|tone;..."), so the memoised rows compare one string and
 * only rows whose labels changed re-render. Empty map when the overlay is off.
 */
export function gridLabelSignatures(
  notes: readonly Note[],
  key: KeySignature,
  chords: readonly ChordEvent[] | undefined,
  settings: Pick<TheorySettings, 'labels' | 'chordTones' | 'intervals'>,
): Map<MidiPitch, string> {
  const rows = new Map<MidiPitch, string>();
  if (settings.labels === 'none' && !settings.chordTones && !settings.intervals) return rows;
  const theory = analyzeNotes(notes, key, chords);
  notes.forEach((n, i) => {
    const t = theory[i];
    const parts: string[] = [];
    if (settings.labels === 'degrees') parts.push(t.degree);
    if (settings.labels === 'solfege') parts.push(t.solfege);
    if (settings.intervals && t.interval) parts.push(t.interval);
    const tone = settings.chordTones && t.chord ? (t.chordTone ? 'chord' : 'other') : '';
    const entry = `${n.start}|${parts.join(' ').replace(/[|;]/g, '')}|${tone}`;
    rows.set(n.pitch, rows.has(n.pitch) ? `${rows.get(n.pitch)};${entry}` : entry);
  });
  return rows;
}

/** Reads a row's signature back into labels by start step. */
export function parseGridLabels(signature: string | undefined): Map<number, GridNoteLabel> {
  const map = new Map<number, GridNoteLabel>();
  if (!signature) return map;
  for (const entry of signature.split(';')) {
    const [start, text, tone] = entry.split('|');
    map.set(Number(start), { start: Number(start), text, tone: tone as GridNoteLabel['tone'] });
  }
  return map;
}
