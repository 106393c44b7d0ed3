import { phraseSteps } from '../../core/meter';
import type { Song, Steps } from '../../core/types';

/** Where each section of the arrangement starts and ends on the song's step line (missing phrases take no time). */
export interface SectionSpan {
  id: string;
  start: Steps;
  end: Steps;
}

export function sectionSpans(song: Pick<Song, 'phrases' | 'arrangement' | 'timeSignature'>): SectionSpan[] {
  const byId = new Map(song.phrases.map((p) => [p.id, p]));
  const spans: SectionSpan[] = [];
  let at = 0;
  for (const section of song.arrangement) {
    const phrase = byId.get(section.phraseId);
    const length = phrase ? phraseSteps(phrase, song.timeSignature) * Math.max(1, Math.round(section.repeats)) : 0;
    spans.push({ id: section.id, start: at, end: at + length });
    at += length;
  }
  return spans;
}

/** The section sounding at `step` of the song and how far into it (0..1), or null past the end. */
export function sectionAt(spans: readonly SectionSpan[], step: Steps): { id: string; fraction: number } | null {
  for (const span of spans) {
    if (step >= span.start && step < span.end)
      return { id: span.id, fraction: (step - span.start) / (span.end - span.start) };
  }
  return null;
}
