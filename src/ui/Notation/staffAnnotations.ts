import type { KeySignature, Note, ChordEvent } from '../../core/types';
import { analyzeNotes, type NoteTheory } from '../../core/theory/labels';
import type { TheorySettings } from '../Theory/theorySettings';

/** The labels the staff writes under each note (by note index) for the overlay settings; empty when off. */
export function staffAnnotations(
  notes: readonly Note[],
  key: KeySignature,
  chords: readonly ChordEvent[] | undefined,
  settings: Pick<TheorySettings, 'labels' | 'intervals' | 'chordTones'>,
): { annotations: Map<number, string[]>; theory: NoteTheory[] | null } {
  const annotations = new Map<number, string[]>();
  if (settings.labels === 'none' && !settings.intervals && !settings.chordTones) return { annotations, theory: null };
  const theory = analyzeNotes(notes, key, chords);
  theory.forEach((t, i) => {
    const lines: string[] = [];
    if (settings.labels === 'degrees') lines.push(t.degree);
    if (settings.labels === 'solfege') lines.push(t.solfege);
    if (settings.intervals && t.interval) lines.push(t.interval);
    if (lines.length) annotations.set(i, lines);
  });
  return { annotations, theory };
}
