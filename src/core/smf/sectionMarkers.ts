import { LIMITS, type Section } from '../types';

/**
 * The text of the marker written at each section start: the phrase's name, then "x3" when the section
 * repeats and "+2" / "-5" when it transposes ("Verse x2 +3"). A DAW shows it as is; the importer reads it
 * back to rebuild the arrangement from a file Phrasewright wrote.
 */

export interface SectionMarker {
  phraseName: string;
  repeats: number;
  transpose: number;
}

/** Marker text for a section playing `phraseName`, e.g. sectionMarkerText('A', { repeats: 2, transpose: -3 }) = "A x2 -3". */
export function sectionMarkerText(phraseName: string, section: Pick<Section, 'repeats' | 'transpose'>): string {
  let text = phraseName;
  if (section.repeats > 1) text += ` x${section.repeats}`;
  if (section.transpose !== 0) text += ` ${section.transpose > 0 ? '+' : ''}${section.transpose}`;
  return text;
}

/** Reads a marker written by sectionMarkerText; other markers read as a phrase name played once. */
export function parseSectionMarker(text: string): SectionMarker {
  const match = /^(.*?)(?: x(\d{1,2}))?(?: ([+-]\d{1,2}))?$/s.exec(text);
  const name = (match?.[1] ?? text).trim();
  const repeats = match?.[2] ? Number(match[2]) : 1;
  const transpose = match?.[3] ? Number(match[3]) : 0;
  const repeatsOk = repeats >= LIMITS.repeats.min && repeats <= LIMITS.repeats.max;
  const transposeOk = transpose >= LIMITS.transpose.min && transpose <= LIMITS.transpose.max;
  if (!repeatsOk || !transposeOk || name === '') return { phraseName: text.trim(), repeats: 1, transpose: 0 };
  return { phraseName: name, repeats, transpose };
}
